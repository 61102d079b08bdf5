import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every accepted event, as received. `id` is the producer's event id: the
 * primary key is what makes ingest idempotent across retries and instances.
 */
export const events = pgTable(
  "events",
  {
    id: text("id").primaryKey(),
    /** Arrival order, for incremental replays. */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    type: text("type").notNull(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    contactId: text("contact_id"),
    agentId: text("agent_id"),
    queue: text("queue"),
    channel: text("channel"),
    payload: jsonb("payload").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, precision: 3 }).notNull().default(sql`now()`),
  },
  (t) => [
    index("events_at_idx").on(t.at),
    index("events_contact_idx").on(t.contactId),
    index("events_agent_at_idx").on(t.agentId, t.at),
  ],
);
