import { z } from "zod";
import type { Database } from "../../db/client";
import { BatchFold, type Restriction } from "../metrics/batch";
import { DEFAULT_REPEAT_DAYS, type EngineConfig } from "../metrics/engine";
import { HISTORICAL_IDS, type MetricId } from "../metrics/registry";
import type { Scope } from "../metrics/scope";
import { buckets, isoWithOffset } from "./calendar";
import { drillCell, type DrillCell } from "./drill-cell";
import { loadReportEvents } from "./load-events";
import { reportQuerySchema } from "./report-query";

/** A report cell (the report's query, its row's bucket and key, a column) and a page of its entities. */
export const drillQuerySchema = z
  .object({
    from: z.string(),
    to: z.string(),
    granularity: z.string().optional(),
    groupBy: z.string().optional(),
    bucket: z.string().min(1, "must be the row's bucket start"),
    key: z.string().max(200).optional(),
    metric: z.enum(HISTORICAL_IDS as [MetricId, ...MetricId[]], { message: "names a metric that reports do not compute" }),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .transform((q, ctx) => {
    const r = reportQuerySchema.safeParse({ from: q.from, to: q.to, granularity: q.granularity, groupBy: q.groupBy });
    if (!r.success) {
      for (const issue of r.error.issues) ctx.addIssue({ ...issue, code: "custom", message: issue.message });
      return z.NEVER;
    }
    if (r.data.groupBy !== "none" && !q.key) {
      ctx.addIssue({ code: "custom", path: ["key"], message: "must name the row's group" });
      return z.NEVER;
    }
    return { ...q, from: r.data.from, to: r.data.to, granularity: r.data.granularity, groupBy: r.data.groupBy };
  });

export type DrillQuery = z.output<typeof drillQuerySchema>;

export interface DrillDown extends Omit<DrillCell, "entities"> {
  from: string;
  to: string;
  granularity: DrillQuery["granularity"];
  groupBy: DrillQuery["groupBy"];
  bucket: string;
  key: string | null;
  /** How many entities the cell has; `entities` is the page [offset, offset + limit). */
  total: number;
  offset: number;
  limit: number;
  entities: (DrillCell["entities"][number] & { href: string | null })[];
}

/** May the reader see this group at all? The same rule as the report's rows (`run-report.ts`). */
function groupVisible(q: DrillQuery, only: Restriction): boolean {
  if (q.groupBy === "queue" && only.queues != null) return only.queues.includes(q.key!);
  if (q.groupBy === "agent" && only.agentId != null) return q.key === only.agentId;
  return true;
}

/**
 * The entities behind one cell of `runReport` for the same query: the events of
 * the whole report range are loaded and folded as the report does, so that the
 * entities' figures add up to the cell the reader clicked. Null when the cell
 * does not exist for this reader (no such bucket, or a group they may not see).
 */
export async function drillDown(
  database: Database,
  q: DrillQuery,
  config: EngineConfig,
  only: Restriction,
  now: number,
): Promise<DrillDown | null> {
  if (!groupVisible(q, only)) return null;
  const slots = buckets(q.from, q.to, q.granularity, config.timeZone);
  const at = Date.parse(q.bucket);
  const slot = slots.find((s) => s.start === at);
  if (!slot) return null;
  const range = { from: slots[0]!.start, to: slots[slots.length - 1]!.end };
  const events = await loadReportEvents(database, range, config.repeatDays ?? DEFAULT_REPEAT_DAYS);
  const fold = new BatchFold(events, config);
  const scope: Scope = q.groupBy === "none" ? "all" : (`${q.groupBy}:${q.key}` as Scope);
  const cell = drillCell(fold, scope, slot.start, slot.end, now, only, q.metric);
  const page = cell.entities.slice(q.offset, q.offset + q.limit);
  return {
    ...cell,
    from: q.from,
    to: q.to,
    granularity: q.granularity,
    groupBy: q.groupBy,
    bucket: isoWithOffset(slot.start, config.timeZone),
    key: q.groupBy === "none" ? null : q.key!,
    total: cell.entities.length,
    offset: q.offset,
    limit: q.limit,
    entities: page.map((e) => ({ ...e, href: e.kind === "contact" ? `/contacts/${encodeURIComponent(e.id)}` : null })),
  };
}
