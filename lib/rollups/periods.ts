import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, startOfDay, startOfMonth } from "date-fns";

/** The distinct local days or months (in `timeZone`) containing the instants, as [start, end) epoch ms. */
export function periodsOf(instants: readonly number[], unit: "day" | "month", timeZone: string): { starts: number[]; ends: number[] } {
  const seen = new Map<number, number>();
  for (const at of instants) {
    const local = new TZDate(at, timeZone);
    const start = unit === "day" ? startOfDay(local) : startOfMonth(local);
    const s = start.getTime();
    if (!seen.has(s)) seen.set(s, (unit === "day" ? addDays(start, 1) : addMonths(start, 1)).getTime());
  }
  const starts = [...seen.keys()].sort((a, b) => a - b);
  return { starts, ends: starts.map((s) => seen.get(s)!) };
}
