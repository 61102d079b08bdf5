import type { Granularity } from "@/lib/reports/calendar";

const OPTIONS: Record<Granularity, Intl.DateTimeFormatOptions> = {
  "15m": { weekday: "short", day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" },
  "30m": { weekday: "short", day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" },
  hour: { weekday: "short", day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" },
  day: { weekday: "short", day: "2-digit", month: "2-digit", year: "numeric" },
  week: { day: "2-digit", month: "2-digit", year: "numeric" },
  month: { month: "long", year: "numeric" },
};

const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * A report bucket's start (ISO with offset) as the centre reads it: in its
 * zone, whatever the server's or the browser's, at the bucket's precision.
 * A week is shown by its first day; the caller says "week of".
 */
export function bucketLabel(iso: string, granularity: Granularity, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}|${granularity}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, { ...OPTIONS[granularity], timeZone })));
  return f.format(new Date(iso));
}
