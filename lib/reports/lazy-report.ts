import type { MetricId } from "../metrics/registry";
import type { GroupBy, ReportQuery } from "./report-query";

/**
 * A report whose rows are built when read: a 90-day report by queue at 15
 * minutes has 432,200 rows, whose formulas and objects cost more than reading
 * the sums behind them. It reads as a plain report (CONTRACT §4): `rows` is an
 * own enumerable property (JSON, spreads and test equality see it), built
 * whole on first read. The report page reads how many rows there are and the
 * first ones (`rowCount`, `firstRows`), the API's JSON and CSV a piece at a
 * time (`rowsBetween`). Whoever has read what it needs calls `release()`: the
 * sums then serve the next report at once (rows already built remain).
 */
export abstract class LazyReport<R> {
  readonly from: string;
  readonly to: string;
  readonly granularity: ReportQuery["granularity"];
  readonly groupBy: GroupBy;
  readonly metrics: MetricId[];
  declare readonly rows: R[];
  #rows: R[] | undefined;

  constructor(query: Pick<ReportQuery, "from" | "to" | "granularity" | "groupBy">, metrics: MetricId[]) {
    this.from = query.from;
    this.to = query.to;
    this.granularity = query.granularity;
    this.groupBy = query.groupBy;
    this.metrics = metrics;
    Object.defineProperty(this, "rows", {
      enumerable: true,
      get: () => (this.#rows ??= this.build(0, this.rowCount)),
    });
  }

  abstract get rowCount(): number;
  /** How many distinct buckets the rows have. */
  abstract get bucketCount(): number;
  /** Lets go of the sums the rows are computed from: rows not built yet cannot be any more. Idempotent. */
  abstract release(): void;
  /** Rows `start` to `end` (excluded), built now. */
  protected abstract build(start: number, end: number): R[];
  /** One metric over every bucket and key, without building the rows (`columnOf`). */
  abstract column(id: string): ReportColumn;

  /** Rows `start` to `end` (excluded), built now (or taken from `rows` once built). */
  rowsBetween(start: number, end: number): R[] {
    return this.#rows ? this.#rows.slice(start, end) : this.build(start, end);
  }

  /** Forgets the rows built (their order changed). */
  protected forgetRows(): void {
    this.#rows = undefined;
  }
}

/**
 * One metric of a report as a grid: `values[b × keys.length + k]` is its value in bucket `b` (time order) for
 * `keys[k]`, NaN where the row has none (or there is no row).
 */
export interface ReportColumn {
  buckets: readonly string[];
  keys: readonly (string | null)[];
  values: Float64Array;
}

/** `id`'s column of a report: computed from the sums when it is lazy, else gathered from its rows (any order). */
export function columnOf(report: { rows: readonly { bucket: string; key: string | null; metrics: Record<string, number | null> }[] }, id: string): ReportColumn {
  if (report instanceof LazyReport) return report.column(id);
  const buckets = [...new Set(report.rows.map((r) => r.bucket))].sort((a, b) => Date.parse(a) - Date.parse(b));
  const keys = [...new Set(report.rows.map((r) => r.key))];
  const at = new Map(buckets.map((b, i) => [b, i]));
  const k = new Map(keys.map((key, i) => [key, i]));
  const values = new Float64Array(buckets.length * keys.length).fill(Number.NaN);
  for (const r of report.rows) values[at.get(r.bucket)! * keys.length + k.get(r.key)!] = r.metrics[id] ?? Number.NaN;
  return { buckets, keys, values };
}

/** Releases a report's sums when it is lazy (see `LazyReport.release`); nothing for a plain report. */
export function releaseReport(report: object): void {
  if (report instanceof LazyReport) report.release();
}

/** A report's number of rows, without building them when it is lazy. */
export function rowCount(report: { rows: readonly unknown[] }): number {
  return report instanceof LazyReport ? report.rowCount : report.rows.length;
}

/** A report's first `n` rows, building only those when it is lazy. */
export function firstRows<R>(report: { rows: R[] }, n: number): R[] {
  return rowsBetween(report, 0, n);
}

/** A report's rows `start` to `end` (excluded), building only those when it is lazy. */
export function rowsBetween<R>(report: { rows: R[] }, start: number, end: number): R[] {
  return report instanceof LazyReport ? (report.rowsBetween(start, end) as R[]) : report.rows.slice(start, end);
}

/** How many distinct buckets a report's rows have. */
export function bucketCount(report: { rows: readonly { bucket: string }[] }): number {
  return report instanceof LazyReport ? report.bucketCount : new Set(report.rows.map((r) => r.bucket)).size;
}

/**
 * The report's own properties in their order, `rows` replaced by `rows` given: without building the rows of a
 * lazy report (spreading it would).
 */
export function withRows<T extends { rows: unknown }, V>(report: T, rows: V): Omit<T, "rows"> & { rows: V } {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(report)) out[key] = key === "rows" ? rows : report[key as keyof T];
  return out as Omit<T, "rows"> & { rows: V };
}
