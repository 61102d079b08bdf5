import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/config";
import { en, fr } from "@/lib/i18n/messages";

/**
 * The report page's texts for server components, which have no use-intl
 * context: the form and the table render on the server as plain HTML.
 */
export function reportsTexts(locale: Locale) {
  return createTranslator({ locale, messages: locale === "fr" ? fr : en, namespace: "Reports" });
}

export type ReportsTexts = ReturnType<typeof reportsTexts>;
