import { kpi, type MetricValues } from "../metrics/registry";
import type { Report, ReportRow } from "./run-report";

/**
 * `compare=previous`: the period just before the report's, of the same kind
 * (yesterday for today, last week for this week, last month for this month,
 * else the same number of days just before), and for every row the previous
 * period's values and the change, rows matched by bucket position and group
 * key. Changes are absolute for counts and durations, in points for ratios. Pure.
 */

export interface ComparedRow extends ReportRow {
  previous: MetricValues;
  change: MetricValues;
}

export interface ComparedReport extends Omit<Report, "rows"> {
  previous: { from: string; to: string };
  rows: ComparedRow[];
}

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const label = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (s: string, n: number) => label(new Date(day(s).getTime() + n * 86_400_000));
const lastOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();

export function previousRange(from: string, to: string): { from: string; to: string } {
  const f = day(from);
  const t = day(to);
  const days = Math.round((t.getTime() - f.getTime()) / 86_400_000) + 1;
  if (f.getUTCDate() === 1) {
    const months = (t.getUTCFullYear() - f.getUTCFullYear()) * 12 + t.getUTCMonth() - f.getUTCMonth();
    const start = new Date(Date.UTC(f.getUTCFullYear(), f.getUTCMonth() - months - 1, 1));
    const endMonth = start.getUTCMonth() + months;
    const endLast = lastOfMonth(start.getUTCFullYear(), endMonth);
    // Whole months compare with whole months; the month so far with the same days of the month before.
    const wholeMonths = t.getUTCDate() === lastOfMonth(t.getUTCFullYear(), t.getUTCMonth());
    const endDay = wholeMonths ? endLast : Math.min(t.getUTCDate(), endLast);
    return { from: label(start), to: label(new Date(Date.UTC(start.getUTCFullYear(), endMonth, endDay))) };
  }
  // The week so far (from a Monday) compares with the same days of the week before.
  const shift = f.getUTCDay() === 1 && days > 1 && days < 7 ? 7 : days;
  return { from: addDays(from, -shift), to: addDays(to, -shift) };
}

/** The change from `prev` to `cur` for a metric: in points (×100) for ratios. */
export function change(id: string, cur: number | null | undefined, prev: number | null | undefined): number | null {
  if (cur == null || prev == null) return null;
  const diff = kpi(id)?.unit === "ratio" ? (cur - prev) * 100 : cur - prev;
  return Math.round(diff * 1e6) / 1e6;
}

/** The comparison of two plain reports; `ComputedComparison` builds the same rows lazily (tested against this). */
export function compareReports(current: Report, previous: Report): ComparedReport {
  const position = (rows: readonly ReportRow[]) => {
    const order = new Map<string, number>();
    for (const r of rows) if (!order.has(r.bucket)) order.set(r.bucket, order.size);
    return order;
  };
  const prevPos = position(previous.rows);
  const byKey = new Map(previous.rows.map((r) => [`${prevPos.get(r.bucket)}|${r.key ?? ""}`, r.metrics]));
  const curPos = position(current.rows);
  const rows = current.rows.map((row) => comparedRow(row, byKey.get(`${curPos.get(row.bucket)}|${row.key ?? ""}`) ?? {}, current.metrics));
  return { ...current, previous: { from: previous.from, to: previous.to }, rows };
}

/** A row of the current period beside the previous period's values at its position (`{}`: none there). */
export function comparedRow(row: ReportRow, prev: MetricValues, metrics: readonly string[]): ComparedRow {
  const previousValues: MetricValues = {};
  const changes: MetricValues = {};
  for (const id of metrics) {
    previousValues[id] = prev[id] ?? null;
    changes[id] = change(id, row.metrics[id], prev[id]);
  }
  return { ...row, previous: previousValues, change: changes };
}
