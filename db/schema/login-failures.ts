import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Failed sign-ins per account (keyed by a hash of the e-mail), in the database
 * so the limit holds across restarts and instances. Complements better-auth's
 * per-IP limit against attacks spread over many addresses.
 */
export const loginFailures = pgTable(
  "login_failures",
  {
    key: text("key").primaryKey(),
    failures: integer("failures").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index("login_failures_window_start_idx").on(t.windowStart)],
);
