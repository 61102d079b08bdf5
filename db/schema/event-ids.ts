import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The ids of the stored events: what makes ingest idempotent across retries,
 * instances and partitions of `events` (an id already here is a duplicate,
 * whatever its `at`). `at` is the event's, so that retention can forget the
 * ids of the months it drops.
 */
export const eventIds = pgTable(
  "event_ids",
  {
    id: text("id").primaryKey(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index("event_ids_at_idx").on(t.at)],
);
