"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";

type Failure = "credentials" | "throttled" | "disabled" | "unavailable";

/** better-auth's answer to a refused sign-in, as a message key. */
async function failureOf(res: Response): Promise<Failure> {
  if (res.status === 401) return "credentials";
  if (res.status === 429) return "throttled";
  if (res.status === 403) {
    const body = (await res.json().catch(() => null)) as { code?: string } | null;
    if (body?.code === "ACCOUNT_DISABLED") return "disabled";
  }
  return "unavailable";
}

/** E-mail + password, posted as JSON to better-auth; on success the browser goes to `next` (already made safe by the page). */
export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("Login");
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setFailure(null);
    try {
      const res = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") }),
      });
      if (res.ok) {
        location.assign(next);
        return;
      }
      setFailure(await failureOf(res));
    } catch {
      setFailure("unavailable");
    }
    setPending(false);
  };

  return (
    <form onSubmit={submit} className="flex w-full max-w-sm flex-col gap-4 rounded-xl border-2 border-panel-edge bg-panel p-6" data-testid="login-form">
      <label className="flex flex-col gap-1">
        <span className="text-sm font-semibold text-ink-dim">{t("email")}</span>
        <input name="email" type="email" autoComplete="username" required className="rounded-md border border-panel-edge bg-canvas px-3 py-2 text-ink" />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-sm font-semibold text-ink-dim">{t("password")}</span>
        <input name="password" type="password" autoComplete="current-password" required className="rounded-md border border-panel-edge bg-canvas px-3 py-2 text-ink" />
      </label>
      {failure && (
        <p role="alert" data-testid="login-error" data-reason={failure} className="text-sm font-semibold text-alert">
          {t(`errors.${failure}`)}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded-md bg-ink px-4 py-2 font-semibold text-canvas disabled:opacity-60">
        {pending ? t("signingIn") : t("submit")}
      </button>
    </form>
  );
}
