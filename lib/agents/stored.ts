import type { Database } from "../../db/client";
import { readStoredEvent, type EventOf, type EventType } from "../events/schema";

/** Stored payloads parsed back into events of one type (rows that no longer parse are skipped). */
export function parseStored<T extends EventType>(rows: readonly { payload: unknown }[], type: T): EventOf<T>[] {
  const out: EventOf<T>[] = [];
  for (const r of rows) {
    const e = readStoredEvent(r.payload);
    if (e?.type === type) out.push(e as EventOf<T>);
  }
  return out;
}

/**
 * The queues `agentId` served in [from, to): those named by their agent states
 * there (and by the one in force at `from`), and those of the contacts they
 * answered there. The agent's "team" for the period.
 */
export async function servedQueues(database: Database, agentId: string, from: number, to: number): Promise<string[]> {
  const rows = await database.query<{ q: string | null }>(
    `select distinct q from (
       select jsonb_array_elements_text(payload->'queues') as q from events
         where type = 'agent.state' and agent_id = $1 and at >= $2 and at < $3 and payload ? 'queues'
       union all
       select * from (select jsonb_array_elements_text(payload->'queues') as q from (
         select payload from events where type = 'agent.state' and agent_id = $1 and at < $2 and payload ? 'queues'
         order by at desc, id desc limit 1) last_before) before_range
       union all
       select o.queue as q from events o where o.type = 'contact.offered' and o.contact_id in (
         select contact_id from events where type = 'contact.answered' and agent_id = $1 and at >= $2 and at < $3)
     ) served where q is not null`,
    [agentId, new Date(from), new Date(to)],
  );
  return rows.map((r) => r.q!).sort((a, b) => a.localeCompare(b));
}
