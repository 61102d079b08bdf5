import postgres from "postgres";
import type { Database } from "../../db/client";
import { dropExpiredEvents, type RetentionReport } from "./events-retention";

export interface RetentionRunnerOptions {
  database: Database;
  /** VIGIE_EVENTS_RETENTION_MONTHS. */
  months: number;
  log: (line: string) => void;
  intervalMs?: number;
  now?: () => number;
}

const INTERVAL_MS = 60 * 60_000;
/** Held by the instance running a pass; the others skip theirs (db/migrate.ts uses 7_361_924). */
const RETENTION_LOCK = 7_361_925;

/**
 * One retention pass, run by one instance at a time: on PostgreSQL under a
 * session advisory lock held on a connection of its own for the whole pass
 * (null when another instance holds it); PGlite is one process by construction.
 */
export async function runRetention(
  database: Database,
  opts: { months: number; now: number; log?: (line: string) => void },
): Promise<RetentionReport | null> {
  if (database.kind === "pglite") return dropExpiredEvents(database, opts);
  const lock = postgres(database.url!, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const [row] = await lock<{ ok: boolean }[]>`select pg_try_advisory_lock(${RETENTION_LOCK}) as ok`;
    if (!row?.ok) return null;
    return await dropExpiredEvents(database, opts);
  } finally {
    // Ending the session releases the lock.
    await lock.end({ timeout: 5 });
  }
}

/** The line a pass logs, or null when it changed nothing worth telling. */
export function describeRetention(r: RetentionReport, months: number): string | null {
  if (r.dropped.length === 0 && r.forgottenIds === 0) return null;
  const dropped = r.dropped.length > 0 ? `dropped ${r.dropped.join(", ")}` : "dropped no partition";
  return `Vigie: events retention (${months} months, events before ${r.horizon.toISOString()}): ${dropped}, forgot ${r.forgottenIds} event ids`;
}

/**
 * Applies the retention of raw events hourly (a pass at start, then every
 * hour): whole months are dropped once they leave the retention period, and
 * the coming month's partition is created ahead of time.
 */
export class RetentionRunner {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> = Promise.resolve();
  private readonly now: () => number;

  constructor(private readonly opts: RetentionRunnerOptions) {
    this.now = opts.now ?? Date.now;
  }

  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.opts.intervalMs ?? INTERVAL_MS);
    this.timer.unref();
  }

  /** One pass (after the one under way, if any). */
  tick(): Promise<void> {
    const { database, months, log } = this.opts;
    this.pass = this.pass
      .then(async () => {
        const report = await runRetention(database, { months, now: this.now(), log });
        const line = report && describeRetention(report, months);
        if (line) log(line);
      })
      .catch((e: unknown) => log(`Vigie: events retention failed: ${(e as Error).message}`));
    return this.pass;
  }

  /** Stops the timer and waits for the pass under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
  }
}
