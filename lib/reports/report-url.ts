import type { MetricId } from "../metrics/registry";

/**
 * The report page's whole state lives in its URL, under the API's names
 * (`from`, `to`, `granularity`, `groupBy`, `metrics`, `compare`, `sort`), so a page URL, its CSV
 * link and `GET /api/reports` say the same thing. Pure.
 */

export const DEFAULT_METRICS = [
  "offered", "answered", "abandonRate", "serviceLevel", "asa", "aht", "fcr", "csat", "nps",
] as const satisfies readonly MetricId[];

export interface ReportParams {
  from: string;
  to: string;
  granularity: string;
  groupBy: string;
  /** Comma-separated registry ids, as the API reads them. */
  metrics: string;
  /** `previous`: each row also shows the previous period's value and the change. Absent otherwise. */
  compare?: "previous";
  /** The rows' order: a column, `-` before it for descending (lib/reports/sort-rows.ts). Absent: time order. */
  sort?: string;
}

type Search = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/**
 * The page's search params as the API's, defaults filled in: today, by hour,
 * per queue, `DEFAULT_METRICS`. `metrics` may come as a comma list (links) or
 * as repeated values (the form's checkboxes). Nothing is validated here:
 * `reportQuerySchema` does that, and the raw values are shown back when wrong.
 */
export function reportParams(search: Search, today: string): ReportParams {
  const from = one(search.from) ?? today;
  const raw = search.metrics;
  const metrics = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
    .flatMap((m) => m.split(","))
    .map((m) => m.trim())
    .filter(Boolean);
  return {
    from,
    to: one(search.to) ?? from,
    granularity: one(search.granularity) ?? "hour",
    groupBy: one(search.groupBy) ?? "queue",
    metrics: (metrics.length > 0 ? [...new Set(metrics)] : DEFAULT_METRICS).join(","),
    ...(one(search.compare) === "previous" ? { compare: "previous" as const } : {}),
    ...(one(search.sort) ? { sort: one(search.sort) } : {}),
  };
}

/** `path?from=…&to=…` for these params and any `extra` ones (`format`, `lang`). */
export function reportHref(path: string, params: ReportParams, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...params, ...extra });
  // Commas are legal in a query; left readable, a shared link shows its metrics.
  return `${path}?${query.toString().replaceAll("%2C", ",")}`;
}
