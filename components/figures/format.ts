import { useFormatter, useLocale, useTranslations } from "use-intl";
import type { Unit } from "@/lib/metrics/kpi-types";

/** How the figures pages show a value of each unit; amounts in the configured currency (VIGIE_CURRENCY). */
export function useValueFormat(currency: string) {
  const format = useFormatter();
  const t = useTranslations("Figures.units");
  return (value: number | null | undefined, unit: Unit): string => {
    if (value === null || value === undefined) return "—";
    const plain = (digits: number) => format.number(value, { maximumFractionDigits: digits });
    switch (unit) {
      case "ratio":
        return format.number(value, { style: "percent", maximumFractionDigits: 1 });
      case "currency":
        return format.number(value, { style: "currency", currency });
      case "hours":
        return t("hours", { value: plain(1) });
      case "days":
        return t("days", { value: plain(1) });
      case "count":
        return plain(0);
      default:
        return plain(2);
    }
  };
}

/** A stored number as a person of this locale types it (decimal comma in French), for the form's fields. */
export function useInputText() {
  const locale = useLocale();
  return (value: number | undefined): string => (value === undefined ? "" : locale === "fr" ? String(value).replace(".", ",") : String(value));
}
