import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { addMonths, createMonthPartition, listEventPartitions, monthOf, partitionName } from "../../db/partitions";
import { RETENTION_GRACE_MS, retentionHorizon } from "./horizon";

export interface RetentionReport {
  /** Events dated before this instant are no longer kept (the start of a UTC month). */
  horizon: Date;
  /** Partitions detached and dropped, oldest first. */
  dropped: string[];
  /** Rows removed from `event_ids` (the ids of the dropped months). */
  forgottenIds: number;
  /** Partitions created ahead (this month and the next), so ingest does not wait on DDL at month start. */
  created: string[];
}

/** Deleting ids by slices keeps each transaction, and the WAL it writes at once, small. */
const ID_BATCH = 10_000;
/** DETACH locks the whole `events` table: give up quickly rather than queue ingest behind a long report. */
const LOCK_TIMEOUT = "3s";
const DROP_ATTEMPTS = 5;

/**
 * Retention of raw events (issue 6): every month of `events` entirely before
 * the horizon is detached and dropped whole — never a row deleted from
 * `events` — then the ids of those months are removed from `event_ids` (ingest
 * refuses events that old, so their ids are no longer needed to spot
 * duplicates). The horizon is taken RETENTION_GRACE_MS in the past, so a
 * month is dropped only once every ingest refuses it. Idempotent: a pass
 * interrupted anywhere is completed by the next.
 */
export async function dropExpiredEvents(
  database: Database,
  opts: { months: number; now: number; log?: (line: string) => void },
): Promise<RetentionReport> {
  const horizon = retentionHorizon(opts.now - RETENTION_GRACE_MS, opts.months);
  const created: string[] = [];
  const thisMonth = monthOf(opts.now);
  for (const month of [thisMonth, addMonths(thisMonth, 1)]) {
    const name = partitionName(month);
    const [row] = await database.query<{ exists: boolean }>(`select to_regclass($1) is not null as exists`, [name]);
    if (row?.exists) continue;
    await createMonthPartition(database, month);
    created.push(name);
  }

  const dropped: string[] = [];
  for (const p of await listEventPartitions(database)) {
    if (p.month === null || addMonths(p.month, 1) > horizon) continue;
    if (await detachAndDrop(database, p.name, opts.log)) dropped.push(p.name);
  }

  let forgottenIds = 0;
  for (;;) {
    const [row] = await database.query<{ n: number }>(
      `with gone as (delete from event_ids where id in (select id from event_ids where at < $1 limit ${ID_BATCH}) returning 1)
       select count(*)::int as n from gone`,
      [new Date(horizon)],
    );
    forgottenIds += row!.n;
    if (row!.n < ID_BATCH) break;
  }
  return { horizon: new Date(horizon), dropped, forgottenIds, created };
}

async function detachAndDrop(database: Database, name: string, log?: (line: string) => void): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local lock_timeout = '${LOCK_TIMEOUT}'`));
        // Still ours to drop? Another pass may have done it since the listing.
        const still = await tx.execute(
          sql`select 1 from pg_inherits where inhrelid = to_regclass(${name}) and inhparent = to_regclass('events')`,
        );
        if (rowCount(still) === 0) return false;
        await tx.execute(sql.raw(`alter table events detach partition "${name}"`));
        await tx.execute(sql.raw(`drop table "${name}"`));
        return true;
      });
    } catch (e) {
      // 55P03 lock_not_available: a long query holds `events`; try again shortly, else at the next pass.
      if ((e as { code?: string }).code !== "55P03" || attempt >= DROP_ATTEMPTS) throw e;
      log?.(`Vigie: retention: ${name} is busy, retrying`);
      await new Promise((r) => setTimeout(r, 2000 * attempt));
    }
  }
}

/** drizzle's execute answers an array (postgres.js) or `{ rows }` (PGlite). */
function rowCount(result: unknown): number {
  return Array.isArray(result) ? result.length : ((result as { rows?: unknown[] }).rows?.length ?? 0);
}
