"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useLocale, useTranslations } from "use-intl";
import { LOCALES, LOCALE_COOKIE, type Locale } from "./config";

const ONE_YEAR_S = 365 * 24 * 3600;

/** Sets the `vigie-locale` cookie and re-renders the server components in the new language. */
export function LanguageSwitcher({ className = "" }: { className?: string }) {
  const t = useTranslations("Language");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const choose = (locale: Locale) => {
    if (locale === current) return;
    document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${ONE_YEAR_S}; samesite=lax`;
    startTransition(() => router.refresh());
  };

  return (
    <div role="group" aria-label={t("label")} className={`flex gap-1 ${pending ? "opacity-60" : ""} ${className}`}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          title={t(locale)}
          aria-pressed={locale === current}
          data-testid={`lang-${locale}`}
          onClick={() => choose(locale)}
          className={`rounded-md px-[0.6em] py-[0.2em] font-semibold uppercase tracking-wide transition-colors ${
            locale === current ? "bg-ink text-canvas" : "text-ink-dim hover:bg-panel-edge hover:text-ink"
          }`}
        >
          {locale}
        </button>
      ))}
    </div>
  );
}
