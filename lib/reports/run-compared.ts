import type { Database } from "../../db/client";
import type { Restriction } from "../metrics/batch";
import type { EngineConfig } from "../metrics/engine";
import { previousRange } from "./compare";
import { ComputedComparison } from "./computed-comparison";
import type { ComputedReport } from "./computed-report";
import type { ReportQuery } from "./report-query";
import { runReport } from "./run-report";
import { parseSort } from "./sort-rows";

/**
 * The report, and with `compare` the previous period's beside it
 * (`compare=previous`), its rows in the query's `sort` order: page, CSV and
 * JSON alike. Rows are built when read (`LazyReport`): the caller releases the
 * report (`releaseReport`) once it has read what it shows or sends.
 */
export async function runMaybeCompared(
  database: Database,
  query: ReportQuery,
  config: EngineConfig,
  only: Restriction,
  now: number,
  compare: boolean,
): Promise<ComputedReport | ComputedComparison> {
  const current = await runReport(database, query, config, only, now);
  try {
    // Compared rows keep the current period's order and values: sorting the current report sorts them.
    current.sortBy(query.sort === undefined ? undefined : parseSort(query.sort));
    if (!compare) return current;
    const previous = await runReport(database, { ...query, ...previousRange(query.from, query.to) }, config, only, now);
    return new ComputedComparison(current, previous);
  } catch (e) {
    current.release();
    throw e;
  }
}
