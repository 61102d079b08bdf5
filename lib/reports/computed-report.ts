import type { MetricId, MetricValues } from "../metrics/registry";
import type { GroupBy, ReportQuery } from "./report-query";
import type { Report, ReportRow } from "./run-report";

/** What `runReport` computed: one cell per (bucket, key), time order then key order. */
export interface ReportCells {
  /** Each bucket's start (epoch ms), in time order. */
  starts: readonly number[];
  /** Each bucket's start as ISO with the offset of VIGIE_TIMEZONE, written when first needed. */
  buckets: () => readonly string[];
  /** Group keys (`[null]` without grouping). */
  keys: readonly (string | null)[];
  /** Per cell (bucket × keys + key): its row in `values`, or -1 when nothing was stored (the `empty` answer). */
  cellRow: Int32Array;
  /** `metrics.length` numbers per non-empty cell, NaN for "no value". */
  values: Float64Array;
  /** The answer of every empty cell (nights, quiet queues): one object, shared. */
  empty: MetricValues;
}

/**
 * A report as `runReport` answers it: the cells in flat arrays, and the rows
 * of CONTRACT §4 built from them on first read. A 90-day report by queue at
 * 15 minutes has 432,200 rows; building their objects costs more than
 * computing the report. The API's JSON, the CSV, a sort and a comparison read
 * every row; the report page reads how many there are and the first ones
 * (`rowCount`, `firstRows`).
 */
export class ComputedReport implements Report {
  readonly from: string;
  readonly to: string;
  readonly granularity: ReportQuery["granularity"];
  readonly groupBy: GroupBy;
  readonly metrics: MetricId[];
  declare readonly rows: ReportRow[];
  readonly #cells: ReportCells;
  #buckets: readonly string[] | undefined;
  readonly #build: (values: Float64Array, at: number) => MetricValues;

  constructor(query: Pick<ReportQuery, "from" | "to" | "granularity" | "groupBy">, metrics: MetricId[], cells: ReportCells) {
    this.from = query.from;
    this.to = query.to;
    this.granularity = query.granularity;
    this.groupBy = query.groupBy;
    this.metrics = metrics;
    this.#cells = cells;
    this.#build = metricsBuilder(metrics);
    let rows: ReportRow[] | undefined;
    // An own, enumerable property, as on a plain report: JSON, spreads and test equality see it.
    Object.defineProperty(this, "rows", {
      enumerable: true,
      get: () => (rows ??= this.rowsBetween(0, this.rowCount)),
    });
  }

  get rowCount(): number {
    return this.#cells.cellRow.length;
  }

  /** Rows `start` to `end` (excluded), built now. */
  rowsBetween(start: number, end: number): ReportRow[] {
    const { keys, cellRow, values, empty } = this.#cells;
    const buckets = (this.#buckets ??= this.#cells.buckets());
    const nk = keys.length;
    const nm = this.metrics.length;
    const last = Math.min(end, cellRow.length);
    const out: ReportRow[] = new Array(Math.max(0, last - start));
    for (let r = start; r < last; r++) {
      const b = Math.floor(r / nk);
      const row = cellRow[r]!;
      out[r - start] = { bucket: buckets[b]!, key: keys[r - b * nk]!, metrics: row < 0 ? empty : this.#build(values, row * nm) };
    }
    return out;
  }

  /** How many distinct buckets the rows have. */
  get bucketCount(): number {
    return this.#cells.starts.length;
  }
}

/** A report's number of rows, without building them when it is a `ComputedReport`. */
export function rowCount(report: { rows: readonly unknown[] }): number {
  return report instanceof ComputedReport ? report.rowCount : report.rows.length;
}

/** A report's first `n` rows, building only those when it is a `ComputedReport`. */
export function firstRows<R>(report: { rows: R[] }, n: number): R[] {
  return report instanceof ComputedReport ? (report.rowsBetween(0, n) as R[]) : report.rows.slice(0, n);
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
