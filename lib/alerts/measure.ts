import type { AgentNow } from "../metrics/agents";
import type { MetricValues } from "../metrics/registry";
import { agentFilter, type Scope, type WindowId } from "../metrics/scope";
import { AGENT_CONDITIONS, isAgentCondition, type AlertRule } from "./rule";

/** What the alerts read from the live engine (`MetricsEngine` has both). */
export interface LiveNumbers {
  metrics(scope: Scope, window: WindowId, now: number): MetricValues;
  agentStatesNow(now: number): AgentNow[];
}

/** One value a rule is evaluated on: the scope's number, or one agent's (`subject`). */
export interface Sample {
  subject: string | null;
  value: number | null;
}

/**
 * Reads the numbers of one evaluation pass, each computed once: rules sharing
 * a (scope, window) share one `metrics` call, agent rules one agent list.
 */
export class PassReader {
  private readonly metricsCache = new Map<string, MetricValues>();
  private agents: AgentNow[] | undefined;

  constructor(
    private readonly live: LiveNumbers,
    readonly now: number,
  ) {}

  samples(rule: AlertRule): Sample[] {
    if (isAgentCondition(rule.metric)) return this.agentSamples(rule);
    const key = `${rule.window}|${rule.scope}`;
    let m = this.metricsCache.get(key);
    if (!m) this.metricsCache.set(key, (m = this.live.metrics(rule.scope, rule.window, this.now)));
    const v = m[rule.metric];
    return [{ subject: null, value: typeof v === "number" && Number.isFinite(v) ? v : null }];
  }

  /**
   * Every agent of the scope (all, serving one of its queues, or the one
   * agent), with the seconds spent in the rule's state, or null when in another
   * state. Channels have no agents.
   */
  private agentSamples(rule: AlertRule): Sample[] {
    const state = AGENT_CONDITIONS[rule.metric as keyof typeof AGENT_CONDITIONS];
    const inScope = agentFilter(rule.scope);
    if (!inScope) return [];
    this.agents ??= this.live.agentStatesNow(this.now);
    const out: Sample[] = [];
    for (const a of this.agents) {
      if (!inScope(a.agentId, a.queues)) continue;
      out.push({ subject: a.agentId, value: a.state === state ? Math.max(0, this.now - a.since) / 1000 : null });
    }
    return out;
  }
}
