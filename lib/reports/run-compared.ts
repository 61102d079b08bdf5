import type { Database } from "../../db/client";
import type { Restriction } from "../metrics/batch";
import type { EngineConfig } from "../metrics/engine";
import { compareReports, previousRange, type ComparedReport } from "./compare";
import type { ReportQuery } from "./report-query";
import { runReport, type Report } from "./run-report";
import { parseSort, sortRows } from "./sort-rows";

/**
 * The report, and with `compare` the previous period's beside it
 * (`compare=previous`), its rows in the query's `sort` order: page, CSV and
 * JSON alike.
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
  if (!compare) return sort ? { ...current, rows: sortRows(current.rows, sort) } : current;
  const previous = await runReport(database, { ...query, ...previousRange(query.from, query.to) }, config, only, now);
  // Rows are matched by position in time order: sorted only once compared.
  const compared = compareReports(current, previous);
  return sort ? { ...compared, rows: sortRows(compared.rows, sort) } : compared;
}
