import type { Database } from "../../db/client";
import { emptyAggregate } from "../metrics/aggregate";
import type { Restriction } from "../metrics/batch";
import type { EngineConfig } from "../metrics/engine";
import { computeSelected, HISTORICAL_IDS, selectedFormulas, type MetricId, type MetricValues } from "../metrics/registry";
import { fieldsOf } from "../metrics/rollup/fields-of";
import { catchUpRollups } from "../rollups/catch-up";
import { readRollups } from "../rollups/read-rollups";
import { buckets, isoStamps } from "./calendar";
import { ComputedReport } from "./computed-report";
import type { GroupBy, ReportQuery } from "./report-query";

export interface ReportRow {
  bucket: string;
  key: string | null;
  metrics: MetricValues;
}

export interface Report {
  from: string;
  to: string;
  granularity: ReportQuery["granularity"];
  groupBy: GroupBy;
  metrics: MetricId[];
  rows: ReportRow[];
}

/**
 * The largest report answered: at most MAX_REPORT_ROWS rows and
 * MAX_REPORT_VALUES values (rows × metrics). The report is computed, and its
 * JSON written, in the process that pushes the live wallboards: 25 million
 * values are ~500 MB of JSON (near the longest string V8 makes) and seconds of
 * that process's time. Larger ones are refused before their sums are
 * allocated, saying what to narrow.
 */
export const MAX_REPORT_ROWS = 1_000_000;
export const MAX_REPORT_VALUES = 25_000_000;

export class ReportTooLargeError extends Error {
  constructor(
    readonly buckets: number,
    /** Groups met so far when refused (more may exist). */
    readonly groups: number,
    readonly metrics: number,
  ) {
    const rows = buckets * groups;
    super(
      `the report would have ${groups > 1 ? "at least " : ""}${rows.toLocaleString("en")} rows (${buckets.toLocaleString("en")} buckets × ${groups} group${groups > 1 ? "s" : ""}) ` +
        `of ${metrics} metric${metrics > 1 ? "s" : ""}; at most ${MAX_REPORT_ROWS.toLocaleString("en")} rows and ${MAX_REPORT_VALUES.toLocaleString("en")} values (rows × metrics) ` +
        `are answered: choose a coarser granularity, a shorter range, fewer metrics or another grouping`,
    );
    this.name = "ReportTooLargeError";
  }
}

/**
 * A historical report (CONTRACT §4) read from the rollups (lib/rollups), first
 * brought up to every event stored before the call, with the registry's
 * formulas: it equals the live numbers for the same interval. `only` is the
 * reader's limit (`reportFilter`).
 */
export async function runReport(
  database: Database,
  query: ReportQuery,
  config: EngineConfig,
  only: Restriction,
  now: number,
): Promise<ComputedReport> {
  await catchUpRollups(database, config);
  const slots = buckets(query.from, query.to, query.granularity, config.timeZone);
  const ids = query.metrics ?? [...HISTORICAL_IDS];
  const maxRows = Math.min(MAX_REPORT_ROWS, Math.floor(MAX_REPORT_VALUES / ids.length));
  const tooMany = (groups: number) => {
    if (slots.length * groups > maxRows) throw new ReportTooLargeError(slots.length, groups, ids.length);
  };
  tooMany(1);
  // One snapshot for every read: a strip made stale meanwhile is read as before or as after, never twice.
  const cells = await database.transaction(async (q) => {
    await q(`set transaction isolation level repeatable read, read only`);
    return readRollups(q, slots, query.granularity, query.groupBy, fieldsOf(ids), config, only, now, tooMany);
  });
  const formulas = selectedFormulas(ids);
  const nk = cells.keys.length;
  const starts = slots.map((s) => s.start);
  const compute = (c: number, out: Float64Array, at: number): boolean => {
    const i = Math.floor(c / nk);
    const k = c - i * nk;
    if (cells.isEmpty(i, k)) return false;
    formulas(cells.aggregate(i, k), starts[i]!, out, at);
    return true;
  };
  // Empty cells (nights, quiet queues) all read the same: computed once, shared.
  const empty = computeSelected(emptyAggregate(), ids, 0);
  // Stamps are written for the rows built: the page's first 2,000 rows need a few dozen.
  const stamps = (from: number, to: number) => isoStamps(starts.slice(from, to), config.timeZone);
  return new ComputedReport(query, ids, { starts, buckets: stamps, keys: cells.keys, compute, empty, release: () => cells.release() });
}
