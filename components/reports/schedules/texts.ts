import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/config";
import { en, fr } from "@/lib/i18n/messages";

/** The scheduled reports' and the comparison's texts, for server components. */
export function schedulesTexts(locale: Locale) {
  return createTranslator({ locale, messages: locale === "fr" ? fr : en, namespace: "Schedules" });
}
