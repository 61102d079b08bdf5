import type { ReportRow } from "./run-report";

/**
 * `sort=<column>` (ascending) or `sort=-<column>` (descending): the order of a
 * report's rows on screen, in the CSV and in the JSON alike. Columns are
 * `bucket` (time order), `key` (the group, "all" first) and the chosen metric
 * ids. Rows without a value sort last either way; ties keep time order. Pure.
 */
export interface ReportSort {
  column: string;
  descending: boolean;
}

export function parseSort(raw: string): ReportSort {
  return raw.startsWith("-") ? { column: raw.slice(1), descending: true } : { column: raw, descending: false };
}

export function formatSort(sort: ReportSort): string {
  return `${sort.descending ? "-" : ""}${sort.column}`;
}

/** Group keys in order: "all" (null) first, then by name. */
export const keyOrder = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a.localeCompare(b));

/**
 * The rows in `sort`'s order (a new array; rows as given are in time order, then by key). The definition on plain
 * rows: reports computed from the rollups order their cells the same way without building them
 * (`ComputedReport.sortBy`, tested against this).
 */
export function sortRows<R extends ReportRow>(rows: readonly R[], sort: ReportSort | undefined): R[] {
  if (!sort || (sort.column === "bucket" && !sort.descending)) return [...rows];
  const sign = sort.descending ? -1 : 1;
  const { column } = sort;
  // Each row's bucket position: the rows of one bucket are consecutive.
  let rank = -1;
  const entries = rows.map((row, i) => ({ row, i, t: i > 0 && rows[i - 1]!.bucket === row.bucket ? rank : ++rank }));
  type Entry = (typeof entries)[number];
  const compare =
    column === "bucket"
      ? (a: Entry, b: Entry) => b.t - a.t || a.i - b.i
      : column === "key"
        ? (a: Entry, b: Entry) => sign * keyOrder(a.row.key, b.row.key) || a.i - b.i
        : (a: Entry, b: Entry) => {
            const x = a.row.metrics[column] ?? null;
            const y = b.row.metrics[column] ?? null;
            if (x === null || y === null) return x === y ? a.i - b.i : x === null ? 1 : -1;
            return sign * (x - y) || a.i - b.i;
          };
  return entries.sort(compare).map((e) => e.row);
}
