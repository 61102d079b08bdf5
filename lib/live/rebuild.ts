import type { Database } from "../../db/client";
import { readStoredEvent } from "../events/schema";
import type { MetricsEngine } from "../metrics/engine";
import { startOfLocalDay } from "../metrics/time";

const PAGE = 10_000;

/**
 * Rebuilds the engine from what PostgreSQL holds, so a restart changes no
 * number: every event of the contacts active since the start of yesterday,
 * surveys and agent states since then, each agent's latest earlier state, and
 * — so that a case's duration and queue and an outbound record's first call
 * stay right — the earlier events of the cases and records active since then,
 * however old (the report side reads them the same way: lib/rollups/load-batch.ts).
 */
export async function rebuildEngine(database: Database, engine: MetricsEngine, now: number): Promise<number> {
  const horizon = new Date(startOfLocalDay(startOfLocalDay(now, engine.timeZone) - 1, engine.timeZone));
  let count = 0;
  const feed = (rows: { payload: unknown }[]) => {
    for (const r of rows) {
      const event = readStoredEvent(r.payload);
      if (event) {
        engine.apply(event, now);
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

  // Cases and outbound records (customer, campaign) touched since the horizon…
  const caseIds = (
    await database.query<{ id: string }>(`select distinct payload->>'caseId' as id from events where at >= $1 and payload ? 'caseId'`, [horizon])
  ).map((r) => r.id);
  const records = await database.query<{ customer: string; campaign: string | null }>(
    `select distinct payload->>'customerId' as customer, payload->>'campaign' as campaign from events
     where at >= $1 and type = 'contact.offered' and payload->>'direction' = 'outbound' and payload ? 'customerId'`,
    [horizon],
  );
  // …and their earlier contacts, through the indexes on a contact's case and on an offer's customer.
  const linkedIds = new Set<string>();
  if (caseIds.length > 0) {
    const rows = await database.query<{ id: string }>(
      `select distinct contact_id as id from events
       where type = 'contact.offered' and payload ? 'caseId' and payload->>'caseId' = any($1::text[]) and at < $2`,
      [caseIds, horizon],
    );
    for (const r of rows) linkedIds.add(r.id);
  }
  if (records.length > 0) {
    const called = new Set(records.map((r) => JSON.stringify([r.customer, r.campaign])));
    const rows = await database.query<{ id: string; customer: string; campaign: string | null }>(
      `select contact_id as id, payload->>'customerId' as customer, payload->>'campaign' as campaign from events
       where type = 'contact.offered' and payload->>'customerId' = any($1::text[]) and payload->>'direction' = 'outbound' and at < $2`,
      [[...new Set(records.map((r) => r.customer))], horizon],
    );
    for (const r of rows) if (called.has(JSON.stringify([r.customer, r.campaign]))) linkedIds.add(r.id);
  }

  let last = 0;
  for (;;) {
    const rows = await database.query<{ seq: string | number; payload: unknown }>(
      `select seq, payload from events
       where seq > $2 and (
         at >= $1
         or contact_id in (select contact_id from events where at >= $1 and contact_id is not null)
         or contact_id = any($3::text[])
         or (type in ('case.opened', 'case.closed') and payload ? 'caseId' and payload->>'caseId' = any($4::text[])))
       order by seq limit ${PAGE}`,
      [horizon, last, [...linkedIds], caseIds],
    );
    if (rows.length === 0) break;
    feed(rows);
    last = Number(rows[rows.length - 1]!.seq);
    if (rows.length < PAGE) break;
  }
  return count;
}
