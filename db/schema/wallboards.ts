import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * Saved wallboards (`/wallboard/<id>`): which tiles, over which queues or
 * channels, which window and layout, with per-tile thresholds. `definition`
 * is validated by lib/wallboards (zod) on the way in and out: its shape can
 * grow without a migration.
 */
export const wallboards = pgTable("wallboards", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  definition: jsonb("definition").notNull(),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedBy: text("updated_by"),
});
