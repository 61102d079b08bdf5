import { eq } from "drizzle-orm";
import { reportSchedules } from "../../../db/schema";
import { isDue, lastDue } from "./due";
import { claimRun, executeRun, startRunNow, today, type RunDeps, type RunOutcome } from "./run-schedule";
import { toInfo } from "./store";

export interface ScheduleRunnerOptions extends RunDeps {
  log: (line: string) => void;
  intervalMs?: number;
  now?: () => number;
}

const INTERVAL_MS = 30_000;

/**
 * Runs the due report schedules: a pass at start (a run missed while the
 * server was down runs once, the latest one) then every 30 s. Each due run is
 * claimed in the database first (`claimRun`), so with several instances on one
 * database each run happens once. Runs of one pass go one after the other: a
 * report is heavy and a schedule is not urgent to the second.
 */
export class ScheduleRunner {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly opts: ScheduleRunnerOptions) {
    this.now = opts.now ?? Date.now;
  }

  start(): void {
    this.stopped = false;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.opts.intervalMs ?? INTERVAL_MS);
    this.timer.unref();
  }

  /** One pass over the enabled schedules (waits for a pass already going). */
  tick(): Promise<void> {
    this.pass = this.pass.then(() => this.runDue()).catch((e: unknown) => this.opts.log(`Vigie: scheduled reports pass failed: ${(e as Error).message}`));
    return this.pass;
  }

  /** "Run now": runs the schedule at once for today's period, whatever its calendar. */
  async runNow(id: string): Promise<RunOutcome | null> {
    const now = this.now();
    const row = await startRunNow(this.opts.database, id, now);
    if (!row) return null;
    return executeRun(this.opts, row, today(now, this.opts.env.VIGIE_TIMEZONE), now);
  }

  /** Stops the timer and waits for the pass under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.pass;
  }

  private async runDue(): Promise<void> {
    const tz = this.opts.env.VIGIE_TIMEZONE;
    const rows = await this.opts.database.db.select().from(reportSchedules).where(eq(reportSchedules.enabled, true));
    for (const row of rows) {
      if (this.stopped) return;
      const now = this.now();
      const { frequency } = toInfo(row);
      if (!isDue(frequency, row.lastRunAt, row.createdAt, now, tz)) continue;
      const due = lastDue(frequency, now, tz);
      const claimed = await claimRun(this.opts.database, row.id, due.at, now);
      if (!claimed) continue;
      const outcome = await executeRun(this.opts, claimed, due.day, now);
      this.opts.log(`Vigie: scheduled report "${row.name}" ${outcome.status === "ok" ? `written to ${outcome.target}` : `failed: ${outcome.error}`}`);
    }
  }
}
