import type { Drizzle } from "../../db/client";
import { alertKey, sortAlerts, type ActiveAlert } from "../alerts/active";
import { CLEAR_AFTER_MS, OK, resumed, step, type AlertState } from "../alerts/evaluator";
import { openAlertEvents, type AlertEventInfo } from "../alerts/history";
import { AlertJournal, conditionOf, type Episode } from "../alerts/journal";
import { PassReader, type LiveNumbers } from "../alerts/measure";
import { conditionHolds, conditionKey, worse, type AlertRule } from "../alerts/rule";
import { listEnabledRules } from "../alerts/rules-store";
import type { TickListener } from "./hub";

export interface AlertRunnerOptions {
  db: Drizzle;
  live: LiveNumbers;
  log: (line: string) => void;
  clearAfterMs?: number;
  /** While alerts fire, their values are pushed again at most this often (a change of the set is pushed at once). */
  valueRefreshMs?: number;
}

interface Track {
  rule: AlertRule;
  subject: string | null;
  state: AlertState;
  episode: Episode | null;
}

const EVAL_MS = 900; // the hub's full passes come once a second

/**
 * Evaluates the enabled alert rules on the hub's full passes (once a second)
 * and keeps the set of active alerts. Fires and clears go to the history
 * through `AlertJournal`'s queue of writes, so a slow database never holds up
 * the push loop. The peak is written when the episode ends.
 *
 * Restart: episodes left open are resumed, not closed. At the first pass, an
 * open episode whose rule is still enabled and whose condition holds goes on
 * as the same alert (same row, same start, no new sound); any other is closed
 * at that instant (`clearedBy: "restart"`), so its duration includes the
 * downtime. Changing or disabling a rule clears its alerts (`ruleChanged`);
 * a rename or a new severity applies to the running alerts.
 */
export class AlertRunner {
  private rules = new Map<string, AlertRule>();
  private readonly tracks = new Map<string, Track>();
  private resumable: Map<string, AlertEventInfo> | null = null;
  private readonly journal: AlertJournal;
  private reloading: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(alerts: ActiveAlert[]) => void>();
  private active: ActiveAlert[] = [];
  private setChanged = false;
  private valuesChanged = false;
  private lastPush = 0;
  private lastEval = -Infinity;

  constructor(private readonly opts: AlertRunnerOptions) {
    this.journal = new AlertJournal(opts.db, opts.log);
  }

  /** Reads the enabled rules and the episodes the last run left open. Call once, before the first pass. */
  async load(): Promise<void> {
    await this.reload();
    this.resumable = new Map();
    // Oldest first: were a key open twice (a crash between writes), the newest wins and the older closes.
    for (const e of (await openAlertEvents(this.opts.db)).reverse()) {
      const key = alertKey(e.ruleId, e.subject);
      const older = this.resumable.get(key);
      if (older) this.journal.cleared({ id: older.id }, Date.now(), older.peakValue, "restart");
      this.resumable.set(key, e);
    }
  }

  /** Takes the stored rules again (after a change through the admin routes). */
  reload(now = Date.now()): Promise<void> {
    this.reloading = this.reloading.then(async () => this.apply(await listEnabledRules(this.opts.db), now));
    return this.reloading;
  }

  private apply(rules: AlertRule[], now: number): void {
    const next = new Map(rules.map((r) => [r.id, r]));
    for (const [key, t] of this.tracks) {
      const r = next.get(t.rule.id);
      if (r && conditionKey(r) === conditionKey(t.rule)) {
        if (r.name !== t.rule.name || r.severity !== t.rule.severity) this.setChanged = true;
        t.rule = r;
        continue;
      }
      if (t.state.phase === "firing") {
        this.journal.cleared(t.episode, now, t.state.peak, "ruleChanged");
        this.setChanged = true;
      }
      this.tracks.delete(key);
    }
    this.rules = next;
    this.publish(now);
  }

  /** Follows the hub's passes; returns the function that stops following. */
  attach(hub: { onTick(listener: TickListener): () => void }): () => void {
    return hub.onTick((now, full) => {
      if (!full || now - this.lastEval < EVAL_MS) return;
      this.lastEval = now;
      try {
        this.evaluate(now);
      } catch (e) {
        this.opts.log(`Vigie: alert evaluation failed: ${(e as Error).message}`);
      }
    });
  }

  /** One evaluation of every enabled rule at `now`; public for tests. */
  evaluate(now: number): void {
    const reader = new PassReader(this.opts.live, now);
    const seen = new Set<string>();
    for (const rule of this.rules.values()) {
      for (const s of reader.samples(rule)) {
        const key = alertKey(rule.id, s.subject);
        seen.add(key);
        this.advance(key, rule, s.subject, s.value, now);
      }
    }
    // An agent that left the scope (or was forgotten) no longer meets the condition.
    for (const [key, t] of this.tracks) if (!seen.has(key)) this.advance(key, t.rule, t.subject, null, now);
    if (this.resumable) {
      for (const e of this.resumable.values()) this.journal.cleared({ id: e.id }, now, e.peakValue, "restart");
      this.resumable = null;
    }
    this.publish(now);
  }

  private advance(key: string, rule: AlertRule, subject: string | null, value: number | null, now: number): void {
    let t = this.tracks.get(key);
    if (!t) {
      const open = this.resumable?.get(key);
      if (open) {
        this.resumable!.delete(key);
        if (conditionHolds(rule, value)) {
          const since = Date.parse(String(open.details.since ?? "")) || open.firedAt.getTime();
          const state = { ...resumed(open.firedAt.getTime(), open.valueAtFire, worse(rule, open.peakValue, value)), since, value };
          this.tracks.set(key, { rule, subject, state, episode: { id: open.id } });
          this.setChanged = true;
          return;
        }
        this.journal.cleared({ id: open.id }, now, open.peakValue, "restart");
      }
      if (!conditionHolds(rule, value)) return;
      this.tracks.set(key, (t = { rule, subject, state: OK, episode: null }));
    }
    const before = t.state;
    const { state, transition } = step(before, rule, value, now, this.opts.clearAfterMs ?? CLEAR_AFTER_MS);
    t.state = state;
    if (transition?.kind === "fire") t.episode = this.journal.fired(rule, subject, transition);
    else if (transition?.kind === "clear") this.journal.cleared(t.episode, now, transition.peak, "condition");
    if (transition) this.setChanged = true;
    else if (state.phase === "firing" && before.phase === "firing" && state.value !== before.value) this.valuesChanged = true;
    if (state.phase === "ok") this.tracks.delete(key);
  }

  /** Resolves once every queued history write has run. */
  drain(): Promise<void> {
    return this.journal.drain();
  }

  private publish(now: number): void {
    const refresh = this.valuesChanged && now - this.lastPush >= (this.opts.valueRefreshMs ?? 5000);
    if (!this.setChanged && !refresh) return;
    this.setChanged = this.valuesChanged = false;
    this.lastPush = now;
    this.active = sortAlerts([...this.tracks.entries()].flatMap(([key, t]) => (t.state.phase === "firing" ? [toActive(key, t, t.state)] : [])));
    for (const l of this.listeners) l(this.active);
  }

  /** Every alert firing now, critical first. */
  activeAlerts(): ActiveAlert[] {
    return this.active;
  }

  /** Called with the whole active set when it changes (and every few seconds while values move). */
  onChange(listener: (alerts: ActiveAlert[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function toActive(key: string, t: Track, s: Extract<AlertState, { phase: "firing" }>): ActiveAlert {
  const { rule } = t;
  return {
    key,
    ...conditionOf(rule),
    ruleId: rule.id,
    ruleName: rule.name,
    scope: rule.scope,
    subject: t.subject,
    since: new Date(s.since).toISOString(),
    firedAt: new Date(s.firedAt).toISOString(),
    value: s.value,
    peak: s.peak,
  };
}
