import type { Channel, EventOf, VigieEvent } from "../events/schema";
import type { Aggregate } from "./aggregate";
import { agentScope, channelScope, queueScope, type Scope } from "./scope";
import { surveyContribution } from "./surveys";

/**
 * The state machine of one contact. Each field keeps the event that wins under
 * CONTRACT §2 (earliest offered/answered/abandoned, latest ended/wrapped), with
 * ties broken by event id, so that applying the same events in any order, any
 * number of times, gives the same state.
 */
export interface ContactState {
  contactId: string;
  offered?: { at: number; id: string; queue: string; channel: Channel; customerId?: string };
  answered?: { at: number; id: string; agentId: string };
  abandoned?: { at: number; id: string };
  selfserved?: { at: number; id: string };
  ended?: { at: number; id: string };
  wrapped?: { at: number; id: string };
  /** Hold and resume marks by event id. */
  holds: Map<string, { at: number; held: boolean }>;
  surveys: Map<string, EventOf<"survey.response">>;
}

/** A contribution to the aggregates: `agg` added to each of `scopes`, placed at instant `at`. */
export interface Fact {
  at: number;
  scopes: Scope[];
  agg: Partial<Aggregate>;
}

export function newContact(contactId: string): ContactState {
  return { contactId, holds: new Map(), surveys: new Map() };
}

type Mark = { at: number; id: string };
const before = (a: Mark, b: Mark) => a.at < b.at || (a.at === b.at && a.id < b.id);
const earliest = <T extends Mark>(cur: T | undefined, next: T) => (!cur || before(next, cur) ? next : cur);
const latest = <T extends Mark>(cur: T | undefined, next: T) => (!cur || before(cur, next) ? next : cur);

/** Folds one event into the contact. Returns false when the event cannot change it. */
export function applyToContact(c: ContactState, e: VigieEvent): boolean {
  const mark = { at: e.at, id: e.id };
  switch (e.type) {
    case "contact.offered":
      c.offered = earliest(c.offered, { ...mark, queue: e.queue, channel: e.channel, customerId: e.customerId });
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
    case "contact.ended":
      c.ended = latest(c.ended, mark);
      return true;
    case "contact.wrapped":
      c.wrapped = latest(c.wrapped, mark);
      return true;
    case "contact.held":
    case "contact.resumed":
      c.holds.set(e.id, { at: e.at, held: e.type === "contact.held" });
      return true;
    case "survey.response":
      c.surveys.set(e.id, e);
      return true;
    default:
      return false;
  }
}

/** Offered and not yet answered, abandoned, self-served or ended. */
export function isWaiting(c: ContactState): boolean {
  return !!c.offered && !c.answered && !c.abandoned && !c.selfserved && !c.ended;
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

export interface ContactConfig {
  slThresholdMs: (queue: string) => number;
}

/** The scopes of a contact: all, its queue and channel (from offered), its agent (from answered). */
function scopesOf(queue: string | undefined, channel: string | undefined, agentId: string | undefined): Scope[] {
  const s: Scope[] = ["all"];
  if (queue !== undefined) s.push(queueScope(queue));
  if (channel !== undefined) s.push(channelScope(channel));
  if (agentId !== undefined) s.push(agentScope(agentId));
  return s;
}

/** Everything this contact currently contributes, each part placed at its own instant. */
export function contactFacts(c: ContactState, cfg: ContactConfig): Fact[] {
  const facts: Fact[] = [];
  const { offered, answered } = c;
  const scopes = scopesOf(offered?.queue, offered?.channel, answered?.agentId);

  if (offered) {
    const wait = answered ? Math.max(0, answered.at - offered.at) : 0;
    facts.push({
      at: offered.at,
      scopes,
      agg: {
        offered: 1,
        answered: answered ? 1 : 0,
        abandoned: !answered && c.abandoned ? 1 : 0,
        waitMs: wait,
        answeredInSl: answered && wait <= cfg.slThresholdMs(offered.queue) ? 1 : 0,
      },
    });
  }

  if (answered && c.ended && c.wrapped) {
    const talkAndHold = Math.max(0, c.ended.at - answered.at);
    const hold = holdMs(c, answered.at, answered.at + talkAndHold);
    const acw = Math.max(0, c.wrapped.at - c.ended.at);
    facts.push({
      at: c.wrapped.at,
      scopes,
      agg: { handled: 1, handleMs: talkAndHold + acw, talkMs: talkAndHold - hold, holdMs: hold, acwMs: acw },
    });
  }

  for (const s of c.surveys.values()) {
    facts.push({
      at: s.at,
      scopes: scopesOf(s.queue ?? offered?.queue, offered?.channel, s.agentId ?? answered?.agentId),
      agg: surveyContribution(s),
    });
  }
  return facts;
}
