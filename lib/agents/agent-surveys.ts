import type { Database } from "../../db/client";
import type { SurveyKind } from "../events/schema";
import { parseStored } from "./stored";

export interface SurveyAnswer {
  id: string;
  at: number;
  kind: SurveyKind;
  score: number;
  scale: { min: number; max: number };
  contactId: string | null;
  topic: string | null;
}

export interface SurveySummary {
  kind: SurveyKind;
  count: number;
  /** Mean score on the answers' own scales (a kind usually keeps one scale). */
  mean: number;
}

export interface AgentSurveys {
  latest: SurveyAnswer[];
  summary: SurveySummary[];
}

/**
 * The survey answers of `agentId` in [from, to): those naming the agent, and
 * those naming none whose contact the agent answered (CONTRACT §3: an answer
 * belongs to the agent it names, else to its contact's). The latest `limit`
 * answers, newest first, and a count and mean per kind over all of them.
 */
export async function agentSurveys(database: Database, agentId: string, from: number, to: number, limit = 20): Promise<AgentSurveys> {
  const rows = await database.query<{ payload: unknown }>(
    `select payload from events s where s.type = 'survey.response' and s.at >= $2 and s.at < $3 and (
       s.payload->>'agentId' = $1
       or (not (s.payload ? 'agentId') and s.contact_id in (
         select contact_id from events where type = 'contact.answered' and agent_id = $1)))
     order by s.at desc, s.id desc`,
    [agentId, new Date(from), new Date(to)],
  );
  const answers = parseStored(rows, "survey.response");
  const byKind = new Map<SurveyKind, { count: number; sum: number }>();
  for (const a of answers) {
    const k = byKind.get(a.kind) ?? { count: 0, sum: 0 };
    k.count++;
    k.sum += a.score;
    byKind.set(a.kind, k);
  }
  return {
    latest: answers.slice(0, limit).map((a) => ({
      id: a.id,
      at: a.at,
      kind: a.kind,
      score: a.score,
      scale: a.scale,
      contactId: a.contactId ?? null,
      topic: a.topic ?? null,
    })),
    summary: [...byKind].map(([kind, k]) => ({ kind, count: k.count, mean: k.sum / k.count })),
  };
}
