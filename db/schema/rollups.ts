import { bigint, boolean, char, date, integer, pgTable, primaryKey, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { AGENT_TIME_FIELDS, columnOf, FACT_FIELDS } from "../../lib/metrics/rollup/fields";

/**
 * Pre-aggregated history (lib/rollups): what reports read instead of raw
 * events. `grain` is `q` (quarter-hour), `d` (local day) or `m` (local month)
 * in VIGIE_TIMEZONE, `bucket` the start of the period. Level 0 is the truth,
 * kept by deltas as events arrive: one row per (quarter-hour, queue, channel,
 * agent), "" where a contribution has none. Everything else is summed from it:
 * level 1 drops the agent (queue and channel reports), level 2 keeps the agent
 * alone (agent reports), days and months sum quarter-hours.
 */

const sum = (field: string) => bigint(columnOf(field), { mode: "number" }).notNull().default(0);
const sums = <T extends readonly string[]>(fields: T) => Object.fromEntries(fields.map((f) => [f, sum(f)])) as Record<T[number], ReturnType<typeof sum>>;

export const rollups = pgTable(
  "rollups",
  {
    grain: char("grain", { length: 1 }).notNull(),
    level: smallint("level").notNull(),
    bucket: timestamp("bucket", { withTimezone: true }).notNull(),
    queue: text("queue").notNull(),
    channel: text("channel").notNull(),
    agent: text("agent").notNull(),
    ...sums(FACT_FIELDS),
  },
  (t) => [primaryKey({ name: "rollups_pk", columns: [t.grain, t.level, t.bucket, t.queue, t.channel, t.agent] })],
);

/**
 * Agent time. Level 0: one agent's time per state while serving `queues`
 * (sorted, comma-joined). Level 1: summed per queue (`queues` = one queue, or
 * `*` for every agent) with `staffed`, the number of distinct agents who had
 * time there (not additive: kept per period).
 */
export const agentTime = pgTable(
  "agent_time",
  {
    grain: char("grain", { length: 1 }).notNull(),
    level: smallint("level").notNull(),
    bucket: timestamp("bucket", { withTimezone: true }).notNull(),
    agent: text("agent").notNull(),
    queues: text("queues").notNull(),
    ...sums(AGENT_TIME_FIELDS),
    staffed: integer("staffed").notNull().default(0),
  },
  (t) => [primaryKey({ name: "agent_time_pk", columns: [t.grain, t.level, t.bucket, t.agent, t.queues] })],
);

/**
 * A read-optimised copy of level 1 quarter-hours (lib/rollups/strips.ts): per
 * UTC day and field, every (queue, channel) with that field non-zero, as text
 * `queue|channel|slot:value,…;…` (slot 0–95 from 00:00 UTC). A 90-day report
 * at 15 minutes reads about 1,500 of these rows instead of every quarter-hour
 * row. Only days marked built in `rollup_strip_days` are read; every write to
 * a day's level 1 quarter-hours marks it stale in the same transaction.
 */
export const rollupStrips = pgTable(
  "rollup_strips",
  {
    day: date("day", { mode: "string" }).notNull(),
    field: text("field").notNull(),
    vals: text("vals").notNull(),
  },
  (t) => [primaryKey({ name: "rollup_strips_pk", columns: [t.day, t.field] })],
);

/** The UTC days with level 1 quarter-hours, and whether their strips are up to date. */
export const rollupStripDays = pgTable("rollup_strip_days", {
  day: date("day", { mode: "string" }).primaryKey(),
  built: boolean("built").notNull().default(false),
});

/** Contacts offered and still waiting for an agent (for "still under the threshold" when a report is read). */
export const waitingContacts = pgTable("waiting_contacts", {
  contactId: text("contact_id").primaryKey(),
  queue: text("queue").notNull(),
  channel: text("channel").notNull(),
  offeredAt: timestamp("offered_at", { withTimezone: true, precision: 3 }).notNull(),
  queuedAt: timestamp("queued_at", { withTimezone: true, precision: 3 }).notNull(),
});

/** Each agent's open state (since its last event): counted up to the time of reading. */
export const agentTails = pgTable("agent_tails", {
  agentId: text("agent_id").primaryKey(),
  at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
  state: text("state").notNull(),
  queues: text("queues").notNull(),
});

/** How far the rollups are: every event with `seq` ≤ `watermark` is in them; the zone of the days and months. */
export const rollupState = pgTable("rollup_state", {
  id: integer("id").primaryKey(),
  watermark: bigint("watermark", { mode: "number" }).notNull(),
  timeZone: text("time_zone").notNull(),
});
