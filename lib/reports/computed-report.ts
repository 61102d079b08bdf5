import type { MetricId, MetricValues } from "../metrics/registry";
import type { GroupBy, ReportQuery } from "./report-query";
import type { Report, ReportRow } from "./run-report";

/** What `runReport` computed: one cell per (bucket, key), time order then key order. */
export interface ReportCells {
  /** Each bucket's start (epoch ms), in time order. */
  starts: readonly number[];
  /** The starts of buckets `from` to `to` (excluded) as ISO with the offset of VIGIE_TIMEZONE: written for the rows built. */
  buckets: (from: number, to: number) => readonly string[];
  /** Group keys (`[null]` without grouping). */
  keys: readonly (string | null)[];
  /**
   * Writes the metric values of cell `c` (bucket × keys.length + key) into
   * `out[at + i]`, NaN for "no value"; answers false, writing nothing, when
   * nothing was stored for it (the `empty` answer). Computed when the cell is
   * read: the report page reads only its first rows.
   */
  compute(c: number, out: Float64Array, at: number): boolean;
  /** The answer of every empty cell (nights, quiet queues): one object, shared. */
  empty: MetricValues;
  /** Lets go of what `compute` reads (the report's sums, reused by the next report); `compute` is not called after. */
  release(): void;
}

/**
 * A report as `runReport` answers it: the sums it read, and the rows of
 * CONTRACT §4 computed from them on first read. A 90-day report by queue at
 * 15 minutes has 432,200 rows; their formulas and objects cost more than
 * reading the sums. A sort and a comparison read every row (`rows`); the
 * API's JSON and CSV read them a piece at a time (`rowsBetween`); the report
 * page reads how many there are and the first ones (`rowCount`,
 * `firstRows`). Whoever has read what it needs calls `release()`:
 * the sums then serve the next report at once (rows already built remain).
 */
export class ComputedReport implements Report {
  readonly from: string;
  readonly to: string;
  readonly granularity: ReportQuery["granularity"];
  readonly groupBy: GroupBy;
  readonly metrics: MetricId[];
  declare readonly rows: ReportRow[];
  readonly #cells: ReportCells;
  readonly #build: (values: Float64Array, at: number) => MetricValues;
  #released = false;
  #rows: ReportRow[] | undefined;

  constructor(query: Pick<ReportQuery, "from" | "to" | "granularity" | "groupBy">, metrics: MetricId[], cells: ReportCells) {
    this.from = query.from;
    this.to = query.to;
    this.granularity = query.granularity;
    this.groupBy = query.groupBy;
    this.metrics = metrics;
    this.#cells = cells;
    this.#build = metricsBuilder(metrics);
    // An own, enumerable property, as on a plain report: JSON, spreads and test equality see it.
    Object.defineProperty(this, "rows", {
      enumerable: true,
      get: () => (this.#rows ??= this.rowsBetween(0, this.rowCount)),
    });
  }

  get rowCount(): number {
    return this.#cells.starts.length * this.#cells.keys.length;
  }

  /** Lets go of the sums the rows are computed from: rows not built yet cannot be any more. Idempotent. */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.#cells.release();
  }

  /** Rows `start` to `end` (excluded), built now (or taken from `rows` once built). */
  rowsBetween(start: number, end: number): ReportRow[] {
    if (this.#rows) return this.#rows.slice(start, end);
    if (this.#released) throw new Error("ComputedReport: rows read after release()");
    const { keys, empty, compute } = this.#cells;
    const nk = keys.length;
    const last = Math.min(end, this.rowCount);
    const first = Math.floor(start / nk);
    const buckets = last > start ? this.#cells.buckets(first, Math.floor((last - 1) / nk) + 1) : [];
    const values = new Float64Array(this.metrics.length);
    const out: ReportRow[] = new Array(Math.max(0, last - start));
    for (let r = start; r < last; r++) {
      const b = Math.floor(r / nk);
      out[r - start] = { bucket: buckets[b - first]!, key: keys[r - b * nk]!, metrics: compute(r, values, 0) ? this.#build(values, 0) : empty };
    }
    return out;
  }

  /** How many distinct buckets the rows have. */
  get bucketCount(): number {
    return this.#cells.starts.length;
  }
}

/** Releases a report's sums when it is a `ComputedReport` (see `release`); nothing for a plain report. */
export function releaseReport(report: object): void {
  if (report instanceof ComputedReport) report.release();
}

/** A report's number of rows, without building them when it is a `ComputedReport`. */
export function rowCount(report: { rows: readonly unknown[] }): number {
  return report instanceof ComputedReport ? report.rowCount : report.rows.length;
}

/** A report's first `n` rows, building only those when it is a `ComputedReport`. */
export function firstRows<R>(report: { rows: R[] }, n: number): R[] {
  return rowsBetween(report, 0, n);
}

/** A report's rows `start` to `end` (excluded), building only those when it is a `ComputedReport`. */
export function rowsBetween<R>(report: { rows: R[] }, start: number, end: number): R[] {
  return report instanceof ComputedReport ? (report.rowsBetween(start, end) as R[]) : report.rows.slice(start, end);
}

/**
 * The report's own properties in their order, `rows` replaced by `rows` given: without building the rows of a
 * `ComputedReport` (spreading it would).
 */
export function withRows<T extends { rows: unknown }, V>(report: T, rows: V): Omit<T, "rows"> & { rows: V } {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(report)) out[key] = key === "rows" ? rows : report[key as keyof T];
  return out as Omit<T, "rows"> & { rows: V };
}

/** How many distinct buckets a report's rows have. */
export function bucketCount(report: { rows: readonly { bucket: string }[] }): number {
  return report instanceof ComputedReport ? report.bucketCount : new Set(report.rows.map((r) => r.bucket)).size;
}

/**
 * `build(values, at)`: the metrics object `{ [ids[i]]: values[at + i] }`
 * (NaN read as null), compiled once per list of ids into one object literal,
 * so that every answer has the same shape and is built without keyed stores.
 * The ids are registry ids (checked), never free input.
 */
function metricsBuilder(ids: readonly string[]): (values: Float64Array, at: number) => MetricValues {
  const props = ids.map((id, i) => {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(id)) throw new Error(`metricsBuilder: not a metric id: ${JSON.stringify(id)}`);
    return `${JSON.stringify(id)}: n(v[at + ${i}])`;
  });
  const make = new Function("n", `return (v, at) => ({ ${props.join(", ")} });`) as (
    n: (x: number) => number | null,
  ) => (values: Float64Array, at: number) => MetricValues;
  return make((x) => (x === x ? x : null));
}
