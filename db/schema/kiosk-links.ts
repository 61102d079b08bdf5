import { sql } from "drizzle-orm";
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * Read-only links that show one wallboard on a screen without an account.
 * Only the SHA-256 of the token is stored.
 */
export const kioskLinks = pgTable("kiosk_links", {
  id: text("id").primaryKey(),
  tokenHash: text("token_hash").notNull().unique(),
  wallboardId: text("wallboard_id").notNull(),
  name: text("name").notNull(),
  /** Queues the screen may show; empty means all. */
  queues: text("queues").array().notNull().default(sql`'{}'::text[]`),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true, precision: 3 }),
  revokedAt: timestamp("revoked_at", { withTimezone: true, precision: 3 }),
});
