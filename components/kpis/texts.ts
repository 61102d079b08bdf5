import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/config";
import { en, fr } from "@/lib/i18n/messages";

/**
 * The catalogue's texts for server components, which have no use-intl context:
 * the page renders on the server and sends HTML, not the catalogue as props.
 */
export function catalogueTexts(locale: Locale) {
  return createTranslator({ locale, messages: locale === "fr" ? fr : en, namespace: "Catalogue" });
}

export type CatalogueTexts = ReturnType<typeof catalogueTexts>;
