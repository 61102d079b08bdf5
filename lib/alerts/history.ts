import { and, desc, eq, gte, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Drizzle } from "../../db/client";
import { alertEvents } from "../../db/schema";

/**
 * The alert history: one row per episode of a rule (per agent for agent
 * conditions), inserted when it fires, completed when it clears. Written by
 * the alert runner off the push loop (a queue of writes), read by the admin page.
 */

export interface AlertEventInfo {
  id: number;
  ruleId: string;
  ruleName: string;
  scope: string;
  subject: string | null;
  firedAt: Date;
  clearedAt: Date | null;
  valueAtFire: number | null;
  peakValue: number | null;
  details: Record<string, unknown>;
}

/** Why an alert ended: its condition, a change of its rule, or a restart that found it over. */
export type ClearReason = "condition" | "ruleChanged" | "restart";

export interface FiredAlert {
  ruleId: string;
  ruleName: string;
  scope: string;
  subject: string | null;
  firedAt: Date;
  valueAtFire: number | null;
  peakValue: number | null;
  /** The rule's condition when it fired (it may change later). */
  details: Record<string, unknown>;
}

function toInfo(r: typeof alertEvents.$inferSelect): AlertEventInfo {
  return { ...r, details: (r.details ?? {}) as Record<string, unknown> };
}

export async function insertAlertEvent(db: Drizzle, e: FiredAlert): Promise<number> {
  const [row] = await db.insert(alertEvents).values(e).returning({ id: alertEvents.id });
  return row!.id;
}

/** Completes an open episode; false when it was already closed. */
export async function closeAlertEvent(db: Drizzle, id: number, clearedAt: Date, peakValue: number | null, reason: ClearReason): Promise<boolean> {
  const rows = await db
    .update(alertEvents)
    .set({ clearedAt, peakValue, details: sql`coalesce(${alertEvents.details}, '{}'::jsonb) || ${JSON.stringify({ clearedBy: reason })}::jsonb` })
    .where(and(eq(alertEvents.id, id), isNull(alertEvents.clearedAt)))
    .returning({ id: alertEvents.id });
  return rows.length > 0;
}

/** Episodes still open (fired, never cleared): what was firing when the server last stopped. */
export async function openAlertEvents(db: Drizzle): Promise<AlertEventInfo[]> {
  const rows = await db.select().from(alertEvents).where(isNull(alertEvents.clearedAt)).orderBy(desc(alertEvents.id));
  return rows.map(toInfo);
}

export interface HistoryFilter {
  ruleId?: string;
  /** true: open episodes only; false: cleared ones only. */
  open?: boolean;
  /** Fired at or after. */
  from?: Date;
  /** Fired before. */
  to?: Date;
  /** An event id: older ones only (keyset pagination). */
  before?: number;
  limit?: number;
  /** Rows the reader may see (e.g. `canViewScope` on the row's scope); applied while paging. */
  visible?: (e: AlertEventInfo) => boolean;
}

export interface HistoryPage {
  events: AlertEventInfo[];
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: number | null;
}

const BATCH = 200;
const MAX_BATCHES = 20;

/** Newest first, filtered; with `visible`, reads on until the page is full (bounded). */
export async function listAlertHistory(db: Drizzle, f: HistoryFilter = {}): Promise<HistoryPage> {
  const limit = Math.min(Math.max(Math.trunc(f.limit ?? 50), 1), 500);
  const out: AlertEventInfo[] = [];
  let before = f.before;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const rows = await db
      .select()
      .from(alertEvents)
      .where(
        and(
          f.ruleId !== undefined ? eq(alertEvents.ruleId, f.ruleId) : undefined,
          f.open === true ? isNull(alertEvents.clearedAt) : f.open === false ? isNotNull(alertEvents.clearedAt) : undefined,
          f.from ? gte(alertEvents.firedAt, f.from) : undefined,
          f.to ? lt(alertEvents.firedAt, f.to) : undefined,
          before !== undefined ? lt(alertEvents.id, before) : undefined,
        ),
      )
      .orderBy(desc(alertEvents.id))
      .limit(BATCH);
    for (const r of rows) {
      const e = toInfo(r);
      if (f.visible && !f.visible(e)) continue;
      out.push(e);
      if (out.length > limit) return { events: out.slice(0, limit), nextBefore: out[limit - 1]!.id };
    }
    if (rows.length < BATCH) return { events: out, nextBefore: null };
    before = rows[rows.length - 1]!.id;
  }
  // Scanned enough for one request: the reader pages on from where the scan stopped.
  return { events: out, nextBefore: before ?? null };
}
