import type { Database } from "../../db/client";
import { parseEvent } from "../events/schema";
import type { MetricsEngine } from "../metrics/engine";
import { startOfLocalDay } from "../metrics/time";

const PAGE = 10_000;

/**
 * Rebuilds the engine from what PostgreSQL holds, so a restart changes no
 * number: every event of the contacts active since the start of yesterday,
 * surveys and agent states since then, and each agent's latest earlier state.
 */
export async function rebuildEngine(database: Database, engine: MetricsEngine, now: number): Promise<number> {
  const horizon = new Date(startOfLocalDay(startOfLocalDay(now, engine.timeZone) - 1, engine.timeZone));
  let count = 0;
  const feed = (rows: { payload: unknown }[]) => {
    for (const r of rows) {
      const payload = typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload;
      const p = parseEvent(payload, Infinity);
      if (p.ok) {
        engine.apply(p.event, now);
        count++;
      }
    }
  };

  feed(
    await database.query(
      `select distinct on (agent_id) payload from events
       where type = 'agent.state' and at < $1 order by agent_id, at desc, id desc`,
      [horizon],
    ),
  );

  let last = 0;
  for (;;) {
    const rows = await database.query<{ seq: string | number; payload: unknown }>(
      `select seq, payload from events
       where seq > $2 and (at >= $1 or contact_id in (select contact_id from events where at >= $1 and contact_id is not null))
       order by seq limit ${PAGE}`,
      [horizon, last],
    );
    if (rows.length === 0) break;
    feed(rows);
    last = Number(rows[rows.length - 1]!.seq);
    if (rows.length < PAGE) break;
  }
  return count;
}
