import type { Database } from "../../db/client";
import type { Restriction } from "../metrics/batch";
import type { EngineConfig } from "../metrics/engine";
import { compareReports, previousRange, type ComparedReport } from "./compare";
import type { ReportQuery } from "./report-query";
import { runReport, type Report } from "./run-report";

/** The report, and with `compare` the previous period's beside it (`compare=previous`, page and API alike). */
export async function runMaybeCompared(
  database: Database,
  query: ReportQuery,
  config: EngineConfig,
  only: Restriction,
  now: number,
  compare: boolean,
): Promise<Report | ComparedReport> {
  const current = await runReport(database, query, config, only, now);
  if (!compare) return current;
  const previous = await runReport(database, { ...query, ...previousRange(query.from, query.to) }, config, only, now);
  return compareReports(current, previous);
}
