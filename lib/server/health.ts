import type { Database } from "../../db/client";

/** Whether the database answers, checked at most once a second. */
export class HealthProbe {
  private last = 0;
  private ok = false;
  private pending: Promise<boolean> | null = null;

  constructor(
    private readonly database: Database,
    private readonly timeoutMs = 2000,
  ) {}

  async healthy(): Promise<boolean> {
    if (Date.now() - this.last < 1000) return this.ok;
    return (this.pending ??= this.probe().finally(() => (this.pending = null)));
  }

  private async probe(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), this.timeoutMs);
      });
      await Promise.race([this.database.query("select 1"), timeout]);
      this.ok = true;
    } catch {
      this.ok = false;
    } finally {
      clearTimeout(timer);
      this.last = Date.now();
    }
    return this.ok;
  }
}
