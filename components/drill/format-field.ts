import { formatDuration } from "@/components/wallboard/format";

/** An aggregate figure as read by people: milliseconds as durations, cents and thousandths as units. */
export function formatField(field: string, value: number, locale: string): string {
  if (field.endsWith("Ms")) return formatDuration(value / 1000, locale);
  if (field.endsWith("Cents")) return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value / 100);
  if (field.endsWith("Milli")) return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value / 1000);
  return new Intl.NumberFormat(locale).format(value);
}

const cache = new Map<string, Intl.DateTimeFormat>();

/** An instant in the centre's zone, to the second. */
export function formatInstant(at: number, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone });
    cache.set(key, f);
  }
  return f.format(at);
}
