import { kpi, type KpiDefinition, type MetricId, type Unit } from "@/lib/metrics/registry";

export const NO_VALUE = "—";

type Style = "percent" | "integer" | "signed" | "twoDigits" | "decimal" | "days" | "hours";

const OPTIONS: Record<Style, Intl.NumberFormatOptions> = {
  percent: { style: "percent", maximumFractionDigits: 0 },
  integer: { maximumFractionDigits: 0 },
  signed: { maximumFractionDigits: 0, signDisplay: "exceptZero" },
  twoDigits: { minimumIntegerDigits: 2, maximumFractionDigits: 0, useGrouping: false },
  decimal: { maximumFractionDigits: 1 },
  days: { style: "unit", unit: "day", unitDisplay: "short", maximumFractionDigits: 1 },
  hours: { style: "unit", unit: "hour", unitDisplay: "short", maximumFractionDigits: 1 },
};

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, style: Style): Intl.NumberFormat {
  const key = `${locale}|${style}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, OPTIONS[style])));
  return f;
}

function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|currency|${currency}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 2 })));
  return f;
}

/** Seconds as m:ss, or h:mm:ss from one hour on. */
export function formatDuration(seconds: number, locale: string): string {
  const total = Math.round(Math.abs(seconds));
  const sign = seconds < 0 && total > 0 ? "-" : "";
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = numberFormat(locale, "twoDigits");
  return h > 0
    ? `${sign}${numberFormat(locale, "integer").format(h)}:${two.format(m)}:${two.format(s)}`
    : `${sign}${numberFormat(locale, "integer").format(m)}:${two.format(s)}`;
}

/** A metric value as shown on the wallboard, by the registry unit, in the given locale. */
export function formatMetric(value: number | null | undefined, unit: Unit, locale: string, currency = "EUR"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  switch (unit) {
    case "ratio":
      return numberFormat(locale, "percent").format(value);
    case "seconds":
      return formatDuration(value, locale);
    case "count":
      return numberFormat(locale, "integer").format(value);
    case "score":
      return numberFormat(locale, "signed").format(value);
    case "number":
      return numberFormat(locale, "decimal").format(value);
    case "days":
      return numberFormat(locale, "days").format(value);
    case "hours":
      return numberFormat(locale, "hours").format(value);
    case "currency":
      return currencyFormat(locale, currency).format(value);
  }
}

/** The registry definition of a known metric id. */
export function definition(id: MetricId): KpiDefinition {
  const def = kpi(id);
  if (!def) throw new Error(`unknown metric ${id}`);
  return def;
}

/** `data-value` of a metric: the raw number, or "" for null. */
export const rawValue = (value: number | null | undefined): string =>
  value === null || value === undefined ? "" : String(value);
