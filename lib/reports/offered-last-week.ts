import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";
import type { Database } from "../../db/client";
import { BatchFold } from "../metrics/batch";
import { DEFAULT_REPEAT_DAYS, type EngineConfig } from "../metrics/engine";
import type { Scope } from "../metrics/scope";
import { buckets } from "./calendar";
import { loadReportEvents } from "./load-events";

/** One day's offered contacts per 15 minutes, for a scope. */
export interface DayOffered {
  scope: Scope;
  /** The local calendar day, YYYY-MM-DD. */
  day: string;
  stepMinutes: 15;
  points: { start: string; offered: number }[];
}

/** A past local day's stored events, folded once for every scope asked of it. */
export interface DayFold {
  day: string;
  timeZone: string;
  fold: BatchFold;
}

/** The local calendar day (YYYY-MM-DD) `days` days from the one containing `at`. */
export function localDay(at: number, timeZone: string, days = 0): string {
  return format(addDays(new TZDate(at, timeZone), days), "yyyy-MM-dd");
}

/** Loads and folds the stored events of a local calendar day, as a report over that day does. */
export async function loadDayFold(database: Database, day: string, config: EngineConfig): Promise<DayFold> {
  const slots = buckets(day, day, "day", config.timeZone);
  const range = { from: slots[0]!.start, to: slots[slots.length - 1]!.end };
  const events = await loadReportEvents(database, range, config.repeatDays ?? DEFAULT_REPEAT_DAYS);
  return { day, timeZone: config.timeZone, fold: new BatchFold(events, config) };
}

/**
 * A past day's offered contacts per 15 minutes (local, DST-correct) with the
 * registry's formula: the "same weekday last week" line of the live chart.
 */
export function offeredPerQuarter({ day, timeZone, fold }: DayFold, scope: Scope): DayOffered {
  const slots = buckets(day, day, "15m", timeZone);
  const end = slots[slots.length - 1]!.end;
  return {
    scope,
    day,
    stepMinutes: 15,
    points: slots.map((s) => ({ start: new Date(s.start).toISOString(), offered: fold.metrics(scope, s.start, s.end, end).offered ?? 0 })),
  };
}
