import type { MetricId, MetricValues } from "../metrics/registry";
import { LazyReport, type ReportColumn } from "./lazy-report";
import type { ReportQuery } from "./report-query";
import type { ReportRow } from "./run-report";
import { byBucketDescending, byKey, byValue } from "./sort-order";
import { keyOrder, type ReportSort } from "./sort-rows";

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
 * CONTRACT §4 computed from them when read (`LazyReport`), in time order or,
 * once `sortBy` a column, in that order — computing only that column of every
 * cell to sort, so that a sorted page still builds only the rows it shows.
 */
export class ComputedReport extends LazyReport<ReportRow> {
  readonly #cells: ReportCells;
  readonly #build: (values: Float64Array, at: number) => MetricValues;
  #released = false;
  /** Row position → cell, once sorted (else the cell is the position). */
  #order: Int32Array | null = null;
  /** Every bucket's ISO start, written once sorted (rows then come from any bucket). */
  #stamps: readonly string[] | null = null;

  constructor(query: Pick<ReportQuery, "from" | "to" | "granularity" | "groupBy">, metrics: MetricId[], cells: ReportCells) {
    super(query, metrics);
    this.#cells = cells;
    this.#build = metricsBuilder(metrics);
  }

  get rowCount(): number {
    return this.#cells.starts.length * this.#cells.keys.length;
  }

  get bucketCount(): number {
    return this.#cells.starts.length;
  }

  /** Group keys (`[null]` without grouping): the cell of bucket `b` and key `k` is `b × keys.length + k`. */
  get keys(): readonly (string | null)[] {
    return this.#cells.keys;
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.#cells.release();
  }

  /** The cell shown at row position `r`. */
  cellAt(r: number): number {
    return this.#order ? this.#order[r]! : r;
  }

  /** The metric values of cell `c` (a row's `metrics`). */
  metricsOf(c: number): MetricValues {
    this.#readable();
    const values = new Float64Array(this.metrics.length);
    return this.#cells.compute(c, values, 0) ? this.#build(values, 0) : this.#cells.empty;
  }

  /**
   * Orders the rows as `sortRows` orders a plain report's (`sort=` of CONTRACT §4; none, or by bucket ascending:
   * time order), computing only the sorted column of each cell. Rows built before are forgotten.
   */
  sortBy(sort: ReportSort | undefined): this {
    this.#readable();
    this.forgetRows();
    if (!sort || (sort.column === "bucket" && !sort.descending)) {
      this.#order = null;
      return this;
    }
    const keys = this.#cells.keys;
    const nk = keys.length;
    const nb = this.bucketCount;
    if (sort.column === "bucket") this.#order = byBucketDescending(nb, nk);
    else if (sort.column === "key") {
      const rank = new Int32Array(nk);
      const ranked = [...keys.keys()].sort((a, b) => keyOrder(keys[a]!, keys[b]!));
      (sort.descending ? ranked.reverse() : ranked).forEach((k, i) => (rank[k] = i));
      this.#order = byKey(nb, rank);
    } else {
      // Rows without a value (NaN) sort last either way.
      this.#order = byValue(this.#values(sort.column), sort.descending);
    }
    this.#stamps ??= this.#cells.buckets(0, this.bucketCount);
    return this;
  }

  column(id: string): ReportColumn {
    return { buckets: (this.#stamps ??= this.#cells.buckets(0, this.bucketCount)), keys: this.keys, values: this.#values(id) };
  }

  /** Metric `id`'s value in every cell, NaN for none (every formula runs, no row is built). */
  #values(id: string): Float64Array {
    this.#readable();
    const { compute, empty } = this.#cells;
    const column = new Float64Array(this.rowCount).fill(Number.NaN);
    const at = this.metrics.indexOf(id as MetricId);
    if (at < 0) return column;
    const values = new Float64Array(this.metrics.length);
    const none = empty[id] ?? Number.NaN;
    for (let c = 0; c < column.length; c++) column[c] = compute(c, values, 0) ? values[at]! : none;
    return column;
  }

  protected build(start: number, end: number): ReportRow[] {
    this.#readable();
    const { keys, empty, compute } = this.#cells;
    const nk = keys.length;
    const last = Math.min(end, this.rowCount);
    if (last <= start) return [];
    // In time order, the stamps of the buckets shown only (the page's first rows need a few dozen).
    const first = this.#order ? 0 : Math.floor(start / nk);
    const stamps = this.#order ? this.#stamps! : this.#cells.buckets(first, Math.floor((last - 1) / nk) + 1);
    const values = new Float64Array(this.metrics.length);
    const out: ReportRow[] = new Array(last - start);
    for (let r = start; r < last; r++) {
      const c = this.cellAt(r);
      const b = Math.floor(c / nk);
      out[r - start] = { bucket: stamps[b - first]!, key: keys[c - b * nk]!, metrics: compute(c, values, 0) ? this.#build(values, 0) : empty };
    }
    return out;
  }

  #readable(): void {
    if (this.#released) throw new Error("ComputedReport: rows read after release()");
  }
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
