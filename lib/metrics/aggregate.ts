/**
 * The additive figures every KPI is computed from. A contact (or a case, an
 * outbound record, a survey answer) contributes a sparse `Partial<Aggregate>`
 * placed at one instant; windows and report buckets are sums of contributions,
 * and the registry turns a sum into metric values. Because contributions are
 * retracted and re-added when an entity changes, the sum only depends on the
 * set of events, not on their order.
 */
export const AGGREGATE_FIELDS = [
  // Placed at the instant the contact was offered.
  // offered … answeredInSl are inbound queue figures; agentContacts counts every contact an agent took.
  "offered", "answered", "abandoned", "shortAbandoned", "waitMs", "answeredInSl", "agentContacts",
  "inbound", "outbound", "asyncOffered", "responded", "responseMs",
  "transferred", "escalated", "botEscalated", "selfServed",
  "outboundAbandoned", "connected", "notConnected", "argued", "agreed", "sales", "salesCents",
  "fcrEligible", "repeated",
  // Placed where after-contact work ended.
  "handled", "handleMs", "talkMs", "holdMs", "acwMs",
  // Placed at the resolution.
  "resolved", "resolvedFlagged", "resolvedFirst", "resolutionTimed", "resolutionMs",
  // Cases: opened at their opening, closed at their closing.
  "casesOpened", "casesClosed", "casesTimed", "caseMs",
  // Outbound records (fiches): each at the instant it was first called, reached, treated.
  "recordsCalled", "recordsReached", "recordsTreated",
  // Survey answers, at the answer's own time.
  "csatAnswers", "csatPositive", "npsAnswers", "npsPromoters", "npsDetractors",
  "cesAnswers", "cesEasy", "cesDifficult", "cesMilli",
  "enpsAnswers", "enpsPromoters", "enpsDetractors",
  "waitCsatAnswers", "waitCsatPositive", "selfServiceCsatAnswers", "selfServiceCsatPositive",
  // Computed when the interval is read, not bucketed: agent time clipped to the
  // interval (from timelines), and the contacts offered in it that are still
  // waiting under their service-level threshold at the time of reading.
  "availableMs", "busyMs", "wrapUpMs", "pausedMs", "staffedAgents", "waitingUnderSl",
] as const;

export type AggregateField = (typeof AGGREGATE_FIELDS)[number];
export type Aggregate = Record<AggregateField, number>;

/** Position of each field in a packed vector. */
export const FIELD_INDEX = Object.fromEntries(AGGREGATE_FIELDS.map((f, i) => [f, i])) as Record<AggregateField, number>;
export const FIELD_COUNT = AGGREGATE_FIELDS.length;

/** Sums are kept packed: adding two minutes is a tight loop over numbers, not over object keys. */
export type AggregateVector = Float64Array;

export const emptyVector = (): AggregateVector => new Float64Array(FIELD_COUNT);

export function emptyAggregate(): Aggregate {
  return toAggregate(emptyVector());
}

/** target += sign × source for a sparse contribution. */
export function addPartial(target: AggregateVector, source: Partial<Aggregate>, sign: 1 | -1 = 1): void {
  for (const k in source) {
    const v = source[k as AggregateField];
    if (v) target[FIELD_INDEX[k as AggregateField]]! += sign * v;
  }
}

/** target += source, field by field. */
export function addVector(target: AggregateVector, source: AggregateVector): void {
  for (let i = 0; i < FIELD_COUNT; i++) target[i]! += source[i]!;
}

/**
 * Every aggregate is a copy of this one, so all share one shape with fast
 * properties. Built field by field, an object of this many properties falls
 * into V8's slow dictionary mode: every KPI formula then ran ~4× slower (a
 * 90-day report by queue computes 165,000 cells).
 */
const ZERO: Aggregate = Object.fromEntries(AGGREGATE_FIELDS.map((f) => [f, 0])) as Aggregate;

/**
 * `write(a, values, at, stride = 1)` sets `fields[i]` of `a` to
 * `values[at + i * stride]` (a report's sums are stored field after field), compiled
 * once per field list into plain named stores. The loop `a[fields[i]] = …`
 * is a keyed store with a changing key, which V8 answers through its slow
 * generic path (~30 ns a field): a 90-day report fills 165,000 aggregates of
 * 17 fields. The names come from AGGREGATE_FIELDS only (checked), never from
 * input.
 */
export function aggregateWriter(fields: readonly AggregateField[]): (a: Aggregate, values: Float64Array, at: number, stride?: number) => void {
  const body = fields.map((f, i) => {
    if (!(f in FIELD_INDEX)) throw new Error(`aggregateWriter: unknown field ${String(f)}`);
    return `a.${f} = v[at + ${i} * s];`;
  });
  return new Function("a", "v", "at", "s = 1", body.join("\n")) as (a: Aggregate, values: Float64Array, at: number, stride?: number) => void;
}

export function toAggregate(v: AggregateVector): Aggregate {
  const out = { ...ZERO };
  for (let i = 0; i < FIELD_COUNT; i++) out[AGGREGATE_FIELDS[i]!] = v[i]!;
  return out;
}

/**
 * What "now" metrics need, per scope, at the instant of the snapshot.
 * Counts of agents are `null` where the scope has no agents (channel scopes).
 */
export interface NowFigures {
  waiting: number;
  /** Offered time of the oldest contact still waiting, epoch ms. */
  oldestWaitingSince: number | null;
  agents: { available: number; busy: number; wrapUp: number; paused: number } | null;
  /** What the Erlang C forecast reads, whatever the window: the last 15 minutes' arrivals, today's handle time. */
  forecast?: {
    arrivals15m: number;
    handledToday: number;
    handleMsToday: number;
    /** Service-level threshold of the scope, seconds. */
    slSeconds: number;
  };
}
