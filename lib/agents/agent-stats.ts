import type { Database } from "../../db/client";
import { BatchFold } from "../metrics/batch";
import { DEFAULT_REPEAT_DAYS, type EngineConfig } from "../metrics/engine";
import { kpi, type MetricId, type MetricValues } from "../metrics/registry";
import { buckets } from "../reports/calendar";
import { loadReportEvents } from "../reports/load-events";
import { presetRanges } from "../reports/presets";
import { servedQueues } from "./stored";

/** The KPIs of an agent's page, in the order shown. */
export const AGENT_KPIS = [
  "answered", "handled", "aht", "avgTalk", "avgHold", "avgAcw", "occupancy",
  "fcr", "transferRate", "conversionRate", "csat", "nps", "ces",
] as const satisfies readonly MetricId[];

export const AGENT_PERIODS = ["today", "thisWeek", "thisMonth"] as const;
export type AgentPeriod = (typeof AGENT_PERIODS)[number];

export interface PeriodStats {
  period: AgentPeriod;
  /** Calendar days, inclusive, in the centre's zone. */
  from: string;
  to: string;
  /** The queues the agent served in the period: their team. */
  queues: string[];
  /** Agents staffed on those queues in the period (the divisor of counts). */
  teamAgents: number | null;
  agent: MetricValues;
  /**
   * The team's value of each KPI over its queues; for counts, the team's total
   * divided by its agents staffed (a per-agent average). Null without a team.
   */
  team: MetricValues;
}

/**
 * An agent's KPIs today, this week and this month (VIGIE_TIMEZONE), beside
 * their team's, from the stored events with the registry's formulas (the same
 * `BatchFold` as reports, so today's numbers equal the live `agent:<id>`).
 */
export async function agentStats(database: Database, config: EngineConfig, agentId: string, now: number): Promise<PeriodStats[]> {
  const presets = presetRanges(now, config.timeZone);
  const spans = AGENT_PERIODS.map((period) => {
    const { from, to } = presets[period];
    const b = buckets(from, to, "day", config.timeZone);
    return { period, from, to, start: b[0]!.start, end: b[b.length - 1]!.end };
  });
  const range = { from: Math.min(...spans.map((s) => s.start)), to: Math.max(...spans.map((s) => s.end)) };
  const fold = new BatchFold(await loadReportEvents(database, range, config.repeatDays ?? DEFAULT_REPEAT_DAYS), config);

  const out: PeriodStats[] = [];
  for (const s of spans) {
    const queues = await servedQueues(database, agentId, s.start, s.end);
    const agent = pick(fold.metrics(`agent:${agentId}`, s.start, s.end, now));
    let team: MetricValues = pick({});
    let teamAgents: number | null = null;
    if (queues.length > 0) {
      const all = fold.metrics("all", s.start, s.end, now, { queues });
      teamAgents = all.agentsStaffed ?? null;
      team = perAgent(pick(all), teamAgents);
    }
    out.push({ period: s.period, from: s.from, to: s.to, queues, teamAgents, agent, team });
  }
  return out;
}

function pick(all: MetricValues): MetricValues {
  const out: MetricValues = {};
  for (const id of AGENT_KPIS) out[id] = all[id] ?? null;
  return out;
}

/** Counts become per-agent averages; other units are already comparable with one agent's. */
function perAgent(values: MetricValues, agents: number | null): MetricValues {
  const out: MetricValues = {};
  for (const [id, v] of Object.entries(values)) {
    out[id] = kpi(id)?.unit === "count" && v !== null ? (agents ? v / agents : null) : v;
  }
  return out;
}
