import type { VigieEvent } from "../events/schema";
import { emptyVector, FIELD_INDEX, toAggregate, type Aggregate, type AggregateVector, type NowFigures } from "./aggregate";
import { AgentBoard, type AgentNow } from "./agents";
import { AgentContacts } from "./agent-contacts";
import { agentRows, type AgentRow } from "./agent-grid";
import { AgentTimelines } from "./agent-time";
import { ScopeBuckets } from "./buckets";
import { applyToCase, caseFacts, type CaseState } from "./cases";
import { applyToContact, contactFacts, isWaiting, newContact, outcomeFlags, queuedAt, type ContactConfig, type ContactState } from "./contact";
import { CustomerIndex } from "./customers";
import { before, type Fact } from "./facts";
import { recordFacts, recordKey, type RecordCall } from "./records";
import { minutePoints, WaitSpans, type MinutePoint } from "./minute-series";
import { computeMetrics, type MetricValues } from "./registry";
import { agentFilter, memberScopes, parseScope, type Scope, type WindowId } from "./scope";
import { surveyContribution } from "./surveys";
import { startOfLocalDay, windowStart } from "./time";
import { waitingContacts, type WaitingContact } from "./waiting-list";

export interface EngineConfig {
  timeZone: string;
  /** Default service-level threshold, seconds (VIGIE_SL_SECONDS). */
  slSeconds: number;
  /** Per-queue overrides, seconds. */
  slSecondsByQueue?: Record<string, number>;
  /** Per-queue short-abandon thresholds, seconds; a queue without one counts every abandon. */
  shortAbandonSecondsByQueue?: Record<string, number>;
  /** FCR by repeat: a contact followed by another from the same customer within this many days is a repeat. */
  repeatDays?: number;
}

export const DEFAULT_REPEAT_DAYS = 7;

/** Thresholds a scope's numbers depend on (null: they differ between its queues, or none is set). */
export interface ScopeSettings {
  slSeconds: number | null;
  shortAbandonSeconds: number | null;
  repeatDays: number;
}

interface Tracked {
  contact: ContactState;
  facts: Fact[];
  waitingScopes: Scope[];
  /** Where the contact is linked, to unlink it when its offered event changes. */
  customerId?: string;
  recordKey?: string;
  caseId?: string;
}

interface TrackedCase {
  state: CaseState;
  facts: Fact[];
  contacts: Set<string>;
}

interface TrackedRecord {
  contacts: Set<string>;
  facts: Fact[];
}

/**
 * The live metrics engine: a pure fold over events (no I/O, no clock — every
 * call that depends on time takes `now`). It keeps each entity's state (contact,
 * case, outbound record, survey) and its current contributions; a changed entity
 * retracts its old contributions and adds the new ones, so the aggregates depend
 * only on the set of events.
 */
export class MetricsEngine {
  private readonly contacts = new Map<string, Tracked>();
  private readonly cases = new Map<string, TrackedCase>();
  private readonly records = new Map<string, TrackedRecord>();
  private readonly customers = new CustomerIndex();
  /** Surveys that name no contact. */
  private readonly looseSurveys = new Map<string, Fact>();
  private readonly buckets = new Map<Scope, ScopeBuckets>();
  private readonly waiting = new Map<Scope, Set<ContactState>>();
  private readonly agents = new AgentBoard();
  private readonly timelines = new AgentTimelines();
  /** Views for the agent grid and the live minute chart, kept current with the contacts. */
  private readonly taken = new AgentContacts();
  private readonly waits = new WaitSpans();
  private readonly queues = new Set<string>();
  private readonly channels = new Set<string>();
  private readonly agentIds = new Set<string>();
  private dirty = new Set<Scope>();
  /** Grows whenever a queue, channel or agent is seen for the first time. */
  catalogVersion = 0;
  private config: EngineConfig;
  private readonly derive: ContactConfig;

  constructor(config: EngineConfig) {
    this.config = { ...config, slSecondsByQueue: { ...config.slSecondsByQueue } };
    const engine = this;
    this.derive = {
      slThresholdMs: (queue) => this.slThresholdMs(queue),
      shortAbandonMs: (queue) => {
        const s = this.config.shortAbandonSecondsByQueue?.[queue];
        return s === undefined ? null : s * 1000;
      },
      nextContactAt: (customerId, contactId) => this.customers.nextAt(customerId, contactId),
      get repeatWindowMs() {
        return (engine.config.repeatDays ?? DEFAULT_REPEAT_DAYS) * 86_400_000;
      },
    };
  }

  get timeZone(): string {
    return this.config.timeZone;
  }

  slThresholdMs = (queue: string): number =>
    1000 * (this.config.slSecondsByQueue?.[queue] ?? this.config.slSeconds);

  /** Folds one stored event in. `now` only decides whether an agent state is already in force. */
  apply(e: VigieEvent, now: number): void {
    switch (e.type) {
      case "agent.state": {
        const before = this.agents.queuesOf(e.agentId);
        this.agents.apply(e, now);
        this.timelines.apply(e);
        if (!this.agentIds.has(e.agentId)) {
          this.agentIds.add(e.agentId);
          this.catalogVersion++;
        }
        for (const q of e.queues ?? []) this.addTo(this.queues, q);
        this.markAgent(e.agentId, before);
        return;
      }
      case "case.opened":
      case "case.closed": {
        const c = this.caseOf(e.caseId);
        if (applyToCase(c.state, e)) this.refreshCase(e.caseId);
        return;
      }
      case "survey.response":
        if (e.contactId === undefined) {
          const fact: Fact = { at: e.at, scopes: surveyScopes(e.queue, e.agentId), agg: surveyContribution(e) };
          const old = this.looseSurveys.get(e.id);
          if (old) this.place(old, -1);
          this.looseSurveys.set(e.id, fact);
          this.place(fact, 1);
          return;
        }
    }
    const contactId = (e as { contactId?: string }).contactId;
    if (typeof contactId !== "string") return;
    let t = this.contacts.get(contactId);
    if (!t) {
      t = { contact: newContact(contactId), facts: [], waitingScopes: [] };
      this.contacts.set(contactId, t);
    }
    if (!applyToContact(t.contact, e)) return;
    this.refreshContact(t);
  }

  applyAll(events: Iterable<VigieEvent>, now: number): void {
    for (const e of events) this.apply(e, now);
  }

  /** Changes thresholds and recomputes the contacts they affect. */
  configure(patch: Partial<Omit<EngineConfig, "timeZone">>): void {
    this.config = { ...this.config, ...patch };
    for (const t of this.contacts.values()) if (t.contact.offered) this.refreshFacts(t);
  }

  private refreshContact(t: Tracked): void {
    const id = t.contact.contactId;
    const o = t.contact.offered;

    const customerId = o?.direction === "inbound" ? o.customerId : undefined;
    const affected: string[] = [];
    if (t.customerId !== undefined && t.customerId !== customerId) affected.push(...this.customers.set(t.customerId, id, undefined));
    t.customerId = customerId;
    if (customerId !== undefined) affected.push(...this.customers.set(customerId, id, o!.at));
    this.refreshFacts(t);
    for (const other of affected) {
      const ot = this.contacts.get(other);
      if (ot) this.refreshFacts(ot);
    }

    const rk = o?.direction === "outbound" ? recordKey(o.campaign, o.customerId, id) : undefined;
    if (t.recordKey !== rk) {
      if (t.recordKey !== undefined) this.unlinkRecord(t.recordKey, id);
      t.recordKey = rk;
      if (rk !== undefined) this.recordOf(rk).contacts.add(id);
    }
    if (rk !== undefined) this.refreshRecord(rk);

    const caseId = o?.caseId;
    if (t.caseId !== caseId) {
      if (t.caseId !== undefined) {
        this.cases.get(t.caseId)?.contacts.delete(id);
        this.refreshCase(t.caseId);
      }
      t.caseId = caseId;
      if (caseId !== undefined) this.caseOf(caseId).contacts.add(id);
    }
    if (caseId !== undefined) this.refreshCase(caseId);
  }

  private refreshFacts(t: Tracked): void {
    const next = contactFacts(t.contact, this.derive);
    this.replace(t.facts, next);
    t.facts = next;
    this.taken.update(t.contact);
    this.waits.update(t.contact);

    for (const s of t.waitingScopes) this.waiting.get(s)?.delete(t.contact);
    const o = t.contact.offered;
    t.waitingScopes = o && isWaiting(t.contact) ? ["all", `queue:${o.queue}`, `channel:${o.channel}`] : [];
    for (const s of t.waitingScopes) {
      let set = this.waiting.get(s);
      if (!set) this.waiting.set(s, (set = new Set()));
      set.add(t.contact);
      this.dirty.add(s);
    }
    if (o) {
      this.addTo(this.queues, o.queue);
      this.addTo(this.channels, o.channel);
    }
  }

  private caseOf(caseId: string): TrackedCase {
    let c = this.cases.get(caseId);
    if (!c) this.cases.set(caseId, (c = { state: { caseId }, facts: [], contacts: new Set() }));
    return c;
  }

  private refreshCase(caseId: string): void {
    const c = this.cases.get(caseId);
    if (!c) return;
    let home: ContactState["offered"];
    for (const id of c.contacts) {
      const o = this.contacts.get(id)?.contact.offered;
      if (o && (!home || before(o, home))) home = o;
    }
    const next = caseFacts(c.state, home);
    this.replace(c.facts, next);
    c.facts = next;
  }

  private recordOf(key: string): TrackedRecord {
    let r = this.records.get(key);
    if (!r) this.records.set(key, (r = { contacts: new Set(), facts: [] }));
    return r;
  }

  private unlinkRecord(key: string, contactId: string): void {
    const r = this.records.get(key);
    if (!r) return;
    r.contacts.delete(contactId);
    this.refreshRecord(key);
    if (r.contacts.size === 0) this.records.delete(key);
  }

  private refreshRecord(key: string): void {
    const r = this.records.get(key);
    if (!r) return;
    const calls: RecordCall[] = [];
    for (const id of r.contacts) {
      const c = this.contacts.get(id)?.contact;
      if (c?.offered) calls.push({ at: c.offered.at, id, queue: c.offered.queue, channel: c.offered.channel, reached: outcomeFlags(c).reached });
    }
    const next = recordFacts(calls, this.config.timeZone);
    this.replace(r.facts, next);
    r.facts = next;
  }

  private replace(old: readonly Fact[], next: readonly Fact[]): void {
    for (const f of old) this.place(f, -1);
    for (const f of next) this.place(f, 1);
  }

  private addTo(set: Set<string>, value: string): void {
    if (set.has(value)) return;
    set.add(value);
    this.catalogVersion++;
  }

  private place(f: Fact, sign: 1 | -1): void {
    for (const s of f.scopes) {
      let b = this.buckets.get(s);
      if (!b) this.buckets.set(s, (b = new ScopeBuckets()));
      b.add(f, sign);
      this.dirty.add(s);
    }
  }

  private markAgent(agentId: string, queuesBefore: readonly string[]): void {
    this.dirty.add("all");
    this.dirty.add(`agent:${agentId}`);
    for (const q of queuesBefore) this.dirty.add(`queue:${q}`);
    for (const q of this.agents.queuesOf(agentId)) this.dirty.add(`queue:${q}`);
  }

  /** Promotes agent states whose time has come; call it before reading at a new `now`. */
  tick(now: number): void {
    for (const a of this.agents.advance(now)) this.markAgent(a, []);
  }

  /** Scopes whose numbers may have changed since the last call. */
  takeDirty(): Set<Scope> {
    const d = this.dirty;
    this.dirty = new Set();
    return d;
  }

  /**
   * The sum of a scope's contributions in [from, to), read at instant `now`:
   * agent time is clipped to `now`, and the contacts offered in the interval
   * that still wait under their threshold are counted (service level leaves them out).
   */
  private sumOf(scope: Scope, from: number, to: number, now: number): AggregateVector {
    const v = emptyVector();
    // A multi-queue scope sums its queues: a contact belongs to one queue only.
    for (const member of memberScopes(scope)) this.buckets.get(member)?.sum(from, to, v);
    const filter = agentFilter(scope);
    if (filter) this.timelines.addTime(v, filter, from, Math.min(to, now));
    let underSl = 0;
    for (const c of this.waitingIn(scope)) {
      const at = c.offered!.at;
      if (at >= from && at < to && now - queuedAt(c) < this.slThresholdMs(c.offered!.queue)) underSl++;
    }
    v[FIELD_INDEX.waitingUnderSl] = underSl;
    return v;
  }

  /** Every registry metric for a scope and window at instant `now`. */
  metrics(scope: Scope, window: WindowId, now: number): MetricValues {
    const from = windowStart(window, now, this.config.timeZone);
    const agg = toAggregate(this.sumOf(scope, from, Infinity, now));
    return computeMetrics(agg, { ...this.nowFigures(scope), forecast: this.forecastInputs(scope, window, agg, now) }, now);
  }

  private forecastInputs(scope: Scope, window: WindowId, agg: Aggregate, now: number): NowFigures["forecast"] {
    const recent = emptyVector();
    const today = window === "today" ? null : emptyVector();
    const dayStart = startOfLocalDay(now, this.config.timeZone);
    for (const member of memberScopes(scope)) {
      const b = this.buckets.get(member);
      b?.sum(now - 15 * 60_000, Infinity, recent);
      if (today) b?.sum(dayStart, Infinity, today);
    }
    return {
      arrivals15m: recent[FIELD_INDEX.offered]!,
      handledToday: today ? today[FIELD_INDEX.handled]! : agg.handled,
      handleMsToday: today ? today[FIELD_INDEX.handleMs]! : agg.handleMs,
      slSeconds: this.settings(scope).slSeconds ?? this.config.slSeconds,
    };
  }

  /** Metrics per interval of `stepMinutes` over [from, to), read at `to`, for charts. "Now" metrics are left out. */
  series(scope: Scope, from: number, to: number, stepMinutes: number): { start: number; metrics: MetricValues }[] {
    const out: { start: number; metrics: MetricValues }[] = [];
    const step = stepMinutes * 60_000;
    for (let start = from; start < to; start += step) {
      const end = Math.min(start + step, to);
      out.push({ start, metrics: computeMetrics(toAggregate(this.sumOf(scope, start, end, to)), null, start) });
    }
    return out;
  }

  private *waitingIn(scope: Scope): Iterable<ContactState> {
    for (const member of memberScopes(scope)) yield* this.waiting.get(member) ?? [];
  }

  private nowFigures(scope: Scope): NowFigures {
    let oldest: number | null = null;
    let waiting = 0;
    for (const c of this.waitingIn(scope)) {
      waiting++;
      const at = queuedAt(c);
      if (oldest === null || at < oldest) oldest = at;
    }
    const filter = agentFilter(scope);
    const agents = filter ? this.agents.count(filter) : null;
    return { waiting, oldestWaitingSince: oldest, agents };
  }

  /**
   * The thresholds behind a scope's numbers, to show next to them: a queue's
   * own; for other scopes the default when no queue overrides it, else null
   * (they differ by queue).
   */
  settings(scope: Scope): ScopeSettings {
    const p = parseScope(scope);
    const sl = this.config.slSecondsByQueue ?? {};
    const short = this.config.shortAbandonSecondsByQueue ?? {};
    const repeatDays = this.config.repeatDays ?? DEFAULT_REPEAT_DAYS;
    if (p.kind === "queue") return { slSeconds: sl[p.key] ?? this.config.slSeconds, shortAbandonSeconds: short[p.key] ?? null, repeatDays };
    const queues = p.kind === "queues" ? p.keys : [...this.queues];
    const sls = new Set(queues.map((q) => sl[q] ?? this.config.slSeconds));
    const shorts = new Set(queues.map((q) => short[q] ?? null));
    // Over every queue, an override for a queue not seen yet still makes thresholds differ.
    if (p.kind !== "queues" && Object.values(sl).some((v) => v !== this.config.slSeconds)) sls.add(-1);
    return {
      slSeconds: sls.size <= 1 ? ([...sls][0] ?? this.config.slSeconds) : null,
      shortAbandonSeconds: shorts.size === 1 ? [...shorts][0]! : null,
      repeatDays,
    };
  }

  /**
   * Every agent's state in force at `now`, with when it began, its reason and
   * queues: the agent grid and agent alert rules.
   */
  agentStatesNow(now: number): AgentNow[] {
    this.tick(now);
    return this.agents.states();
  }

  /** Every agent's grid row at `now` (state, open contact, handled today); `rowsInScope` narrows it. */
  agentGrid(now: number): AgentRow[] {
    const dayStart = startOfLocalDay(now, this.config.timeZone);
    const horizon = startOfLocalDay(dayStart - 1, this.config.timeZone);
    return agentRows(this.agentStatesNow(now), { contacts: this.taken, timelines: this.timelines }, dayStart, horizon);
  }

  /** The contacts waiting now in a scope, longest wait first. */
  waitingList(scope: Scope): { total: number; contacts: WaitingContact[] } {
    return waitingContacts(this.waitingIn(scope));
  }

  /** Contacts waiting and service level per minute over the last hour, for live charts. */
  minuteSeries(scope: Scope, now: number): MinutePoint[] {
    return minutePoints(this.waits.values(), scope, now, (from, to) =>
      this.series(scope, from, to, 1).map((p) => ({ offered: p.metrics.offered ?? null, serviceLevel: p.metrics.serviceLevel ?? null })),
    );
  }

  /** The queues an agent currently serves (its last `agent.state`), for permission checks. */
  queuesOfAgent(agentId: string): readonly string[] {
    return this.agents.queuesOf(agentId);
  }

  catalog(): { queues: string[]; channels: string[]; agents: string[] } {
    const sort = (xs: Iterable<string>) => [...xs].sort((a, b) => a.localeCompare(b));
    return { queues: sort(this.queues), channels: sort(this.channels), agents: sort(this.agents.ids()) };
  }

  /**
   * Forgets entities whose every contribution lies before the retention horizon
   * (the start of yesterday, local) and that no longer wait, so memory stays
   * bounded over days of uptime. A case or an outbound record goes with all its
   * contacts or not at all, so that what remains never recounts it later.
   */
  evict(now: number): number {
    const horizon = startOfLocalDay(startOfLocalDay(now, this.config.timeZone) - 1, this.config.timeZone);
    const old = new Set<string>();
    for (const [id, t] of this.contacts) {
      if (t.waitingScopes.length === 0 && t.facts.every((f) => f.at < horizon) && latestMark(t.contact) < horizon) old.add(id);
    }
    const keepAll = (ids: Iterable<string>) => {
      for (const id of ids) old.delete(id);
    };
    for (const [key, r] of this.records) {
      if ([...r.contacts].every((id) => old.has(id)) && r.facts.every((f) => f.at < horizon)) {
        this.replace(r.facts, []);
        this.records.delete(key);
      } else keepAll(r.contacts);
    }
    for (const [key, c] of this.cases) {
      const marks = [c.state.opened?.at ?? -Infinity, c.state.closed?.at ?? -Infinity];
      const closedLongAgo = c.state.closed !== undefined && Math.max(...marks) < horizon;
      if (closedLongAgo && [...c.contacts].every((id) => old.has(id))) {
        this.replace(c.facts, []);
        this.cases.delete(key);
      } else keepAll(c.contacts);
    }
    for (const id of old) {
      const t = this.contacts.get(id)!;
      this.replace(t.facts, []);
      if (t.customerId !== undefined) this.customers.set(t.customerId, id, undefined);
      this.taken.remove(id);
      this.waits.remove(id);
      this.contacts.delete(id);
    }
    for (const [id, f] of this.looseSurveys) {
      if (f.at < horizon) {
        this.place(f, -1);
        this.looseSurveys.delete(id);
      }
    }
    this.timelines.evict(horizon);
    this.waits.prune(now - 2 * 3_600_000);
    for (const b of this.buckets.values()) b.dropBefore(horizon);
    return old.size;
  }

  get size(): { contacts: number; scopes: number } {
    return { contacts: this.contacts.size, scopes: this.buckets.size };
  }
}

function surveyScopes(queue: string | undefined, agentId: string | undefined): Scope[] {
  const s: Scope[] = ["all"];
  if (queue !== undefined) s.push(`queue:${queue}`);
  if (agentId !== undefined) s.push(`agent:${agentId}`);
  return s;
}

function latestMark(c: ContactState): number {
  let m = -Infinity;
  for (const x of [c.offered, c.answered, c.abandoned, c.selfserved, c.responded, c.ended, c.wrapped, c.resolved]) if (x && x.at > m) m = x.at;
  for (const h of c.holds.values()) if (h.at > m) m = h.at;
  for (const o of c.outcomes.values()) if (o.at > m) m = o.at;
  for (const s of c.surveys.values()) if (s.at > m) m = s.at;
  return m;
}
