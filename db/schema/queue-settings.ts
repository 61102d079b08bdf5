import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Per-queue settings an admin edits; a null threshold means the configured default. */
export const queueSettings = pgTable(
  "queue_settings",
  {
    queue: text("queue").primaryKey(),
    displayName: text("display_name"),
    /** Service-level threshold in seconds (default VIGIE_SL_SECONDS). */
    slSeconds: integer("sl_seconds"),
    /** Abandons quicker than this are "short abandons". */
    shortAbandonSeconds: integer("short_abandon_seconds"),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedBy: text("updated_by"),
  },
  (t) => [
    check("queue_settings_sl_check", sql`${t.slSeconds} is null or ${t.slSeconds} between 1 and 3600`),
    check(
      "queue_settings_short_abandon_check",
      sql`${t.shortAbandonSeconds} is null or ${t.shortAbandonSeconds} between 0 and 3600`,
    ),
  ],
);
