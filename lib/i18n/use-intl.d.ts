import type { Locale } from "./config";
import type fr from "./messages/fr.json";

// Typed message keys and locales for useTranslations/useLocale; fr.json is the reference catalogue.
declare module "use-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof fr;
  }
}
