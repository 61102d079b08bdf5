import type { ComparedReport } from "./compare";
import { bucketCount, columnOf, firstRows, releaseReport, rowCount, withRows, type ReportColumn } from "./lazy-report";
import type { Report } from "./run-report";

/** Beyond this, the page would weigh megabytes; the CSV has every row. */
export const MAX_TABLE_ROWS = 2000;
/** Beyond this many buckets a chart is unreadable and heavy to send: the table and the CSV remain. */
export const MAX_CHART_POINTS = 1500;

/** What the report page (`/reports`) shows of a report. */
export interface ReportPage<T extends Report | ComparedReport = Report | ComparedReport> {
  /** The report with only its first `MAX_TABLE_ROWS` rows: the table's. */
  shown: T;
  /** How many rows the report has (the table says when it shows fewer). */
  total: number;
  /** The chart's data when the report has at most `MAX_CHART_POINTS` buckets: its first metric's column. */
  chart: ReportColumn | null;
}

/**
 * Reads at once what the page shows of a report, then releases the report's
 * sums (`ComputedReport.release`): the page renders after this function has
 * returned, and the next report reuses them at once instead of after the
 * garbage collector has found this one dead.
 */
export function readPage<T extends Report | ComparedReport>(report: T, rows = MAX_TABLE_ROWS, chartBuckets = MAX_CHART_POINTS): ReportPage<T> {
  try {
    const shown = withRows(report, firstRows(report, rows)) as T;
    const chart = bucketCount(report) <= chartBuckets ? columnOf(report, report.metrics[0]!) : null;
    return { shown, total: rowCount(report), chart };
  } finally {
    releaseReport(report);
  }
}
