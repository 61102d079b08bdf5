import { comparedRow, type ComparedReport, type ComparedRow } from "./compare";
import type { ComputedReport } from "./computed-report";
import { LazyReport, type ReportColumn } from "./lazy-report";

/**
 * `compareReports` of two computed reports, its rows built when read: rows
 * matched by bucket position and group key as there, in the current report's
 * order (time order, or `sortBy`). A 90-day report at 15 minutes compared with
 * the 90 days before is 432,200 rows of twice the values: built whole, seconds;
 * the report page shows 2,000 of them, and the exports stream them in pieces.
 */
export class ComputedComparison extends LazyReport<ComparedRow> implements ComparedReport {
  readonly previous: { from: string; to: string };
  readonly #current: ComputedReport;
  readonly #before: ComputedReport;
  readonly #keyIndex: Map<string | null, number>;

  constructor(current: ComputedReport, previous: ComputedReport) {
    super(current, current.metrics);
    this.previous = { from: previous.from, to: previous.to };
    this.#current = current;
    this.#before = previous;
    this.#keyIndex = new Map(previous.keys.map((k, i) => [k, i]));
  }

  get rowCount(): number {
    return this.#current.rowCount;
  }

  get bucketCount(): number {
    return this.#current.bucketCount;
  }

  /** The current period's column: compared rows keep its values. */
  column(id: string): ReportColumn {
    return this.#current.column(id);
  }

  release(): void {
    this.#current.release();
    this.#before.release();
  }

  protected build(start: number, end: number): ComparedRow[] {
    const current = this.#current;
    const before = this.#before;
    const nk = current.keys.length;
    return current.rowsBetween(start, end).map((row, i) => {
      const b = Math.floor(current.cellAt(start + i) / nk);
      const k = this.#keyIndex.get(row.key);
      return comparedRow(row, b < before.bucketCount && k !== undefined ? before.metricsOf(b * before.keys.length + k) : {}, this.metrics);
    });
  }
}
