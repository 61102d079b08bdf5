import { bigint, char, integer, pgTable, primaryKey, smallint, text, timestamp } from "drizzle-orm/pg-core";
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
