/**
 * Periods of business figures: calendar days, ISO weeks (Monday first),
 * months, quarters and years, named by their label (`2026-11-23`, `2026-W47`,
 * `2026-11`, `2026-Q4`, `2026`) and stored by kind and first day. Calendar
 * dates only: a period has no time zone; "today" is the caller's business.
 * Pure, shared by server and browser.
 */

export const PERIOD_KINDS = ["day", "week", "month", "quarter", "year"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** First day, YYYY-MM-DD. */
  start: string;
}

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const iso = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY_MS);

export const isPeriodKind = (k: unknown): k is PeriodKind => typeof k === "string" && (PERIOD_KINDS as readonly string[]).includes(k);

/** The date of a YYYY-MM-DD string, or null when it is no calendar date (2026-02-30). */
function parseDate(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = utc(Number(m[1]), Number(m[2]), Number(m[3]));
  return iso(d) === s && d.getUTCFullYear() >= 1000 ? d : null;
}

/** Monday of ISO week 1 of `year` (the week holding 4 January). */
function isoWeekOne(year: number): Date {
  const jan4 = utc(year, 1, 4);
  return addDays(jan4, -((jan4.getUTCDay() + 6) % 7));
}

const isoWeeksIn = (year: number) => Math.round((isoWeekOne(year + 1).getTime() - isoWeekOne(year).getTime()) / (7 * DAY_MS));

/** The period `label` names, or null when it names none. */
export function parsePeriod(label: string): Period | null {
  const s = label.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(s))) return { kind: "year", start: `${m[1]}-01-01` };
  if ((m = /^(\d{4})-Q([1-4])$/i.exec(s))) return { kind: "quarter", start: `${m[1]}-${pad((Number(m[2]) - 1) * 3 + 1)}-01` };
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: "month", start: `${m[1]}-${m[2]}-01` } : null;
  }
  if ((m = /^(\d{4})-W(\d{2})$/i.exec(s))) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (week < 1 || week > isoWeeksIn(year)) return null;
    return { kind: "week", start: iso(addDays(isoWeekOne(year), (week - 1) * 7)) };
  }
  return parseDate(s) ? { kind: "day", start: s } : null;
}

/** The label of a period: `2026-11-23`, `2026-W47`, `2026-11`, `2026-Q4`, `2026`. */
export function periodLabel(p: Period): string {
  const d = parseDate(p.start);
  if (!d) return p.start;
  const y = d.getUTCFullYear();
  switch (p.kind) {
    case "day":
      return p.start;
    case "week": {
      const thursday = addDays(d, 3); // the ISO week belongs to the year of its Thursday
      const wy = thursday.getUTCFullYear();
      const week = 1 + Math.floor((d.getTime() - isoWeekOne(wy).getTime()) / (7 * DAY_MS));
      return `${wy}-W${pad(week)}`;
    }
    case "month":
      return p.start.slice(0, 7);
    case "quarter":
      return `${y}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    case "year":
      return String(y);
  }
}

/** The period of `kind` that holds the day `date` (YYYY-MM-DD); null for an invalid date. */
export function periodContaining(kind: PeriodKind, date: string): Period | null {
  const d = parseDate(date);
  if (!d) return null;
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  switch (kind) {
    case "day":
      return { kind, start: date };
    case "week":
      return { kind, start: iso(addDays(d, -((d.getUTCDay() + 6) % 7))) };
    case "month":
      return { kind, start: iso(utc(y, m, 1)) };
    case "quarter":
      return { kind, start: iso(utc(y, Math.floor((m - 1) / 3) * 3 + 1, 1)) };
    case "year":
      return { kind, start: iso(utc(y, 1, 1)) };
  }
}

/** Is `start` the first day of a period of `kind`? */
export const isPeriodStart = (kind: PeriodKind, start: string): boolean => periodContaining(kind, start)?.start === start;

/** The period `n` periods after `p` (before, for negative `n`). */
export function shiftPeriod(p: Period, n: number): Period {
  const d = parseDate(p.start)!;
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  switch (p.kind) {
    case "day":
      return { kind: "day", start: iso(addDays(d, n)) };
    case "week":
      return { kind: "week", start: iso(addDays(d, 7 * n)) };
    case "month":
      return { kind: "month", start: iso(utc(y, m + n, 1)) };
    case "quarter":
      return { kind: "quarter", start: iso(utc(y, m + 3 * n, 1)) };
    case "year":
      return { kind: "year", start: iso(utc(y + n, 1, 1)) };
  }
}

/** The last day of `p` (YYYY-MM-DD). */
export const periodEnd = (p: Period): string => iso(addDays(parseDate(shiftPeriod(p, 1).start)!, -1));

/** The calendar date (YYYY-MM-DD) of instant `at` in `timeZone`: what "today" means for the center. */
export function localDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}
