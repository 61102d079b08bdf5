import { sql } from "drizzle-orm";
import { bigint, boolean, check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * Alert rules on live numbers: a registry metric of a scope crossing a
 * threshold for a duration (e.g. service level < 70 % for 2 minutes), or an
 * agent condition (paused longer than 15 minutes).
 */
export const alertRules = pgTable(
  "alert_rules",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** A registry metric id, or an agent condition such as `agentPausedSeconds`. */
    metric: text("metric").notNull(),
    /** `all`, `queue:<q>`, `channel:<c>` or `agent:<id>`. */
    scope: text("scope").notNull(),
    window: text("window").notNull().default("today"),
    comparator: text("comparator").notNull(),
    threshold: doublePrecision("threshold").notNull(),
    /** How long the condition must hold before the alert fires. */
    forSeconds: integer("for_seconds").notNull().default(0),
    severity: text("severity").notNull().default("warning"),
    enabled: boolean("enabled").notNull().default(true),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    check("alert_rules_comparator_check", sql`${t.comparator} in ('<', '<=', '>', '>=')`),
    check("alert_rules_severity_check", sql`${t.severity} in ('warning', 'critical')`),
    check("alert_rules_for_check", sql`${t.forSeconds} between 0 and 86400`),
  ],
);

/** The alert history: each time a rule fired, for what (scope, agent) and until when. */
export const alertEvents = pgTable(
  "alert_events",
  {
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
    ruleId: text("rule_id").notNull(),
    /** The rule's name and condition when it fired (the rule may change or go later). */
    ruleName: text("rule_name").notNull(),
    scope: text("scope").notNull(),
    /** The agent an agent condition fired for. */
    subject: text("subject"),
    firedAt: timestamp("fired_at", { withTimezone: true, precision: 3 }).notNull(),
    clearedAt: timestamp("cleared_at", { withTimezone: true, precision: 3 }),
    valueAtFire: doublePrecision("value_at_fire"),
    /** The worst value while it lasted. */
    peakValue: doublePrecision("peak_value"),
    details: jsonb("details"),
  },
  (t) => [index("alert_events_fired_idx").on(t.firedAt), index("alert_events_open_idx").on(t.ruleId, t.clearedAt)],
);
