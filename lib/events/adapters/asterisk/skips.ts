/**
 * Why lines produced no event, counted per reason. A reason that names a verb
 * (`unknown-verb:DID`) keeps it short and plain, and past a few dozen distinct
 * reasons the rest are counted together, so hostile input cannot grow the report.
 */
export interface SkipReport {
  total: number;
  byReason: Record<string, number>;
}

const MAX_REASONS = 64;

export class SkipCounter {
  private readonly counts = new Map<string, number>();
  private totalCount = 0;

  add(reason: string, n = 1): void {
    const key = this.counts.has(reason) || this.counts.size < MAX_REASONS ? reason : "other";
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
    this.totalCount += n;
  }

  merge(report: SkipReport): void {
    for (const [reason, n] of Object.entries(report.byReason)) this.add(reason, n);
  }

  get total(): number {
    return this.totalCount;
  }

  report(): SkipReport {
    return { total: this.totalCount, byReason: Object.fromEntries([...this.counts].sort(([a], [b]) => (a < b ? -1 : 1))) };
  }
}

/** A verb as it may appear in a reason: letters, digits, `_` and `-`, at most 32 of them. */
export const verbLabel = (verb: string) => verb.toUpperCase().replace(/[^A-Z0-9_-]/g, "").slice(0, 32) || "EMPTY";
