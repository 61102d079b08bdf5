import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every accepted event, as received (CONTRACT §2).
 *
 * What drizzle-kit cannot express, and migration 0005 creates by hand: the
 * table is PARTITIONED BY RANGE (at), one partition per UTC calendar month
 * (`events_pYYYY_MM`, see db/partitions.ts), so that retention drops whole
 * months instead of deleting rows. The indexes below live on the parent and
 * are inherited by each partition. Since a unique constraint must include the
 * partition key, `id` is not unique here: idempotency is held by `event_ids`,
 * which the event writer fills in the same statement.
 */
export const events = pgTable(
  "events",
  {
    /** The producer's event id, unique through `event_ids`. */
    id: text("id").notNull(),
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
    // Arrival order: the rollup maintainer and the live rebuild read by `seq` (max, ranges).
    index("events_seq_idx").on(t.seq),
  ],
);
