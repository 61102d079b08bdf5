import type { Database } from "../../db/client";
import type { EngineConfig } from "../metrics/engine";
import { catchUpRollups } from "./catch-up";
import { buildStrips } from "./strips";

export interface RollupRunnerOptions {
  database: Database;
  /** The configuration in force (thresholds are read from the database by the caller). */
  config: () => Promise<EngineConfig>;
  log: (line: string) => void;
  /** How often the rollups look for events stored by other instances. */
  intervalMs?: number;
}

/** After a batch is stored, the next fold waits this long, so that a burst folds as one. */
const SETTLE_MS = 200;
const INTERVAL_MS = 5_000;
const STRIP_DAYS_PER_PASS = 7;

/**
 * Keeps the rollups up to date in the background: shortly after each stored
 * batch, and every few seconds for events another instance stored. Reports do
 * not depend on it for exactness — they catch up before reading — it only
 * keeps that catch-up short, and builds the strips (strips.ts) reports read
 * for finished days.
 */
export class RollupRunner {
  private timer: NodeJS.Timeout | undefined;
  private settle: NodeJS.Timeout | undefined;
  private pass: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly opts: RollupRunnerOptions) {}

  start(): void {
    this.stopped = false;
    void this.opts.database
      .query<{ watermark: string | number }>(`select watermark from rollup_state where id = 1`)
      .then(([s]) => {
        if (s && Number(s.watermark) < 0) {
          this.opts.log("Vigie: a rebuild of the rollups is under way or was interrupted; reports stay incomplete until it ends (re-run `npm run rollups:rebuild` if it was interrupted)");
        }
      })
      .catch(() => {});
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.opts.intervalMs ?? INTERVAL_MS);
    this.timer.unref();
  }

  /** Events were stored: fold them soon. */
  poke(): void {
    if (this.stopped || this.settle) return;
    this.settle = setTimeout(() => {
      this.settle = undefined;
      void this.tick();
    }, SETTLE_MS);
    this.settle.unref();
  }

  tick(): Promise<void> {
    this.pass = this.pass
      .then(async () => {
        if (this.stopped) return;
        const t0 = Date.now();
        const folded = await catchUpRollups(this.opts.database, await this.opts.config());
        if (folded > 50_000) this.opts.log(`Vigie: rollups caught up with ${folded} events in ${Date.now() - t0} ms`);
        // Then the strips of finished days, a few per pass (a database upgraded with a year of history gets
        // them within minutes; late events make a day stale again).
        await buildStrips(this.opts.database, Date.now(), STRIP_DAYS_PER_PASS);
      })
      .catch((e: unknown) => this.opts.log(`Vigie: rollups update failed (retried): ${(e as Error).message}`));
    return this.pass;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.settle);
    await this.pass;
  }
}
