import type { Database } from "../../db/client";
import type { Restriction } from "../metrics/batch";
import type { EngineConfig } from "../metrics/engine";
import { compareReports, previousRange, type ComparedReport } from "./compare";
import type { ComputedReport } from "./computed-report";
import type { ReportQuery } from "./report-query";
import { runReport, type Report } from "./run-report";
import { parseSort, sortRows } from "./sort-rows";

/**
 * The report, and with `compare` the previous period's beside it
 * (`compare=previous`), its rows in the query's `sort` order: page, CSV and
 * JSON alike. Sorted or compared, every row is built here and the sums are
 * released; else the caller releases them (`releaseReport`) once it has read
 * what it shows.
 */
export async function runMaybeCompared(
  database: Database,
  query: ReportQuery,
  config: EngineConfig,
  only: Restriction,
  now: number,
  compare: boolean,
): Promise<Report | ComparedReport> {
  const current = await runReport(database, query, config, only, now);
  const sort = query.sort === undefined ? undefined : parseSort(query.sort);
  if (!compare && !sort) return current;
  let previous: ComputedReport | undefined;
  try {
    if (!compare) return { ...current, rows: sortRows(current.rows, sort!) };
    previous = await runReport(database, { ...query, ...previousRange(query.from, query.to) }, config, only, now);
    // Rows are matched by position in time order: sorted only once compared.
    const compared = compareReports(current, previous);
    return sort ? { ...compared, rows: sortRows(compared.rows, sort) } : compared;
  } finally {
    current.release();
    previous?.release();
  }
}
