import type { Database } from "../../db/client";
import type { Env } from "../env";
import type { Scope } from "../metrics/scope";
import { loadDayFold, localDay, offeredPerQuarter, type DayFold, type DayOffered } from "../reports/offered-last-week";
import { reportConfig } from "../reports/report-config";

/** Distinct scopes kept per day: boards of a center name a few dozen. */
const MAX_ENTRIES = 200;
/** A day's fold is kept this long after it is loaded, for the other scopes screens ask at about the same time. */
const FOLD_KEEP_MS = 60_000;

/**
 * The same weekday of last week, per 15 minutes, per scope: computed once per
 * (scope, day) from PostgreSQL and kept for the day, so a thousand screens
 * cost one load of that day each morning, not one each. Concurrent first
 * requests share the load; a failed one is not kept.
 */
export class LastWeekCache {
  private readonly entries = new Map<Scope, Promise<DayOffered>>();
  private day = "";
  private fold: { day: string; promise: Promise<DayFold> } | null = null;

  constructor(
    private readonly timeZone: string,
    private readonly loadDay: (day: string) => Promise<DayFold>,
  ) {}

  get(scope: Scope, now: number): Promise<DayOffered> {
    const day = localDay(now, this.timeZone, -7);
    if (day !== this.day) {
      this.entries.clear();
      this.day = day;
    }
    const hit = this.entries.get(scope);
    if (hit) return hit;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    const p = this.dayFold(day).then((f) => offeredPerQuarter(f, scope));
    this.entries.set(scope, p);
    p.catch(() => {
      if (this.entries.get(scope) === p) this.entries.delete(scope);
    });
    return p;
  }

  private dayFold(day: string): Promise<DayFold> {
    if (this.fold?.day === day) return this.fold.promise;
    const promise = this.loadDay(day);
    const entry = { day, promise };
    this.fold = entry;
    // Kept a little for the other scopes asked at about the same time, then let go: a day of events is large.
    const release = () => void (this.fold === entry && (this.fold = null));
    promise.then(() => setTimeout(release, FOLD_KEEP_MS).unref(), release);
    return promise;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The cache over the stored events, with the engine's configuration read fresh for each day. */
export const lastWeekCache = (database: Database, env: Env): LastWeekCache =>
  new LastWeekCache(env.VIGIE_TIMEZONE, async (day) => loadDayFold(database, day, await reportConfig(database, env)));
