import type { Database } from "../../db/client";
import type { EngineConfig } from "../metrics/engine";
import { buckets } from "../reports/calendar";
import { presetRanges } from "../reports/presets";
import { agentStats, type PeriodStats } from "./agent-stats";
import { agentSurveys, type AgentSurveys } from "./agent-surveys";
import { agentTimeline, type AgentTimeline } from "./agent-timeline";

export interface AgentPage {
  agentId: string;
  timeZone: string;
  at: number;
  periods: PeriodStats[];
  timeline: AgentTimeline;
  /** This month's answers. */
  surveys: AgentSurveys;
}

/** Everything the agent page and `GET /api/agents/<id>/stats` show, read at `now`. */
export async function agentPage(database: Database, config: EngineConfig, agentId: string, now: number): Promise<AgentPage> {
  const presets = presetRanges(now, config.timeZone);
  const month = buckets(presets.thisMonth.from, presets.thisMonth.to, "day", config.timeZone);
  const [periods, timeline, surveys] = await Promise.all([
    agentStats(database, config, agentId, now),
    agentTimeline(database, agentId, presets.today.from, config.timeZone, now),
    agentSurveys(database, agentId, month[0]!.start, month[month.length - 1]!.end),
  ]);
  return { agentId, timeZone: config.timeZone, at: now, periods, timeline, surveys };
}
