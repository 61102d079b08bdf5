import { sql } from "drizzle-orm";
import { check, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const API_KEY_ROLES = ["ingest", "supervisor", "manager"] as const;

/**
 * Bearer keys an admin creates. Only the SHA-256 of a key is stored (the key is
 * 256 random bits, so a fast hash is enough); `prefix` is its first characters,
 * shown in the admin UI to tell keys apart.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    role: text("role", { enum: API_KEY_ROLES }).notNull(),
    /** Queues the key may read; empty means all. */
    queues: text("queues").array().notNull().default(sql`'{}'::text[]`),
    keyHash: text("key_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, precision: 3 }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [check("api_keys_role_check", sql`${t.role} in ('ingest', 'supervisor', 'manager')`)],
);
