import type { Database } from "../../db/client";
import { readStoredEvent, type VigieEvent } from "../events/schema";

/**
 * The time span holding every stored event of some contacts, or null when none
 * of them has one. Without it every partition of `events` is searched for a
 * contact's events (a contact's survey may come weeks later); a rebuild, which
 * knows each contact's first and last event, prunes the partitions with it.
 */
export type ContactSpan = (contactIds: readonly string[]) => Promise<{ from: number; to: number } | null>;

export interface LoadOptions {
  /** `false` leaves agent states out (a caller that reads them its own way). */
  agentStates?: boolean;
  contactSpan?: ContactSpan;
}

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
  opts: LoadOptions = {},
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

  const out: VigieEvent[] = [];
  const keep = (rows: { payload: unknown }[]) => {
    for (const r of rows) {
      const e = readStoredEvent(r.payload);
      if (e) out.push(e);
    }
  };
  keep(
    await database.query<{ payload: unknown }>(
      `select payload from events where contact_id is null and at >= $1 and at < $2 and type <> 'agent.state'
         and type not in ('case.opened', 'case.closed') and seq <= $4
       union all
       select payload from events where type in ('case.opened', 'case.closed') and payload->>'caseId' = any($3::text[]) and seq <= $4
${
  opts.agentStates === false
    ? ""
    : `
       union all
       select payload from events where type = 'agent.state' and at >= $1 and at < $2 and seq <= $4
       union all
       select * from (select distinct on (agent_id) payload from events
         where type = 'agent.state' and at < $1 and seq <= $4 order by agent_id, at desc, id desc) before_range
       union all
       select * from (select distinct on (agent_id) payload from events
         where type = 'agent.state' and at < $1 and payload ? 'queues' and seq <= $4 order by agent_id, at desc, id desc) queues_before_range`
}`,
      [from, to, caseIds, maxSeq],
    ),
  );
  const first = out.length;
  await contactEvents(database, contactIds, maxSeq, opts.contactSpan, keep);

  // The contacts linked to those: by case, by outbound record (customer and campaign), by the customer's
  // next inbound contacts up to `repeatDays` after the range (only these are searched in a bounded span).
  const mine = new Set(contactIds);
  const inbound = new Set<string>();
  const outCustomers: string[] = [];
  const outCampaigns: string[] = [];
  for (let i = first; i < out.length; i++) {
    const e = out[i]!;
    if (e.type !== "contact.offered" || e.customerId === undefined) continue;
    if (e.direction === "inbound") inbound.add(e.customerId);
    else {
      outCustomers.push(e.customerId);
      outCampaigns.push(e.campaign ?? "");
    }
  }
  const linked = new Set<string>();
  const link = (rows: { id: string }[]) => {
    for (const r of rows) if (!mine.has(r.id)) linked.add(r.id);
  };
  if (inbound.size > 0) {
    link(
      await database.query<{ id: string }>(
        `select distinct contact_id as id from events
         where type = 'contact.offered' and at >= $1 and at < $2 and payload->>'customerId' = any($3::text[])
           and coalesce(payload->>'direction', 'inbound') = 'inbound'`,
        [from, ahead, [...inbound]],
      ),
    );
  }
  if (outCustomers.length > 0) {
    link(
      await database.query<{ id: string }>(
        `select distinct contact_id as id from events
         where type = 'contact.offered' and payload->>'customerId' = any($1::text[]) and payload->>'direction' = 'outbound'
           and (payload->>'customerId', coalesce(payload->>'campaign', '')) in (select * from unnest($1::text[], $2::text[]))`,
        [outCustomers, outCampaigns],
      ),
    );
  }
  if (caseIds.length > 0) {
    link(
      await database.query<{ id: string }>(
        `select distinct contact_id as id from events
         where type = 'contact.offered' and payload ? 'caseId' and payload->>'caseId' = any($1::text[])`,
        [caseIds],
      ),
    );
  }
  await contactEvents(database, [...linked], maxSeq, opts.contactSpan, keep);
  return out;
}

/** Every stored event (up to `maxSeq`) of these contacts, searched in their span when it is known. */
async function contactEvents(
  database: Database,
  contactIds: readonly string[],
  maxSeq: number,
  contactSpan: ContactSpan | undefined,
  keep: (rows: { payload: unknown }[]) => void,
): Promise<void> {
  if (contactIds.length === 0) return;
  if (!contactSpan) {
    keep(await database.query(`select payload from events where contact_id = any($1::text[]) and seq <= $2`, [contactIds, maxSeq]));
    return;
  }
  const span = await contactSpan(contactIds);
  if (span === null) return;
  keep(
    await database.query(`select payload from events where contact_id = any($1::text[]) and seq <= $2 and at >= $3 and at <= $4`, [
      contactIds,
      maxSeq,
      new Date(span.from),
      new Date(span.to),
    ]),
  );
}
