import type { ReportRow } from "@/lib/reports/run-report";

export interface ChartData {
  /** The series' names (group keys, or null for the whole centre), shown in the legend. */
  series: (string | null)[];
  /** One point per bucket: its label, then `s0`, `s1`… (dataKeys that never hold a dot). */
  points: Record<string, string | number | null>[];
  /** How many groups the report has, of which `series` shows the largest. */
  total: number;
}

/**
 * One metric of a report over its buckets, one series per group key: at most
 * `max` keys, the largest by the sum of their values, so a chart stays readable.
 */
export function chartData(rows: readonly ReportRow[], id: string, label: (bucket: string) => string, max = 8): ChartData {
  const sums = new Map<string | null, number>();
  for (const r of rows) sums.set(r.key, (sums.get(r.key) ?? 0) + Math.abs(r.metrics[id] ?? 0));
  const series = [...sums]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([key]) => key)
    .sort((a, b) => (a ?? "").localeCompare(b ?? ""));
  const index = new Map(series.map((k, i) => [k, `s${i}`]));
  const byBucket = new Map<string, Record<string, string | number | null>>();
  for (const r of rows) {
    const dataKey = index.get(r.key);
    if (dataKey === undefined) continue;
    let point = byBucket.get(r.bucket);
    if (!point) byBucket.set(r.bucket, (point = { bucket: label(r.bucket) }));
    point[dataKey] = r.metrics[id] ?? null;
  }
  // In time order whatever the rows' order (the table may be sorted by a column).
  const points = [...byBucket].sort((a, b) => Date.parse(a[0]) - Date.parse(b[0])).map(([, point]) => point);
  return { series, points, total: sums.size };
}
