import { sql } from "drizzle-orm";
import { bigint, check, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const AUDIT_ACTOR_KINDS = ["user", "apiKey", "system"] as const;

/**
 * Every administrative change. No foreign keys: an entry outlives the user or
 * key it names.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    actorKind: text("actor_kind", { enum: AUDIT_ACTOR_KINDS }).notNull(),
    /** The user id or api key id; null for the system (bootstrap). */
    actorId: text("actor_id"),
    action: text("action").notNull(),
    target: text("target"),
    details: jsonb("details").notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    check("audit_log_actor_kind_check", sql`${t.actorKind} in ('user', 'apiKey', 'system')`),
  ],
);
