/**
 * The report page's ready-made ranges (today, last week…), as calendar days
 * `from`..`to` (inclusive, YYYY-MM-DD, as `reportQuerySchema` reads them).
 * "Today" is a day in the contact centre's zone (VIGIE_TIMEZONE), not the
 * server's or the browser's. Weeks start on Monday, as the report buckets do;
 * the current week and month stop at today, so no empty future rows. Pure.
 */

export const PRESETS = ["today", "yesterday", "thisWeek", "lastWeek", "thisMonth", "lastMonth"] as const;
export type Preset = (typeof PRESETS)[number];

export interface DayRange {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const label = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Calendar arithmetic on UTC midnights: a calendar day has no zone, so no DST. */
function utcDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const plusDays = (d: Date, days: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days));

/** The calendar day `at` falls on in `timeZone`, YYYY-MM-DD. */
export function dayIn(at: Date | number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The days of `preset` seen from the calendar day `today`. */
export function presetRange(preset: Preset, today: string): DayRange {
  const t = utcDay(today);
  const monday = plusDays(t, -((t.getUTCDay() + 6) % 7));
  const firstOfMonth = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "yesterday": {
      const y = label(plusDays(t, -1));
      return { from: y, to: y };
    }
    case "thisWeek":
      return { from: label(monday), to: today };
    case "lastWeek":
      return { from: label(plusDays(monday, -7)), to: label(plusDays(monday, -1)) };
    case "thisMonth":
      return { from: label(firstOfMonth), to: today };
    case "lastMonth":
      return { from: label(new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - 1, 1))), to: label(plusDays(firstOfMonth, -1)) };
  }
}

/** Every preset at the instant `now`, in the centre's zone. */
export function presetRanges(now: Date | number, timeZone: string): Record<Preset, DayRange> {
  const today = dayIn(now, timeZone);
  return Object.fromEntries(PRESETS.map((p) => [p, presetRange(p, today)])) as Record<Preset, DayRange>;
}
