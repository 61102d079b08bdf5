import type { Database } from "../../db/client";
import { parseStored } from "./stored";
import { clipTimeline, dayBounds, type StateInterval } from "./timeline";

export interface AgentTimeline {
  day: string;
  /** Local midnight starting `day` and the next one (23 or 25 hours apart on DST days). */
  from: number;
  to: number;
  intervals: StateInterval[];
}

/**
 * An agent's states on the local calendar day `day` (YYYY-MM-DD in `timeZone`),
 * from the stored `agent.state` events: those of the day and the one in force
 * at midnight. Today's last state runs until `now`.
 */
export async function agentTimeline(
  database: Database,
  agentId: string,
  day: string,
  timeZone: string,
  now: number = Date.now(),
): Promise<AgentTimeline> {
  const { from, to } = dayBounds(day, timeZone);
  const rows = await database.query<{ payload: unknown }>(
    `select payload from events where type = 'agent.state' and agent_id = $1 and at >= $2 and at < $3
     union all
     select * from (select payload from events where type = 'agent.state' and agent_id = $1 and at < $2
       order by at desc, id desc limit 1) in_force`,
    [agentId, new Date(from), new Date(to)],
  );
  const intervals = clipTimeline(parseStored(rows, "agent.state"), from, Math.min(to, now));
  return { day, from, to, intervals };
}
