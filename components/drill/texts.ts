import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/config";
import { en, fr } from "@/lib/i18n/messages";

/** The drill-down, contact and search pages' texts, for server components. */
export function drillTexts(locale: Locale) {
  return createTranslator({ locale, messages: locale === "fr" ? fr : en, namespace: "Drill" });
}

export type DrillTexts = ReturnType<typeof drillTexts>;
