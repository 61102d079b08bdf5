import type { Channel, EventOf, VigieEvent } from "../events/schema";
import type { Aggregate } from "./aggregate";
import { earliest, latest, scopesOf, type Fact, type Mark } from "./facts";
import { surveyContribution } from "./surveys";

type Outcome = EventOf<"contact.outcome">["outcome"];

/**
 * The state machine of one contact. Each field keeps the event that wins under
 * CONTRACT §2 (earliest offered/answered/abandoned, latest ended/wrapped), with
 * ties broken by event id, so that applying the same events in any order, any
 * number of times, gives the same state. Sets keyed by event id absorb duplicates.
 */
export interface ContactState {
  contactId: string;
  offered?: Mark & {
    queue: string;
    channel: Channel;
    direction: "inbound" | "outbound";
    customerId?: string;
    caseId?: string;
    campaign?: string;
  };
  answered?: Mark & { agentId: string };
  abandoned?: Mark;
  selfserved?: Mark;
  responded?: Mark;
  ended?: Mark;
  wrapped?: Mark;
  /** The latest disposition wins: a contact re-opened and resolved again keeps its last flag. */
  resolved?: Mark & { firstContact?: boolean };
  /** Hold and resume marks by event id. */
  holds: Map<string, { at: number; held: boolean }>;
  transfers: Set<string>;
  /** Escalations by event id, with when and who escalated. */
  escalations: Map<string, { at: number; from?: "bot" | "agent" }>;
  outcomes: Map<string, Mark & { outcome: Outcome; amount?: number }>;
  surveys: Map<string, EventOf<"survey.response">>;
}

export function newContact(contactId: string): ContactState {
  return { contactId, holds: new Map(), transfers: new Set(), escalations: new Map(), outcomes: new Map(), surveys: new Map() };
}

/** Folds one event into the contact. Returns false when the event cannot change it. */
export function applyToContact(c: ContactState, e: VigieEvent): boolean {
  const mark = { at: e.at, id: e.id };
  switch (e.type) {
    case "contact.offered":
      c.offered = earliest(c.offered, {
        ...mark, queue: e.queue, channel: e.channel, direction: e.direction,
        customerId: e.customerId, caseId: e.caseId, campaign: e.campaign,
      });
      return true;
    case "contact.answered":
      c.answered = earliest(c.answered, { ...mark, agentId: e.agentId });
      return true;
    case "contact.abandoned":
      c.abandoned = earliest(c.abandoned, mark);
      return true;
    case "contact.selfserved":
      c.selfserved = earliest(c.selfserved, mark);
      return true;
    case "contact.responded":
      c.responded = earliest(c.responded, mark);
      return true;
    case "contact.ended":
      c.ended = latest(c.ended, mark);
      return true;
    case "contact.wrapped":
      c.wrapped = latest(c.wrapped, mark);
      return true;
    case "contact.resolved":
      c.resolved = latest(c.resolved, { ...mark, firstContact: e.firstContact });
      return true;
    case "contact.held":
    case "contact.resumed":
      c.holds.set(e.id, { at: e.at, held: e.type === "contact.held" });
      return true;
    case "contact.transferred":
      c.transfers.add(e.id);
      return true;
    case "contact.escalated":
      c.escalations.set(e.id, { at: e.at, from: e.from });
      return true;
    case "contact.outcome":
      c.outcomes.set(e.id, { ...mark, outcome: e.outcome, amount: e.amount });
      return true;
    case "survey.response":
      c.surveys.set(e.id, e);
      return true;
    default:
      return false;
  }
}

/**
 * An inbound contact offered and not yet answered, abandoned, self-served or
 * ended. Outbound calls being dialled are no customer waiting in a queue.
 */
export function isWaiting(c: ContactState): boolean {
  return c.offered?.direction === "inbound" && !c.answered && !c.abandoned && !c.selfserved && !c.ended;
}

/** The earliest hand-over by a bot, if any. */
function botHandover(c: ContactState): number | undefined {
  let at: number | undefined;
  for (const e of c.escalations.values()) if (e.from === "bot" && (at === undefined || e.at < at)) at = e.at;
  return at;
}

/**
 * When the contact started waiting for an agent: when a bot (IVR, chatbot) that
 * took it first handed it over, else when it was offered. Time spent with the
 * bot is self-service, not queue wait.
 */
export function queuedAt(c: ContactState): number {
  const o = c.offered!;
  const handover = botHandover(c);
  return handover !== undefined && handover > o.at ? handover : o.at;
}

/** Total hold time inside [from, to], from hold/resume marks in time order. */
export function holdMs(c: ContactState, from: number, to: number): number {
  if (c.holds.size === 0 || to <= from) return 0;
  const marks = [...c.holds.entries()].sort(([ia, a], [ib, b]) => a.at - b.at || (ia < ib ? -1 : ia > ib ? 1 : 0));
  let total = 0;
  let since: number | null = null;
  for (const [, m] of marks) {
    if (m.held && since === null) since = m.at;
    else if (!m.held && since !== null) {
      total += overlap(since, m.at, from, to);
      since = null;
    }
  }
  if (since !== null) total += overlap(since, to, from, to);
  return total;
}

const overlap = (a: number, b: number, from: number, to: number) => Math.max(0, Math.min(b, to) - Math.max(a, from));

/** What deriving a contact's contributions needs from outside the contact. */
export interface ContactConfig {
  slThresholdMs: (queue: string) => number;
  /** Abandons quicker than this are short abandons; null when the queue sets none. */
  shortAbandonMs: (queue: string) => number | null;
  /** Offered time of the customer's next inbound contact after this one, if any. */
  nextContactAt: (customerId: string, contactId: string) => number | undefined;
  /** A contact followed by another from the same customer within this delay is a repeat. */
  repeatWindowMs: number;
}

const ASYNC: ReadonlySet<Channel> = new Set(["email", "chat", "social", "sms"]);
const REACHED: ReadonlySet<Outcome> = new Set(["argued", "agreed", "refused", "sale"]);
const ARGUED: ReadonlySet<Outcome> = new Set(["argued", "agreed", "sale"]);
const AGREED: ReadonlySet<Outcome> = new Set(["agreed", "sale"]);

export function outcomeFlags(c: ContactState): { reached: boolean; notReached: boolean; argued: boolean; agreed: boolean } {
  let reached = false, argued = false, agreed = false;
  for (const o of c.outcomes.values()) {
    reached ||= REACHED.has(o.outcome);
    argued ||= ARGUED.has(o.outcome);
    agreed ||= AGREED.has(o.outcome);
  }
  return { reached, notReached: c.outcomes.size > 0 && !reached, argued, agreed };
}

/** The latest `sale` outcome: a resent sale with a new id must not count its amount twice. */
function lastSale(c: ContactState): (Mark & { amount?: number }) | undefined {
  let sale: (Mark & { amount?: number }) | undefined;
  for (const o of c.outcomes.values()) if (o.outcome === "sale") sale = latest(sale, o);
  return sale;
}

function flowContribution(c: ContactState, cfg: ContactConfig): Partial<Aggregate> {
  const { offered: o, answered } = c;
  if (!o) return {};
  const inbound = o.direction === "inbound";
  const outbound = !inbound;
  // Queue figures are about inbound contacts; outbound calls have their own KPIs.
  const queued = inbound ? queuedAt(c) : o.at;
  const ans = inbound && !!answered;
  const wait = ans ? Math.max(0, answered!.at - queued) : 0;
  const abandoned = !answered && !!c.abandoned;
  const shortMs = cfg.shortAbandonMs(o.queue);
  const isAsync = inbound && ASYNC.has(o.channel);
  const flags = outcomeFlags(c);
  const sale = answered ? lastSale(c) : undefined;
  const botEscalated = inbound && botHandover(c) !== undefined;
  const eligible = ans && o.customerId !== undefined;
  const next = eligible ? cfg.nextContactAt(o.customerId!, c.contactId) : undefined;
  return {
    offered: inbound ? 1 : 0,
    answered: ans ? 1 : 0,
    abandoned: inbound && abandoned ? 1 : 0,
    shortAbandoned: inbound && abandoned && shortMs !== null && c.abandoned!.at - queued < shortMs ? 1 : 0,
    waitMs: wait,
    answeredInSl: ans && wait <= cfg.slThresholdMs(o.queue) ? 1 : 0,
    agentContacts: answered ? 1 : 0,
    inbound: inbound ? 1 : 0,
    outbound: outbound ? 1 : 0,
    asyncOffered: isAsync ? 1 : 0,
    responded: isAsync && c.responded ? 1 : 0,
    responseMs: isAsync && c.responded ? Math.max(0, c.responded.at - o.at) : 0,
    transferred: answered && c.transfers.size > 0 ? 1 : 0,
    escalated: inbound && c.escalations.size > 0 ? 1 : 0,
    botEscalated: botEscalated ? 1 : 0,
    // Handed over by the bot, or served by an agent in the end: not self-served.
    selfServed: inbound && c.selfserved && !answered && !botEscalated ? 1 : 0,
    outboundAbandoned: outbound && abandoned ? 1 : 0,
    connected: outbound && flags.reached ? 1 : 0,
    notConnected: outbound && flags.notReached ? 1 : 0,
    argued: outbound && flags.argued ? 1 : 0,
    agreed: outbound && flags.agreed ? 1 : 0,
    sales: sale ? 1 : 0,
    salesCents: sale?.amount !== undefined ? Math.round(sale.amount * 100) : 0,
    fcrEligible: eligible ? 1 : 0,
    repeated: next !== undefined && next - o.at <= cfg.repeatWindowMs ? 1 : 0,
  };
}

/** Everything this contact currently contributes, each part placed at its own instant. */
export function contactFacts(c: ContactState, cfg: ContactConfig): Fact[] {
  const facts: Fact[] = [];
  const { offered, answered } = c;
  const scopes = scopesOf(offered?.queue, offered?.channel, answered?.agentId);
  const entity = `contact:${c.contactId}`;

  if (offered) facts.push({ at: offered.at, scopes, entity, agg: flowContribution(c, cfg) });

  if (answered && c.ended && c.wrapped) {
    const talkAndHold = Math.max(0, c.ended.at - answered.at);
    const hold = holdMs(c, answered.at, answered.at + talkAndHold);
    const acw = Math.max(0, c.wrapped.at - c.ended.at);
    facts.push({
      at: c.wrapped.at,
      scopes,
      entity,
      agg: { handled: 1, handleMs: talkAndHold + acw, talkMs: talkAndHold - hold, holdMs: hold, acwMs: acw },
    });
  }

  if (c.resolved) {
    const r = c.resolved;
    facts.push({
      at: r.at,
      scopes,
      entity,
      agg: {
        resolved: 1,
        resolvedFlagged: r.firstContact === undefined ? 0 : 1,
        resolvedFirst: r.firstContact === true ? 1 : 0,
        resolutionTimed: offered ? 1 : 0,
        resolutionMs: offered ? Math.max(0, r.at - offered.at) : 0,
      },
    });
  }

  const selfServed = !!c.selfserved && !answered && botHandover(c) === undefined;
  for (const s of c.surveys.values()) {
    facts.push({
      at: s.at,
      scopes: scopesOf(s.queue ?? offered?.queue, offered?.channel, s.agentId ?? answered?.agentId),
      entity,
      agg: surveyContribution(s, selfServed),
    });
  }
  return facts;
}
