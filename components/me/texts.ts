import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/config";
import { en, fr } from "@/lib/i18n/messages";

/** The agent page's texts, for server components (no use-intl context there). */
export function meTexts(locale: Locale) {
  return createTranslator({ locale, messages: locale === "fr" ? fr : en, namespace: "Me" });
}

export type MeTexts = ReturnType<typeof meTexts>;

/** A clock time in the centre's zone, e.g. 09:05. */
export function clock(at: number, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit" }).format(at);
}
