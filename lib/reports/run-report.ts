import type { Database } from "../../db/client";
import { emptyAggregate } from "../metrics/aggregate";
import type { Restriction } from "../metrics/batch";
import type { EngineConfig } from "../metrics/engine";
import { HISTORICAL_IDS, selectedMetrics, type MetricId, type MetricValues } from "../metrics/registry";
import { fieldsOf } from "../metrics/rollup/fields-of";
import { catchUpRollups } from "../rollups/catch-up";
import { readRollups } from "../rollups/read-rollups";
import { buckets, isoStamps } from "./calendar";
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
): Promise<Report> {
  await catchUpRollups(database, config);
  const slots = buckets(query.from, query.to, query.granularity, config.timeZone);
  const ids = query.metrics ?? [...HISTORICAL_IDS];
  // One snapshot for every read: a strip made stale meanwhile is read as before or as after, never twice.
  const cells = await database.transaction(async (q) => {
    await q(`set transaction isolation level repeatable read, read only`);
    return readRollups(q, slots, query.granularity, query.groupBy, fieldsOf(ids), config, only, now);
  });
  const compute = selectedMetrics(ids);
  const stamps = isoStamps(slots.map((s) => s.start), config.timeZone);
  const rows: ReportRow[] = [];
  // Empty cells (nights, quiet queues) all read the same: computed once, shared.
  const empty = compute(emptyAggregate(), 0);
  const { keys } = cells;
  for (let i = 0; i < slots.length; i++) {
    const bucket = stamps[i]!;
    const start = slots[i]!.start;
    for (let k = 0; k < keys.length; k++) {
      const metrics = cells.isEmpty(i, k) ? empty : compute(cells.aggregate(i, k), start);
      rows.push({ bucket, key: keys[k]!, metrics });
    }
  }
  return { from: query.from, to: query.to, granularity: query.granularity, groupBy: query.groupBy, metrics: ids, rows };
}
