import type { Database } from "../../db/client";
import { parseEvent } from "../events/schema";
import type { MetricsEngine } from "../metrics/engine";
import { startOfLocalDay } from "../metrics/time";

const PAGE = 10_000;

/** How far back cases and outbound records that are still active are looked up at start. */
export const LINK_LOOKBACK_DAYS = 35;

/**
 * Rebuilds the engine from what PostgreSQL holds, so a restart changes no
 * number: every event of the contacts active since the start of yesterday,
 * surveys and agent states since then, each agent's latest earlier state, and
 * — so that a case's duration and an outbound record's first call stay right —
 * the earlier events of the cases and records active since then (looked up
 * over the last LINK_LOOKBACK_DAYS days).
 */
export async function rebuildEngine(database: Database, engine: MetricsEngine, now: number): Promise<number> {
  const horizon = new Date(startOfLocalDay(startOfLocalDay(now, engine.timeZone) - 1, engine.timeZone));
  const lookback = new Date(horizon.getTime() - LINK_LOOKBACK_DAYS * 86_400_000);
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

  // Each agent's state in force at the horizon, and the queues it served then (a state may not name them).
  for (const onlyWithQueues of [false, true]) {
    feed(
      await database.query(
        `select distinct on (agent_id) payload from events
         where type = 'agent.state' and at < $1 ${onlyWithQueues ? "and payload ? 'queues'" : ""}
         order by agent_id, at desc, id desc`,
        [horizon],
      ),
    );
  }

  const cases = await database.query<{ id: string }>(
    `select distinct payload->>'caseId' as id from events where at >= $1 and payload ? 'caseId'`,
    [horizon],
  );
  const caseIds = cases.map((r) => r.id);
  const linked = await database.query<{ id: string }>(
    `with recent as (
       select payload->>'campaign' as campaign, payload->>'customerId' as customer from events
       where at >= $1 and type = 'contact.offered' and payload->>'direction' = 'outbound' and payload ? 'customerId')
     select distinct contact_id as id from events e
     where e.at >= $2 and e.at < $1 and e.type = 'contact.offered' and (
       payload->>'caseId' = any($3::text[])
       or (payload->>'direction' = 'outbound' and exists (select 1 from recent r
             where r.customer = e.payload->>'customerId' and r.campaign is not distinct from e.payload->>'campaign')))`,
    [horizon, lookback, caseIds],
  );
  const linkedIds = linked.map((r) => r.id);

  let last = 0;
  for (;;) {
    const rows = await database.query<{ seq: string | number; payload: unknown }>(
      `select seq, payload from events
       where seq > $2 and (
         at >= $1
         or contact_id in (select contact_id from events where at >= $1 and contact_id is not null)
         or contact_id = any($3::text[])
         or (type in ('case.opened', 'case.closed') and at >= $4 and payload->>'caseId' = any($5::text[])))
       order by seq limit ${PAGE}`,
      [horizon, last, linkedIds, lookback, caseIds],
    );
    if (rows.length === 0) break;
    feed(rows);
    last = Number(rows[rows.length - 1]!.seq);
    if (rows.length < PAGE) break;
  }
  return count;
}
