import type { ReportColumn } from "@/lib/reports/lazy-report";

export interface ChartData {
  /** The series' names (group keys, or null for the whole centre), shown in the legend. */
  series: (string | null)[];
  /** One point per bucket: its label, then `s0`, `s1`… (dataKeys that never hold a dot). */
  points: Record<string, string | number | null>[];
  /** How many groups the report has, of which `series` shows the largest. */
  total: number;
}

/**
 * One metric of a report over its buckets (`columnOf`), one series per group
 * key: at most `max` keys, the largest by the sum of their values, so a chart
 * stays readable. Points are in time order, whatever the table's order.
 */
export function chartData({ buckets, keys, values }: ReportColumn, label: (bucket: string) => string, max = 8): ChartData {
  const nk = keys.length;
  const sums = keys.map((key, k) => {
    let sum = 0;
    for (let c = k; c < values.length; c += nk) if (values[c] === values[c]) sum += Math.abs(values[c]!);
    return { key, k, sum };
  });
  const shown = [...sums]
    .sort((a, b) => b.sum - a.sum)
    .slice(0, max)
    .sort((a, b) => (a.key ?? "").localeCompare(b.key ?? ""));
  const points = buckets.map((bucket, b) => {
    const point: Record<string, string | number | null> = { bucket: label(bucket) };
    shown.forEach(({ k }, i) => {
      const v = values[b * nk + k]!;
      point[`s${i}`] = v === v ? v : null;
    });
    return point;
  });
  return { series: shown.map((s) => s.key), points, total: nk };
}
