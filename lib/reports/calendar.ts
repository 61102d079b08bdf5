import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, addWeeks, startOfDay, startOfMonth, startOfWeek } from "date-fns";

export const GRANULARITIES = ["15m", "30m", "hour", "day", "week", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

const MINUTES: Partial<Record<Granularity, number>> = { "15m": 15, "30m": 30, hour: 60 };

export interface Bucket {
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
}

/** Local midnight starting the calendar day `day` (YYYY-MM-DD) in `timeZone`. */
export function dayStart(day: string, timeZone: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, timeZone).getTime();
}

/**
 * The report's buckets covering the calendar days `from`..`to` (inclusive) in
 * `timeZone`. Sub-day buckets are laid from each local midnight, so a day when
 * clocks change has 92 or 100 quarter-hours (23 or 25 hours); weeks start on
 * Monday and weeks and months are cut to the range.
 */
export function buckets(from: string, to: string, granularity: Granularity, timeZone: string): Bucket[] {
  const rangeStart = dayStart(from, timeZone);
  const rangeEnd = addDays(new TZDate(dayStart(to, timeZone), timeZone), 1).getTime();
  const out: Bucket[] = [];
  const minutes = MINUTES[granularity];
  if (minutes !== undefined) {
    for (let day = new TZDate(rangeStart, timeZone); day.getTime() < rangeEnd; day = addDays(day, 1)) {
      const dayEnd = addDays(day, 1).getTime();
      for (let s = day.getTime(); s < dayEnd; s += minutes * 60_000) out.push({ start: s, end: Math.min(s + minutes * 60_000, dayEnd) });
    }
    return out;
  }
  const first = new TZDate(rangeStart, timeZone);
  let cursor =
    granularity === "day" ? startOfDay(first) : granularity === "week" ? startOfWeek(first, { weekStartsOn: 1 }) : startOfMonth(first);
  while (cursor.getTime() < rangeEnd) {
    const next = granularity === "day" ? addDays(cursor, 1) : granularity === "week" ? addWeeks(cursor, 1) : addMonths(cursor, 1);
    out.push({ start: Math.max(cursor.getTime(), rangeStart), end: Math.min(next.getTime(), rangeEnd) });
    cursor = next;
  }
  return out;
}

/** A bucket's start as ISO-8601 with the zone's offset at that instant (CONTRACT §4). */
export function isoWithOffset(at: number, timeZone: string): string {
  return stamp(at, offsetMinutes(at, timeZone));
}

/**
 * `isoWithOffset` of many ordered instants (a report's 8,640 quarter-hours
 * over 90 days): the zone's offset is looked up twice per 24 hours, and at
 * every instant only within 24 hours that contain a change of offset.
 */
export function isoStamps(instants: readonly number[], timeZone: string): string[] {
  let windowEnd = -Infinity;
  let offset = 0;
  let uniform = false;
  return instants.map((at) => {
    if (at >= windowEnd) {
      windowEnd = at + 86_400_000;
      offset = offsetMinutes(at, timeZone);
      uniform = offsetMinutes(windowEnd, timeZone) === offset;
    }
    return stamp(at, uniform ? offset : offsetMinutes(at, timeZone));
  });
}

const offsetMinutes = (at: number, timeZone: string): number => -new TZDate(at, timeZone).getTimezoneOffset();

function stamp(at: number, offset: number): string {
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, "0");
  // Local wall-clock time = the instant shifted by the offset, printed as if UTC.
  return `${new Date(at + offset * 60_000).toISOString().slice(0, 19)}${offset >= 0 ? "+" : "-"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
