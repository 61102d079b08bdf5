import type { VigieEvent } from "../events/schema";
import { addPartial, emptyVector, FIELD_INDEX, toAggregate, type Aggregate } from "./aggregate";
import { AgentTimelines } from "./agent-time";
import { partitionPoint } from "./partition-point";
import { applyToCase, caseFacts, type CaseState } from "./cases";
import { applyToContact, contactFacts, isWaiting, newContact, outcomeFlags, queuedAt, type ContactConfig, type ContactState } from "./contact";
import { DEFAULT_REPEAT_DAYS, type EngineConfig } from "./engine";
import { before, type Fact, type Mark } from "./facts";
import { recordFacts, recordKey, type RecordCall } from "./records";
import { computeMetrics, type MetricValues } from "./registry";
import { agentFilter, parseScope, type Scope } from "./scope";
import { surveyContribution } from "./surveys";

/**
 * The historical side of the registry: every contribution of a closed set of
 * events, derived in one pass (no retraction, no incremental index), then
 * summed per interval and scope with the same registry formulas as the live
 * engine. Reports use it; tests use it to check the live fold against it.
 */
export class BatchFold {
  private readonly factsByScope = new Map<Scope, Fact[]>();
  private readonly allFacts: Fact[];
  private readonly timelines = new AgentTimelines();
  /** Contacts still waiting at the end of the data, for the service level's "still under the threshold". */
  private readonly waiting: WaitingContact[] = [];
  private readonly cfg: ContactConfig;

  constructor(events: Iterable<VigieEvent>, config: Omit<EngineConfig, "timeZone"> & { timeZone: string }) {
    const contacts = new Map<string, ContactState>();
    const cases = new Map<string, CaseState>();
    const loose = new Map<string, Fact>();
    for (const e of events) {
      if (e.type === "agent.state") this.timelines.apply(e);
      else if (e.type === "case.opened" || e.type === "case.closed") {
        let c = cases.get(e.caseId);
        if (!c) cases.set(e.caseId, (c = { caseId: e.caseId }));
        applyToCase(c, e);
      } else if (e.type === "survey.response" && e.contactId === undefined) {
        loose.set(e.id, { at: e.at, scopes: looseScopes(e.queue, e.agentId), entity: `survey:${e.id}`, agg: surveyContribution(e) });
      } else {
        const id = (e as { contactId?: string }).contactId;
        if (typeof id !== "string") continue;
        let c = contacts.get(id);
        if (!c) contacts.set(id, (c = newContact(id)));
        applyToContact(c, e);
      }
    }
    const next = nextContactIndex(contacts);
    this.cfg = contactConfig(config, (contactId) => next.get(contactId));

    const all: Fact[] = [...loose.values()];
    const records = new Map<string, RecordCall[]>();
    const caseHome = new Map<string, ContactState["offered"]>();
    for (const c of contacts.values()) {
      all.push(...contactFacts(c, this.cfg));
      const o = c.offered;
      if (!o) continue;
      if (isWaiting(c)) {
        this.waiting.push({ contactId: c.contactId, at: o.at, queuedAt: queuedAt(c), queue: o.queue, channel: o.channel, scopes: ["all", `queue:${o.queue}`, `channel:${o.channel}`] });
      }
      if (o.direction === "outbound") {
        const key = recordKey(o.campaign, o.customerId, c.contactId);
        const calls = records.get(key) ?? [];
        calls.push({ at: o.at, id: c.contactId, queue: o.queue, channel: o.channel, reached: outcomeFlags(c).reached });
        records.set(key, calls);
      }
      if (o.caseId !== undefined) {
        const home = caseHome.get(o.caseId);
        if (!home || before(o, home)) caseHome.set(o.caseId, o);
      }
    }
    for (const [key, calls] of records) all.push(...recordFacts(calls, config.timeZone, key));
    for (const c of cases.values()) all.push(...caseFacts(c, caseHome.get(c.caseId)));

    this.allFacts = all;
    for (const f of all) {
      for (const s of f.scopes) {
        let list = this.factsByScope.get(s);
        if (!list) this.factsByScope.set(s, (list = []));
        list.push(f);
      }
    }
    for (const list of this.factsByScope.values()) list.sort((a, b) => a.at - b.at);
  }

  /** Every contribution of the events, in no particular order (what rollups sum). */
  everyFact(): readonly Fact[] {
    return this.allFacts;
  }

  /** Contacts offered and still waiting at the end of the data. */
  waitingContacts(): readonly WaitingContact[] {
    return this.waiting;
  }

  /** The agents' state timelines of the events. */
  agentTimelines(): AgentTimelines {
    return this.timelines;
  }

  /** Scopes that received at least one contribution. */
  scopes(): Scope[] {
    return [...this.factsByScope.keys()];
  }

  /**
   * Every historical metric of `scope` over [from, to), read at instant `now`
   * (agent time stops there). `only` narrows it to some queues and/or one agent:
   * a reader limited to queues gets every grouping computed over their queues.
   */
  metrics(scope: Scope, from: number, to: number, now: number, only: Restriction = {}): MetricValues {
    return computeMetrics(this.aggregate(scope, from, to, now, only), null, from);
  }

  /** The sums `metrics` computes from (same arguments). */
  aggregate(scope: Scope, from: number, to: number, now: number, only: Restriction = {}): Aggregate {
    const p = parseScope(scope);
    if (p.kind === "queues") {
      // Several queues = everything restricted to them (each contribution names one queue at most).
      const queues = only.queues == null ? p.keys : p.keys.filter((q) => only.queues!.includes(q));
      return this.aggregate("all", from, to, now, { ...only, queues });
    }
    const v = emptyVector();
    for (const f of this.facts(scope, from, to, only)) addPartial(v, f.agg);
    const filter = agentFilter(scope);
    if (filter) {
      const { queues, agentId } = only;
      this.timelines.addTime(
        v,
        (id, qs) => filter(id, qs) && (agentId == null || id === agentId) && (queues == null || qs.some((q) => queues.includes(q))),
        from,
        Math.min(to, now),
      );
    }
    const keep = factFilter(only);
    let underSl = 0;
    for (const w of this.waiting) {
      if (!w.scopes.includes(scope) || !keep(w.scopes)) continue;
      if (w.at >= from && w.at < to && now - w.queuedAt < this.cfg.slThresholdMs(w.queue)) underSl++;
    }
    v[FIELD_INDEX.waitingUnderSl] = underSl;
    return toAggregate(v);
  }

  /** The contributions placed in [from, to) of a single scope, within `only`: what a drill-down lists. */
  facts(scope: Scope, from: number, to: number, only: Restriction = {}): Fact[] {
    const keep = factFilter(only);
    const list = this.factsByScope.get(scope) ?? [];
    const out: Fact[] = [];
    for (let i = lowerBound(list, from); i < list.length && list[i]!.at < to; i++) if (keep(list[i]!.scopes)) out.push(list[i]!);
    return out;
  }
}

export interface WaitingContact {
  contactId: string;
  /** Offered. */
  at: number;
  /** When the wait for an agent began (the offer, or a bot's hand-over). */
  queuedAt: number;
  queue: string;
  channel: string;
  scopes: Scope[];
}

/** What deriving a contact's contributions needs, from the engine's configuration and a next-contact lookup. */
export function contactConfig(config: Omit<EngineConfig, "timeZone">, next: (contactId: string) => number | undefined): ContactConfig {
  return {
    slThresholdMs: (q) => 1000 * (config.slSecondsByQueue?.[q] ?? config.slSeconds),
    shortAbandonMs: (q) => (config.shortAbandonSecondsByQueue?.[q] === undefined ? null : config.shortAbandonSecondsByQueue[q]! * 1000),
    nextContactAt: (_customer, contactId) => next(contactId),
    repeatWindowMs: (config.repeatDays ?? DEFAULT_REPEAT_DAYS) * 86_400_000,
  };
}

/** Narrows a report to some queues and/or one agent (null = no limit). */
export interface Restriction {
  queues?: readonly string[] | null;
  agentId?: string | null;
}

function factFilter({ queues, agentId }: Restriction): (scopes: readonly Scope[]) => boolean {
  if (queues == null && agentId == null) return () => true;
  const queueScopes = queues == null ? null : new Set(queues.map((q) => `queue:${q}`));
  const agentScope = agentId == null ? null : `agent:${agentId}`;
  return (scopes) =>
    (queueScopes === null || scopes.some((s) => queueScopes.has(s))) && (agentScope === null || scopes.includes(agentScope as Scope));
}

function lowerBound(list: readonly Fact[], at: number): number {
  return partitionPoint(list.length, (i) => list[i]!.at < at);
}

/** For each inbound contact of an identified customer, the offered time of that customer's next one. */
function nextContactIndex(contacts: ReadonlyMap<string, ContactState>): Map<string, number> {
  const byCustomer = new Map<string, Mark[]>();
  for (const c of contacts.values()) {
    const o = c.offered;
    if (o?.direction !== "inbound" || o.customerId === undefined) continue;
    const list = byCustomer.get(o.customerId) ?? [];
    list.push({ at: o.at, id: c.contactId });
    byCustomer.set(o.customerId, list);
  }
  const next = new Map<string, number>();
  for (const list of byCustomer.values()) {
    list.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    for (let i = 0; i + 1 < list.length; i++) next.set(list[i]!.id, list[i + 1]!.at);
  }
  return next;
}

function looseScopes(queue: string | undefined, agentId: string | undefined): Scope[] {
  const s: Scope[] = ["all"];
  if (queue !== undefined) s.push(`queue:${queue}`);
  if (agentId !== undefined) s.push(`agent:${agentId}`);
  return s;
}
