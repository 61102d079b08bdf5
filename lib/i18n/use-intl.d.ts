import type { Locale } from "./config";
import type { Messages } from "./messages";

// Typed message keys and locales for useTranslations/useLocale; French is the reference catalogue.
declare module "use-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
