import { sql } from "drizzle-orm";
import { boolean, check, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * Reports written on a calendar (daily or weekly, at a local time in
 * VIGIE_TIMEZONE) to a folder under VIGIE_REPORTS_DIR or POSTed to a webhook.
 * `last_run_at` is also the claim: a run takes the row with
 * `UPDATE … WHERE last_run_at < due`, so two instances never both run it.
 */
export const reportSchedules = pgTable(
  "report_schedules",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** The report query with a relative period: `{ preset, granularity, groupBy, metrics, lang }`. */
    query: jsonb("query").notNull(),
    frequency: text("frequency").notNull(),
    /** Local wall-clock time, HH:MM. */
    time: text("time").notNull(),
    /** ISO weekday 1 (Monday) .. 7 (Sunday), weekly schedules only. */
    weekday: text("weekday"),
    destinationKind: text("destination_kind").notNull(),
    /** A folder relative to VIGIE_REPORTS_DIR, or the webhook URL. */
    destination: text("destination").notNull(),
    /** Signs webhook bodies (HMAC-SHA256); shown once, at creation. */
    secret: text("secret").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    lastRunAt: timestamp("last_run_at", { withTimezone: true, precision: 3 }),
    lastStatus: text("last_status"),
    lastError: text("last_error"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    check("report_schedules_frequency_check", sql`${t.frequency} in ('daily', 'weekly')`),
    check("report_schedules_destination_check", sql`${t.destinationKind} in ('folder', 'webhook')`),
    check("report_schedules_status_check", sql`${t.lastStatus} is null or ${t.lastStatus} in ('running', 'ok', 'error')`),
    index("report_schedules_enabled_idx").on(t.enabled),
  ],
);
