import type { Database } from "../../db/client";
import { parseEvent, type VigieEvent } from "../events/schema";

/**
 * Every stored event a report over [from, to) needs, and no more: all events
 * of the contacts that have one in the range (whenever the others happened),
 * the agent states of the range, each agent's state in force at its start and
 * the queues it served then,
 * surveys and case events of the range, the whole history of its cases and
 * outbound records (whenever it happened: a case opened months ago still
 * places its duration), and the next contacts of its customers within
 * `repeatDays` after it (FCR by repeat looks ahead).
 */
export async function loadReportEvents(
  database: Database,
  range: { from: number; to: number },
  repeatDays: number,
  /** Only events stored up to this `seq` (a rollup rebuild reads what the rollups hold). */
  maxSeq: number = Number.MAX_SAFE_INTEGER,
  /** `agentStates: false` leaves agent states out (a caller that reads them its own way). */
  opts: { agentStates?: boolean } = {},
): Promise<VigieEvent[]> {
  const from = new Date(range.from);
  const to = new Date(range.to);
  const ahead = new Date(range.to + repeatDays * 86_400_000);

  const inRange = await database.query<{ id: string }>(
    `select distinct contact_id as id from events where at >= $1 and at < $2 and contact_id is not null`,
    [from, to],
  );
  const contactIds = inRange.map((r) => r.id);
  const caseIds = (
    await database.query<{ id: string }>(
      `select distinct payload->>'caseId' as id from events
       where payload ? 'caseId' and ((at >= $1 and at < $2) or contact_id = any($3::text[]))`,
      [from, to, contactIds],
    )
  ).map((r) => r.id);
  // Joins are hashed (IN over sub-selects, not correlated EXISTS or long arrays per row): this runs over
  // hundreds of thousands of contacts when the rollups are rebuilt a week at a time.
  const linked = await database.query<{ id: string }>(
    `with mine as materialized (
       select payload->>'campaign' as campaign, payload->>'customerId' as customer, coalesce(payload->>'direction', 'inbound') as direction
       from events where type = 'contact.offered' and contact_id = any($1::text[]) and payload ? 'customerId'),
     candidates as (
       select e.contact_id, e.at, e.payload from events e
       where e.type = 'contact.offered' and e.payload->>'customerId' in (select customer from mine)
       union all
       select e.contact_id, e.at, e.payload from events e
       where e.type = 'contact.offered' and e.payload ? 'caseId' and e.payload->>'caseId' = any($3::text[]))
     select distinct c.contact_id as id from candidates c
     where c.contact_id not in (select unnest($1::text[])) and (
       c.payload->>'caseId' = any($3::text[])
       or (c.payload->>'direction' = 'outbound'
           and (c.payload->>'customerId', coalesce(c.payload->>'campaign', '')) in (
             select customer, coalesce(campaign, '') from mine where direction = 'outbound'))
       or (c.at >= $2 and c.at < $4 and coalesce(c.payload->>'direction', 'inbound') = 'inbound'
           and c.payload->>'customerId' in (select customer from mine where direction = 'inbound')))`,
    [contactIds, from, caseIds, ahead],
  );
  const allContacts = [...contactIds, ...linked.map((r) => r.id)];

  const rows = await database.query<{ payload: unknown }>(
    `select payload from events where contact_id = any($1::text[]) and seq <= $5
     union all
     select payload from events where contact_id is null and at >= $2 and at < $3 and type <> 'agent.state'
       and type not in ('case.opened', 'case.closed') and seq <= $5
     union all
     select payload from events where type in ('case.opened', 'case.closed') and payload->>'caseId' = any($4::text[]) and seq <= $5
${
       opts.agentStates === false
         ? ""
         : `
     union all
     select payload from events where type = 'agent.state' and at >= $2 and at < $3 and seq <= $5
     union all
     select * from (select distinct on (agent_id) payload from events
       where type = 'agent.state' and at < $2 and seq <= $5 order by agent_id, at desc, id desc) before_range
     union all
     select * from (select distinct on (agent_id) payload from events
       where type = 'agent.state' and at < $2 and payload ? 'queues' and seq <= $5 order by agent_id, at desc, id desc) queues_before_range`
     }`,
    [allContacts, from, to, caseIds, maxSeq],
  );
  const out: VigieEvent[] = [];
  for (const r of rows) {
    const p = parseEvent(typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload, Infinity);
    if (p.ok) out.push(p.event);
  }
  return out;
}
