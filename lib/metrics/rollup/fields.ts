import { AGGREGATE_FIELDS, type AggregateField } from "../aggregate";

/**
 * What the stored rollups hold. Contributions ("facts") are summed per
 * quarter-hour and (queue, channel, agent); agent time per quarter-hour and
 * (agent, the queues it served). Two figures are only known when a report is
 * read and are never stored: agents staffed (a distinct count) and contacts
 * still waiting under their threshold.
 */
export const AGENT_TIME_FIELDS = ["availableMs", "busyMs", "wrapUpMs", "pausedMs"] as const satisfies readonly AggregateField[];
const READ_TIME = new Set<AggregateField>([...AGENT_TIME_FIELDS, "staffedAgents", "waitingUnderSl"]);

/** The fact sums, in storage order (a column each). */
export const FACT_FIELDS: readonly AggregateField[] = AGGREGATE_FIELDS.filter((f) => !READ_TIME.has(f));

/** Quarter-hours are aligned on UTC, hence on local time in every zone (offsets are multiples of 15 min). */
export const QUARTER_MS = 15 * 60_000;
export const quarterOf = (at: number): number => at - (((at % QUARTER_MS) + QUARTER_MS) % QUARTER_MS);

/** Column name of a field: `handleMs` → `handle_ms`. */
export const columnOf = (f: string): string => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
