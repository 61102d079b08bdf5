/**
 * The additive figures every KPI is computed from. A contact contributes one
 * `Aggregate` to each scope it belongs to; windows and report buckets are sums
 * of contributions, and the registry turns a sum into metric values. Because
 * contributions are retracted and re-added when a contact changes, the sum only
 * depends on the set of events, not on their order.
 */
export interface Aggregate {
  /** Attributed to the time the contact was offered. */
  offered: number;
  answered: number;
  abandoned: number;
  /** Sum of waits of answered contacts, ms. */
  waitMs: number;
  /** Answered within the queue's service-level threshold. */
  answeredInSl: number;
  /** Attributed to the time after-contact work ended. */
  handled: number;
  handleMs: number;
  talkMs: number;
  holdMs: number;
  acwMs: number;
  /** Survey answers, attributed to the answer's own time. */
  csatAnswers: number;
  csatPositive: number;
  npsAnswers: number;
  npsPromoters: number;
  npsDetractors: number;
}

export const AGGREGATE_FIELDS = [
  "offered", "answered", "abandoned", "waitMs", "answeredInSl",
  "handled", "handleMs", "talkMs", "holdMs", "acwMs",
  "csatAnswers", "csatPositive", "npsAnswers", "npsPromoters", "npsDetractors",
] as const satisfies readonly (keyof Aggregate)[];

export function emptyAggregate(): Aggregate {
  return {
    offered: 0, answered: 0, abandoned: 0, waitMs: 0, answeredInSl: 0,
    handled: 0, handleMs: 0, talkMs: 0, holdMs: 0, acwMs: 0,
    csatAnswers: 0, csatPositive: 0, npsAnswers: 0, npsPromoters: 0, npsDetractors: 0,
  };
}

/** target += sign × source, field by field. */
export function addInto(target: Aggregate, source: Partial<Aggregate>, sign: 1 | -1 = 1): void {
  for (const f of AGGREGATE_FIELDS) {
    const v = source[f];
    if (v) target[f] += sign * v;
  }
}

/**
 * What "now" metrics need, per scope, at the instant of the snapshot.
 * Counts of agents are `null` where the scope has no agents (channel scopes).
 */
export interface NowFigures {
  waiting: number;
  /** Offered time of the oldest contact still waiting, epoch ms. */
  oldestWaitingSince: number | null;
  /** Contacts in the window still waiting and younger than the service-level threshold. */
  waitingUnderSl: number;
  agents: { available: number; busy: number; wrapUp: number; paused: number } | null;
}
