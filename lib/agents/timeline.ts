import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import type { AgentState, EventOf } from "../events/schema";
import { before } from "../metrics/facts";
import { dayStart } from "../reports/calendar";

/** The local calendar day `day` (YYYY-MM-DD) in `timeZone` as [midnight, next midnight): 23 or 25 hours on DST days. */
export function dayBounds(day: string, timeZone: string): { from: number; to: number } {
  const from = dayStart(day, timeZone);
  return { from, to: addDays(new TZDate(from, timeZone), 1).getTime() };
}

/** One stretch of an agent's day in one state (epoch ms, `to` exclusive). */
export interface StateInterval {
  state: AgentState;
  reason: string | null;
  from: number;
  to: number;
}

/**
 * An agent's states inside [from, until) from their `agent.state` events: each
 * state lasts until the agent's next event, the one in force at `from` is
 * clipped to start there, the last one runs to `until` (the end of the day, or
 * now for today). Events may come in any order; two at the same instant are
 * ordered as the engine orders them. Pure.
 */
export function clipTimeline(events: readonly EventOf<"agent.state">[], from: number, until: number): StateInterval[] {
  if (until <= from) return [];
  const sorted = [...events].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const out: StateInterval[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    const start = Math.max(e.at, from);
    const end = Math.min(i + 1 < sorted.length ? sorted[i + 1]!.at : Infinity, until);
    if (end <= start) continue;
    const last = out[out.length - 1];
    const reason = e.reason ?? null;
    // The same state re-sent (a heartbeat, a queue change) continues the stretch.
    if (last && last.state === e.state && last.reason === reason && last.to === start) last.to = end;
    else out.push({ state: e.state, reason, from: start, to: end });
  }
  return out;
}

/** Milliseconds per state over some intervals (the timeline's legend). */
export function timeByState(intervals: readonly StateInterval[]): Partial<Record<AgentState, number>> {
  const out: Partial<Record<AgentState, number>> = {};
  for (const i of intervals) out[i.state] = (out[i.state] ?? 0) + (i.to - i.from);
  return out;
}
