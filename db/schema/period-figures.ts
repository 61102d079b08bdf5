import { sql } from "drizzle-orm";
import { check, date, numeric, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { PERIOD_KINDS } from "../../lib/figures/period";

/**
 * Business figures a manager enters or imports per period (costs, customers,
 * headcount…), from which the period KPIs are computed (lib/metrics/period-kpis.ts).
 * One row per figure and period; a cleared figure has no row. `figure` is not
 * constrained: the list of figures lives in code and may grow.
 */
export const periodFigures = pgTable(
  "period_figures",
  {
    kind: text("kind", { enum: PERIOD_KINDS }).notNull(),
    /** First day of the period (a calendar date: periods have no time zone). */
    periodStart: date("period_start", { mode: "string" }).notNull(),
    figure: text("figure").notNull(),
    /** Exact decimal: amounts must add up to the cent. */
    value: numeric("value", { mode: "number" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** The user or API key id of the last change. */
    updatedBy: text("updated_by"),
  },
  (t) => [
    primaryKey({ name: "period_figures_pkey", columns: [t.kind, t.periodStart, t.figure] }),
    check("period_figures_kind_check", sql`${t.kind} in ('day', 'week', 'month', 'quarter', 'year')`),
  ],
);
