import type { VigieEvent } from "../events/schema";
import { emptyAggregate, type NowFigures } from "./aggregate";
import { AgentBoard } from "./agents";
import { ScopeBuckets } from "./buckets";
import { applyToContact, contactFacts, isWaiting, newContact, type ContactState, type Fact } from "./contact";
import { computeMetrics, type MetricValues } from "./registry";
import { parseScope, type Scope, type WindowId } from "./scope";
import { surveyContribution } from "./surveys";
import { startOfLocalDay, windowStart } from "./time";

export interface EngineConfig {
  timeZone: string;
  /** Default service-level threshold, seconds (VIGIE_SL_SECONDS). */
  slSeconds: number;
  /** Per-queue overrides, seconds. */
  slSecondsByQueue?: Record<string, number>;
}

interface Tracked {
  contact: ContactState;
  facts: Fact[];
  waitingScopes: Scope[];
}

/**
 * The live metrics engine: a pure fold over events (no I/O, no clock — every
 * call that depends on time takes `now`). It keeps each contact's state and its
 * current contributions; a changed contact retracts its old contributions and
 * adds the new ones, so the aggregates depend only on the set of events.
 */
export class MetricsEngine {
  private readonly contacts = new Map<string, Tracked>();
  /** Surveys that name no contact. */
  private readonly looseSurveys = new Map<string, Fact>();
  private readonly buckets = new Map<Scope, ScopeBuckets>();
  private readonly waiting = new Map<Scope, Set<ContactState>>();
  private readonly agents = new AgentBoard();
  private readonly queues = new Set<string>();
  private readonly channels = new Set<string>();
  private readonly agentIds = new Set<string>();
  private dirty = new Set<Scope>();
  /** Grows whenever a queue, channel or agent is seen for the first time. */
  catalogVersion = 0;
  private config: EngineConfig;

  constructor(config: EngineConfig) {
    this.config = { ...config, slSecondsByQueue: { ...config.slSecondsByQueue } };
  }

  get timeZone(): string {
    return this.config.timeZone;
  }

  slThresholdMs = (queue: string): number =>
    1000 * (this.config.slSecondsByQueue?.[queue] ?? this.config.slSeconds);

  /** Folds one stored event in. `now` only decides whether an agent state is already in force. */
  apply(e: VigieEvent, now: number): void {
    if (e.type === "agent.state") {
      const before = this.agents.queuesOf(e.agentId);
      this.agents.apply(e, now);
      if (!this.agentIds.has(e.agentId)) {
        this.agentIds.add(e.agentId);
        this.catalogVersion++;
      }
      for (const q of e.queues ?? []) this.addTo(this.queues, q);
      this.markAgent(e.agentId, before);
      return;
    }
    if (e.type === "survey.response" && e.contactId === undefined) {
      const fact: Fact = { at: e.at, scopes: surveyScopes(e.queue, e.agentId), agg: surveyContribution(e) };
      const old = this.looseSurveys.get(e.id);
      if (old) this.place(old, -1);
      this.looseSurveys.set(e.id, fact);
      this.place(fact, 1);
      return;
    }
    const contactId = (e as { contactId?: string }).contactId;
    if (typeof contactId !== "string") return; // cases: not live metrics yet
    let t = this.contacts.get(contactId);
    if (!t) {
      t = { contact: newContact(contactId), facts: [], waitingScopes: [] };
      this.contacts.set(contactId, t);
    }
    if (!applyToContact(t.contact, e)) return;
    this.refresh(t);
  }

  applyAll(events: Iterable<VigieEvent>, now: number): void {
    for (const e of events) this.apply(e, now);
  }

  /** Changes the service-level thresholds and recomputes the contacts they affect. */
  configure(patch: Partial<Pick<EngineConfig, "slSeconds" | "slSecondsByQueue">>): void {
    this.config = { ...this.config, ...patch };
    for (const t of this.contacts.values()) if (t.contact.offered) this.refresh(t);
  }

  private refresh(t: Tracked): void {
    for (const f of t.facts) this.place(f, -1);
    t.facts = contactFacts(t.contact, { slThresholdMs: this.slThresholdMs });
    for (const f of t.facts) this.place(f, 1);

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

  /** Every registry metric for a scope and window at instant `now`. */
  metrics(scope: Scope, window: WindowId, now: number): MetricValues {
    const from = windowStart(window, now, this.config.timeZone);
    const agg = this.buckets.get(scope)?.sum(from) ?? emptyAggregate();
    return computeMetrics(agg, this.nowFigures(scope, from, now), now);
  }

  /** Metrics per interval of `stepMinutes` over [from, to), for charts. "Now" metrics are left out. */
  series(scope: Scope, from: number, to: number, stepMinutes: number): { start: number; metrics: MetricValues }[] {
    const b = this.buckets.get(scope);
    const out: { start: number; metrics: MetricValues }[] = [];
    const step = stepMinutes * 60_000;
    for (let start = from; start < to; start += step) {
      const agg = b ? b.sum(start, Math.min(start + step, to)) : emptyAggregate();
      out.push({ start, metrics: computeMetrics(agg, null, start) });
    }
    return out;
  }

  private nowFigures(scope: Scope, windowFrom: number, now: number): NowFigures {
    const set = this.waiting.get(scope);
    let oldest: number | null = null;
    let underSl = 0;
    for (const c of set ?? []) {
      const at = c.offered!.at;
      if (oldest === null || at < oldest) oldest = at;
      if (at >= windowFrom && now - at < this.slThresholdMs(c.offered!.queue)) underSl++;
    }
    const p = parseScope(scope);
    const agents =
      p.kind === "channel"
        ? null
        : this.agents.count((id, queues) => p.kind === "all" || (p.kind === "agent" ? id === p.key : queues.includes(p.key)));
    return { waiting: set?.size ?? 0, oldestWaitingSince: oldest, waitingUnderSl: underSl, agents };
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
   * Forgets contacts whose every contribution lies before the retention horizon
   * (the start of yesterday, local) and that no longer wait, so memory stays
   * bounded over days of uptime.
   */
  evict(now: number): number {
    const horizon = startOfLocalDay(startOfLocalDay(now, this.config.timeZone) - 1, this.config.timeZone);
    let n = 0;
    for (const [id, t] of this.contacts) {
      if (t.waitingScopes.length > 0) continue;
      if (t.facts.every((f) => f.at < horizon) && latestMark(t.contact) < horizon) {
        for (const f of t.facts) this.place(f, -1);
        this.contacts.delete(id);
        n++;
      }
    }
    for (const [id, f] of this.looseSurveys) {
      if (f.at < horizon) {
        this.place(f, -1);
        this.looseSurveys.delete(id);
      }
    }
    for (const b of this.buckets.values()) b.dropBefore(horizon);
    return n;
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
  for (const x of [c.offered, c.answered, c.abandoned, c.selfserved, c.ended, c.wrapped]) if (x && x.at > m) m = x.at;
  for (const h of c.holds.values()) if (h.at > m) m = h.at;
  for (const s of c.surveys.values()) if (s.at > m) m = s.at;
  return m;
}
