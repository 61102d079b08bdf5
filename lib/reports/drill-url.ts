/** The drill page of one report cell: the report's query, the row's bucket and key, the column's metric. */
export function drillHref(
  report: { from: string; to: string; granularity: string; groupBy: string },
  row: { bucket: string; key: string | null },
  metric: string,
  extra: Record<string, string> = {},
): string {
  const p = new URLSearchParams({ from: report.from, to: report.to, granularity: report.granularity, groupBy: report.groupBy, bucket: row.bucket });
  if (row.key !== null) p.set("key", row.key);
  p.set("metric", metric);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return `/reports/drill?${p}`;
}

/** The report a drill page came from. */
export function reportBackHref(q: { from: string; to: string; granularity: string; groupBy: string }): string {
  return `/reports?${new URLSearchParams({ from: q.from, to: q.to, granularity: q.granularity, groupBy: q.groupBy })}`;
}
