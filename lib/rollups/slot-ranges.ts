import { TZDate } from "@date-fns/tz";
import type { Bucket } from "../reports/calendar";

/**
 * Slot arithmetic for reading rollups (lib/rollups/read-rollups.ts): which stored period a report's slot is read
 * from, runs of slots read in one statement, the parts of a range outside some UTC days, and the slot of an instant.
 */

/** A stored period: quarter-hours, local days, local months. */
export type Grain = "q" | "d" | "m";

/** Runs of consecutive slots read at one grain (optionally only the slots `pick` keeps), as [from, to) ranges. */
export function ranges(slots: readonly Bucket[], grains: readonly Grain[], pick: (i: number) => boolean = () => true): { grain: Grain; from: number; to: number }[] {
  const out: { grain: Grain; from: number; to: number }[] = [];
  for (let i = 0; i < slots.length; i++) {
    if (!pick(i)) continue;
    const last = out[out.length - 1];
    if (last && last.grain === grains[i] && last.to === slots[i]!.start) last.to = slots[i]!.end;
    else out.push({ grain: grains[i]!, from: slots[i]!.start, to: slots[i]!.end });
  }
  return out;
}

/** The parts of `range` outside the given UTC days (epoch ms of their midnights, sorted). */
export function outside(range: { from: number; to: number }, days: readonly number[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let from = range.from;
  for (const d of days) {
    if (d > from) out.push({ from, to: Math.min(d, range.to) });
    from = Math.max(from, d + 86_400_000);
  }
  if (from < range.to) out.push({ from, to: range.to });
  return out.filter((r) => r.to > r.from);
}

/**
 * The index of the slot holding an instant, or -1. Slots of one length end to
 * end (15 min, 30 min, hours — the usual case, millions of calls) by
 * arithmetic; others (days, weeks, months, odd hours on DST days) by search.
 */
export function slotFinder(slots: readonly Bucket[]): (at: number) => number {
  const first = slots[0]!.start;
  const end = slots[slots.length - 1]!.end;
  const len = slots[0]!.end - first;
  if (slots.every((s, i) => s.start === first + i * len && s.end === s.start + len)) {
    return (at) => (at < first || at >= end ? -1 : Math.floor((at - first) / len));
  }
  const starts = slots.map((s) => s.start);
  return (at) => {
    let lo = 0, hi = starts.length - 1;
    if (at < first || at >= end) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

export function isWholeMonth(s: Bucket, timeZone: string): boolean {
  // Month slots start and end at local midnights: whole when both are the 1st and a month apart.
  const dayOf = (at: number) => new TZDate(at, timeZone).getDate();
  return dayOf(s.start) === 1 && dayOf(s.end) === 1 && s.end - s.start > 27 * 86_400_000;
}
