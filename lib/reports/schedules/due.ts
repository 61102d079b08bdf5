import { TZDate } from "@date-fns/tz";
import { dayIn } from "../presets";
import type { Frequency } from "./schedule-input";

/**
 * When a schedule is due, in the centre's zone (VIGIE_TIMEZONE). A local time
 * that does not exist (02:30 on the spring-forward day) is due when the clocks
 * jump (03:00); one that exists twice (the fall-back day) is due at its first
 * occurrence only. Pure.
 */

const MINUTE = 60_000;
const offsetAt = (t: number, tz: string) => -new TZDate(t, tz).getTimezoneOffset() * MINUTE;

function wallClock(t: number, tz: string): string {
  const d = new TZDate(t, tz);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant the local day `day` (YYYY-MM-DD) reaches `time` (HH:MM) in `tz`. */
export function instantOn(day: string, time: string, tz: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  const offsets = new Set([offsetAt(asUtc - 86_400_000, tz), offsetAt(asUtc, tz), offsetAt(asUtc + 86_400_000, tz)]);
  const candidates = [...offsets].map((o) => asUtc - o).sort((a, b) => a - b);
  const want = `${day} ${time}`;
  const exact = candidates.find((t) => wallClock(t, tz) === want);
  if (exact !== undefined) return exact;
  // In a gap: the first instant after it, found between the candidates by bisection.
  let lo = candidates[0]!;
  let hi = candidates[candidates.length - 1]!;
  const before = offsetAt(lo, tz);
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offsetAt(mid, tz) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

const previousDay = (day: string) => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
};

/** ISO weekday, 1 = Monday .. 7 = Sunday, of a calendar day. */
const isoWeekday = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The latest instant ≤ `now` when the schedule was due, and the local day it belongs to. */
export function lastDue(freq: Frequency, now: number, tz: string): { at: number; day: string } {
  let day = dayIn(now + 36 * 3_600_000, tz);
  for (let i = 0; i < 10; i++, day = previousDay(day)) {
    if (freq.kind === "weekly" && isoWeekday(day) !== freq.weekday) continue;
    const at = instantOn(day, freq.time, tz);
    if (at <= now) return { at, day };
  }
  throw new Error("no due instant in the last ten days");
}

/** Due now: the latest due instant came after the last run (or, never run, after the creation). */
export function isDue(freq: Frequency, lastRunAt: Date | null, createdAt: Date, now: number, tz: string): boolean {
  return lastDue(freq, now, tz).at > (lastRunAt ?? createdAt).getTime();
}

/** The next instant after `now` when the schedule is due (shown in the list). */
export function nextDue(freq: Frequency, now: number, tz: string): number {
  let day = dayIn(now - 36 * 3_600_000, tz);
  for (let i = 0; i < 12; i++) {
    if (freq.kind === "daily" || isoWeekday(day) === freq.weekday) {
      const at = instantOn(day, freq.time, tz);
      if (at > now) return at;
    }
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    day = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  }
  throw new Error("no due instant in the next ten days");
}
