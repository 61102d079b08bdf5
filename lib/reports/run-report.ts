import type { Database } from "../../db/client";
import { BatchFold, type Restriction } from "../metrics/batch";
import type { EngineConfig } from "../metrics/engine";
import { DEFAULT_REPEAT_DAYS } from "../metrics/engine";
import { HISTORICAL_IDS, type MetricId, type MetricValues } from "../metrics/registry";
import type { Scope } from "../metrics/scope";
import { buckets, isoWithOffset } from "./calendar";
import { loadReportEvents } from "./load-events";
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
 * A historical report (CONTRACT §4) computed from the stored events with the
 * registry's formulas (`BatchFold`), so that it equals the live numbers for
 * the same interval. `only` is the reader's limit (`reportFilter`).
 */
export async function runReport(
  database: Database,
  query: ReportQuery,
  config: EngineConfig,
  only: Restriction,
  now: number,
): Promise<Report> {
  const slots = buckets(query.from, query.to, query.granularity, config.timeZone);
  const range = { from: slots[0]!.start, to: slots[slots.length - 1]!.end };
  const events = await loadReportEvents(database, range, config.repeatDays ?? DEFAULT_REPEAT_DAYS);
  const fold = new BatchFold(events, config);
  const ids = query.metrics ?? [...HISTORICAL_IDS];

  const keys = groupKeys(fold.scopes(), query.groupBy, only);
  const rows: ReportRow[] = [];
  for (const slot of slots) {
    for (const key of keys) {
      const all = fold.metrics(key.scope, slot.start, slot.end, now, only);
      rows.push({ bucket: isoWithOffset(slot.start, config.timeZone), key: key.key, metrics: pick(all, ids) });
    }
  }
  return { from: query.from, to: query.to, granularity: query.granularity, groupBy: query.groupBy, metrics: ids, rows };
}

/** The groups of a report: one "all" row, or every queue/agent/channel with data that the reader may see. */
function groupKeys(scopes: readonly Scope[], groupBy: GroupBy, only: Restriction): { scope: Scope; key: string | null }[] {
  if (groupBy === "none") return [{ scope: "all", key: null }];
  const prefix = `${groupBy}:`;
  return scopes
    .filter((s) => s.startsWith(prefix))
    .map((s) => ({ scope: s, key: s.slice(prefix.length) }))
    .filter(({ key }) => {
      if (groupBy === "queue" && only.queues != null) return only.queues.includes(key);
      if (groupBy === "agent" && only.agentId != null) return key === only.agentId;
      return true;
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

function pick(all: MetricValues, ids: readonly MetricId[]): MetricValues {
  const out: MetricValues = {};
  for (const id of ids) out[id] = all[id] ?? null;
  return out;
}
