import { z } from "zod";
import type { Database } from "../../db/client";
import type { Restriction } from "../metrics/batch";

export const contactSearchSchema = z.object({
  search: z.string().trim().min(1, "must name a contact id or a customer id").max(200),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export interface ContactHit {
  contactId: string;
  customerId: string | null;
  queue: string | null;
  channel: string | null;
  /** When it was (first) offered, epoch ms. */
  at: number;
}

/**
 * Contacts whose id or customer id (`customerId` of their `contact.offered`) is
 * exactly `search`, newest first. A reader limited to queues finds only the
 * contacts offered in them; an agent, only those they answered (the earliest
 * `contact.answered` wins, as in the metrics).
 */
export async function searchContacts(database: Database, search: string, only: Restriction, limit = 50): Promise<ContactHit[]> {
  const rows = await database.query<{ contact_id: string; customer_id: string | null; queue: string | null; channel: string | null; at: Date | string }>(
    `select * from (
       select distinct on (e.contact_id) e.contact_id, e.payload->>'customerId' as customer_id, e.queue, e.channel, e.at
       from events e
       where e.type = 'contact.offered' and (e.contact_id = $1 or e.payload->>'customerId' = $1)
       order by e.contact_id, e.at, e.id) first_offer
     where ($2::text[] is null or queue = any($2::text[]))
       and ($3::text is null or $3::text = (select a.agent_id from events a
             where a.contact_id = first_offer.contact_id and a.type = 'contact.answered' order by a.at, a.id limit 1))
     order by at desc, contact_id
     limit $4`,
    [search, only.queues == null ? null : [...only.queues], only.agentId ?? null, limit],
  );
  return rows.map((r) => ({
    contactId: r.contact_id,
    customerId: r.customer_id,
    queue: r.queue,
    channel: r.channel,
    at: new Date(r.at).getTime(),
  }));
}
