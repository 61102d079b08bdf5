import { TZDate } from "@date-fns/tz";
import { startOfDay } from "date-fns";
import type { WindowId } from "./scope";

/** Local midnight of the day containing `at`, in `timeZone` (DST-correct). */
export function startOfLocalDay(at: number, timeZone: string): number {
  return startOfDay(new TZDate(at, timeZone)).getTime();
}

/** Where a window begins at instant `now` (CONTRACT §3: today from local midnight, 1h/15m sliding). */
export function windowStart(window: WindowId, now: number, timeZone: string): number {
  switch (window) {
    case "today":
      return startOfLocalDay(now, timeZone);
    case "1h":
      return now - 3_600_000;
    case "15m":
      return now - 900_000;
  }
}
