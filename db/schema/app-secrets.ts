import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Secrets the server generates once and every instance shares (better-auth's
 * cookie-signing secret), so that sessions survive restarts with no extra
 * configuration.
 */
export const appSecrets = pgTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
