import type { Database } from "../../db/client";
import { EVENTS_WRITE_LOCK } from "../../db/advisory-locks";
import type { EngineConfig } from "../metrics/engine";
import { DEFAULT_REPEAT_DAYS } from "../metrics/engine";
import { rollupDelta } from "../metrics/rollup/delta";
import { applyDelta } from "./apply-delta";
import { loadBatch } from "./load-batch";
import { rebuildAllRollups } from "./rebuild-all";
import { rederiveAllPeriods } from "./rederive";

/** New events folded per transaction: large enough to amortise, small enough to keep a transaction short. */
const BATCH_EVENTS = 20_000;

/** Above this many stored events, rollups that do not exist yet are built by `rebuildAllRollups`. */
const REBUILD_ABOVE = 200_000;

const running = new WeakMap<Database, Promise<unknown>>();

/**
 * Brings the rollups up to every event committed before the call, then
 * resolves with the number of events folded. Calls on one database handle run
 * one after the other; across processes (several instances) the watermark
 * check makes a batch count once: a transaction that finds the watermark moved
 * is rolled back and the batch recomputed from the new one.
 */
export function catchUpRollups(database: Database, config: EngineConfig, opts: { batchEvents?: number } = {}): Promise<number> {
  const prev = running.get(database) ?? Promise.resolve();
  const next = prev.catch(() => {}).then(() => run(database, config, opts.batchEvents ?? BATCH_EVENTS));
  running.set(database, next);
  return next;
}

async function run(database: Database, config: EngineConfig, batchEvents: number): Promise<number> {
  const fresh = await database.query(`insert into rollup_state (id, watermark, time_zone) values (1, 0, $1) on conflict (id) do nothing returning id`, [
    config.timeZone,
  ]);
  // A database with history and no rollups yet (an upgrade): build them a week at a time rather than by deltas.
  if (fresh.length > 0 && (await committedMaxSeq(database)) > REBUILD_ABOVE) await rebuildAllRollups(database, config);
  const repeatMs = (config.repeatDays ?? DEFAULT_REPEAT_DAYS) * 86_400_000;
  let folded = 0;
  for (;;) {
    const [state] = await database.query<{ watermark: string | number; time_zone: string }>(`select watermark, time_zone from rollup_state where id = 1`);
    const watermark = Number(state!.watermark);
    // A rebuild is under way (here or in another process): it sets the watermark when done.
    if (watermark < 0) return folded;
    if (state!.time_zone !== config.timeZone) {
      await database.transaction(async (q) => {
        await rederiveAllPeriods(q, config.timeZone);
        await q(`update rollup_state set time_zone = $1 where id = 1`, [config.timeZone]);
      });
    }
    const max = await committedMaxSeq(database);
    if (max <= watermark) return folded;
    const batch = await loadBatch(database, watermark, max, batchEvents, repeatMs);
    const delta = batch ? rollupDelta(batch.before, batch.after, config) : null;
    const upTo = batch?.upTo ?? max;
    await database.transaction(async (q) => {
      const [now] = await q<{ watermark: string | number }>(`select watermark from rollup_state where id = 1 for update`);
      if (Number(now!.watermark) !== watermark) return;
      if (delta) await applyDelta(q, delta, config.timeZone);
      await q(`update rollup_state set watermark = $1 where id = 1`, [upTo]);
      folded += batch?.fresh ?? 0;
    });
  }
}

/** The highest `seq` below which every event is committed (see EVENTS_WRITE_LOCK). */
async function committedMaxSeq(database: Database): Promise<number> {
  const read = `select coalesce(max(seq), 0) as m from events`;
  if (database.kind === "pglite") return Number((await database.query<{ m: string | number }>(read))[0]!.m);
  return database.transaction(async (q) => {
    await q(`select pg_advisory_xact_lock($1)`, [EVENTS_WRITE_LOCK]);
    return Number((await q<{ m: string | number }>(read))[0]!.m);
  });
}
