import type { Metadata } from "next";
import { createTranslator } from "use-intl/core";
import { LoginForm } from "@/components/auth/login-form";
import { safeNextPath } from "@/lib/auth/origin";
import { LanguageSwitcher } from "@/lib/i18n/language-switcher";
import { getLocale, getMessages } from "@/lib/i18n/locale";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: "Login" });
  return { title: t("title") };
}

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** `/login?next=/wallboard`: `next` must be a path on this site (`safeNextPath`), else `/`. */
export default async function LoginPage({ searchParams }: Props) {
  const raw = (await searchParams).next;
  const next = safeNextPath(typeof raw === "string" ? raw : null);
  const locale = await getLocale();
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: "Login" });
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 p-6">
      <h1 className="text-3xl font-extrabold tracking-tight">
        Vigie <span className="font-semibold text-ink-dim">· {t("title")}</span>
      </h1>
      <LoginForm next={next} />
      <LanguageSwitcher />
    </main>
  );
}
