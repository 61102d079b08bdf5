"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import { useTranslations } from "use-intl";

/**
 * Calls an admin route with JSON, turns a refusal into a message for the
 * form, and re-renders the page's server data after a success.
 */
export function useAdminRequest() {
  const t = useTranslations("Admin.errors");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refreshing, startTransition] = useTransition();

  const send = useCallback(
    async <T = unknown>(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<T | null> => {
      setBusy(true);
      setError(null);
      try {
        const res = await fetch(url, {
          method,
          credentials: "same-origin",
          headers: body === undefined ? {} : { "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (res.status === 401) {
          location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
          return null;
        }
        const json = (await res.json().catch(() => null)) as ({ error?: string; field?: string; reason?: string } & T) | null;
        if (!res.ok) {
          if (res.status === 400) setError(t("invalid", { field: json?.field ?? "?", reason: json?.reason ?? json?.error ?? "" }));
          else if (res.status === 409) setError(json?.field === "agentId" ? t("agentIdTaken") : t("emailTaken"));
          else if (res.status === 404) setError(t("notFound"));
          else if (res.status === 403) setError(t("forbidden"));
          else setError(t("failed"));
          return null;
        }
        startTransition(() => router.refresh());
        return (json ?? ({} as T)) as T;
      } catch {
        setError(t("failed"));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [router, t],
  );

  return { send, error, pending: busy || refreshing, clearError: () => setError(null) };
}

/** "a, b ,c" → ["a", "b", "c"]; empty → [] (all queues). */
export const splitQueues = (text: string): string[] =>
  text
    .split(",")
    .map((q) => q.trim())
    .filter((q) => q.length > 0);
