import type { Database } from "../../db/client";
import { readStoredEvent, type VigieEvent } from "../events/schema";

export interface SeqEvent {
  seq: number;
  event: VigieEvent;
}

export interface Batch {
  /** The last `seq` the batch covers: every event up to it is in `before` or `after`. */
  upTo: number;
  /** How many new events the batch holds. */
  fresh: number;
  /** The cluster's events already in the rollups (seq ≤ watermark). */
  before: VigieEvent[];
  /** The cluster's events once the batch is in (seq ≤ upTo). */
  after: VigieEvent[];
}

/**
 * The next events after `watermark` (at most `limit`, up to `max`), with the
 * cluster their contributions depend on (see `rollupDelta`): every event of
 * the contacts they touch; for the customers of those contacts, their other
 * inbound contacts within the repeat window (FCR by repeat) and every contact
 * of the same outbound record (campaign, customer); every contact and event of
 * their cases; and, per agent, its state events from the first new one on
 * plus the one in force before it and the last one naming its queues.
 */
export async function loadBatch(database: Database, watermark: number, max: number, limit: number, repeatMs: number): Promise<Batch | null> {
  const fresh = await rows(database, `select seq, payload from events where seq > $1 and seq <= $2 order by seq limit ${limit}`, [watermark, max]);
  if (fresh.length === 0) return null;
  const upTo = fresh.length === limit ? fresh[fresh.length - 1]!.seq : max;

  const contacts = new Set<string>();
  const cases = new Set<string>();
  const agents = new Map<string, number>();
  const loose: SeqEvent[] = [];
  for (const f of fresh) {
    const e = f.event;
    if (e.type === "agent.state") agents.set(e.agentId, Math.min(agents.get(e.agentId) ?? Infinity, e.at));
    else if (e.type === "case.opened" || e.type === "case.closed") cases.add(e.caseId);
    else if ("contactId" in e && typeof e.contactId === "string") contacts.add(e.contactId);
    else loose.push(f);
  }

  // The offers of the touched contacts name their customers, cases and campaigns.
  const offers = await database.query<Offer>(OFFERS_OF_CONTACTS, [[...contacts], upTo]);
  const byCustomer = new Map<string, Offer[]>();
  for (const o of offers) {
    if (o.case_id !== null) cases.add(o.case_id);
    if (o.customer_id === null) continue;
    const list = byCustomer.get(o.customer_id) ?? [];
    list.push(o);
    byCustomer.set(o.customer_id, list);
  }
  const cluster = new Set(contacts);
  if (byCustomer.size > 0) {
    for (const o of await database.query<Offer>(OFFERS_OF_CUSTOMERS, [[...byCustomer.keys()], upTo])) {
      const mine = byCustomer.get(o.customer_id!)!;
      const linked = mine.some((m) =>
        m.direction === "outbound"
          ? o.direction === "outbound" && o.campaign === m.campaign
          : o.direction !== "outbound" && Math.abs(Number(o.at_ms) - Number(m.at_ms)) <= repeatMs + 1,
      );
      if (linked) cluster.add(o.contact_id);
    }
  }
  let caseEvents: SeqEvent[] = [];
  if (cases.size > 0) {
    for (const r of await database.query<{ contact_id: string }>(CONTACTS_OF_CASES, [[...cases], upTo])) cluster.add(r.contact_id);
    caseEvents = await rows(database, CASE_EVENTS, [[...cases], upTo]);
  }
  const contactEvents = cluster.size > 0 ? await rows(database, EVENTS_OF_CONTACTS, [[...cluster], upTo]) : [];
  const agentEvents = agents.size > 0 ? await rows(database, AGENT_EVENTS, [[...agents.keys()], [...agents.values()], upTo]) : [];

  const all = new Map<number, SeqEvent>();
  for (const list of [contactEvents, caseEvents, agentEvents, loose]) for (const r of list) all.set(r.seq, r);
  const before: VigieEvent[] = [];
  const after: VigieEvent[] = [];
  for (const r of all.values()) {
    after.push(r.event);
    if (r.seq <= watermark) before.push(r.event);
  }
  return { upTo, fresh: fresh.length, before, after };
}

interface Offer {
  contact_id: string;
  at_ms: number | string;
  customer_id: string | null;
  case_id: string | null;
  campaign: string | null;
  direction: string;
}

const OFFER_COLUMNS = `contact_id, (extract(epoch from at) * 1000)::float8 as at_ms, payload->>'customerId' as customer_id,
  payload->>'caseId' as case_id, payload->>'campaign' as campaign, coalesce(payload->>'direction', 'inbound') as direction`;
const OFFERS_OF_CONTACTS = `select ${OFFER_COLUMNS} from events where type = 'contact.offered' and contact_id = any($1::text[]) and seq <= $2`;
const OFFERS_OF_CUSTOMERS = `select ${OFFER_COLUMNS} from events where type = 'contact.offered' and payload->>'customerId' = any($1::text[]) and seq <= $2`;
const CONTACTS_OF_CASES = `select distinct contact_id from events where type = 'contact.offered' and payload->>'caseId' = any($1::text[]) and seq <= $2`;
const CASE_EVENTS = `select seq, payload from events where type in ('case.opened', 'case.closed') and payload->>'caseId' = any($1::text[]) and seq <= $2`;
const EVENTS_OF_CONTACTS = `select seq, payload from events where contact_id = any($1::text[]) and seq <= $2`;
const AGENT_EVENTS = `
  with a(agent, since) as (select u.agent, to_timestamp(u.ms / 1000.0) from unnest($1::text[], $2::float8[]) as u(agent, ms))
  select e.seq, e.payload from a cross join lateral (
    (select seq, payload from events where type = 'agent.state' and agent_id = a.agent and at >= a.since and seq <= $3)
    union all
    (select seq, payload from events where type = 'agent.state' and agent_id = a.agent and at < a.since and seq <= $3
      order by at desc, id desc limit 1)
    union all
    (select seq, payload from events where type = 'agent.state' and agent_id = a.agent and at < a.since and seq <= $3
      and payload ? 'queues' order by at desc, id desc limit 1)
  ) e`;

async function rows(database: Database, text: string, params: unknown[]): Promise<SeqEvent[]> {
  const out: SeqEvent[] = [];
  for (const r of await database.query<{ seq: string | number; payload: unknown }>(text, params)) {
    const event = readStoredEvent(r.payload);
    if (event) out.push({ seq: Number(r.seq), event });
  }
  return out;
}
