import type { AgentState, EventOf } from "../events/schema";
import { addPartial, type Aggregate, type AggregateVector } from "./aggregate";
import { before } from "./facts";

type StateEvent = EventOf<"agent.state">;

const FIELD: Partial<Record<AgentState, "availableMs" | "busyMs" | "wrapUpMs" | "pausedMs">> = {
  available: "availableMs",
  busy: "busyMs",
  "wrap-up": "wrapUpMs",
  paused: "pausedMs",
};

interface Step {
  at: number;
  id: string;
  state: AgentState;
  /** The queues the agent serves from this step on: the latest step that named them. */
  queues: readonly string[];
}

/** Who an interval of agent time counts for. */
export type AgentFilter = (agentId: string, queues: readonly string[]) => boolean;

/**
 * Each agent's states over time, from `agent.state` events: a state lasts from
 * its event to the agent's next one. Time in each state inside an interval
 * gives occupancy; agents with any logged-in time there are "staffed".
 */
export class AgentTimelines {
  private readonly events = new Map<string, Map<string, StateEvent>>();
  private readonly steps = new Map<string, Step[]>();

  apply(e: StateEvent): boolean {
    let byId = this.events.get(e.agentId);
    if (!byId) this.events.set(e.agentId, (byId = new Map()));
    if (byId.has(e.id)) return false;
    byId.set(e.id, e);
    this.steps.delete(e.agentId);
    return true;
  }

  private stepsOf(agentId: string): Step[] {
    let s = this.steps.get(agentId);
    if (s) return s;
    const sorted = [...(this.events.get(agentId)?.values() ?? [])].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    let queues: readonly string[] = [];
    s = sorted.map((e) => {
      if (e.queues) queues = e.queues;
      return { at: e.at, id: e.id, state: e.state, queues };
    });
    this.steps.set(agentId, s);
    return s;
  }

  /**
   * Adds to `into` the time agents spent in each state inside [from, to) — the
   * last state lasting until `to` — and the number of agents staffed there.
   */
  addTime(into: AggregateVector, include: AgentFilter, from: number, to: number): void {
    if (to <= from) return;
    const time: Partial<Aggregate> = {};
    let staffed = 0;
    for (const agentId of this.events.keys()) if (this.timeIn(time, agentId, include, from, to)) staffed++;
    time.staffedAgents = staffed;
    addPartial(into, time);
  }

  /** One agent's time in each state inside [from, to), for the agent grid. */
  agentTime(agentId: string, from: number, to: number): Partial<Aggregate> {
    const time: Partial<Aggregate> = {};
    if (to > from && this.events.has(agentId)) this.timeIn(time, agentId, () => true, from, to);
    return time;
  }

  /** Adds one agent's time inside [from, to) to `time`; true when it had any. */
  private timeIn(time: Partial<Aggregate>, agentId: string, include: AgentFilter, from: number, to: number): boolean {
    const steps = this.stepsOf(agentId);
    let worked = false;
    for (let i = firstOverlapping(steps, from); i < steps.length; i++) {
      const step = steps[i]!;
      if (step.at >= to) break;
      const field = FIELD[step.state];
      if (!field || !include(agentId, step.queues)) continue;
      const end = i + 1 < steps.length ? steps[i + 1]!.at : Infinity;
      const ms = Math.min(end, to) - Math.max(step.at, from);
      if (ms <= 0) continue;
      time[field] = (time[field] ?? 0) + ms;
      worked = true;
    }
    return worked;
  }

  /** Every agent's closed stretches (a state up to the agent's next event), in any state. */
  *closedSegments(): Generator<{ agentId: string; from: number; to: number; state: AgentState; queues: readonly string[] }> {
    for (const agentId of this.events.keys()) {
      const steps = this.stepsOf(agentId);
      for (let i = 0; i + 1 < steps.length; i++) {
        const s = steps[i]!;
        yield { agentId, from: s.at, to: steps[i + 1]!.at, state: s.state, queues: s.queues };
      }
    }
  }

  /** Each agent's last step: the state in force from then on, still open. */
  *lastSteps(): Generator<{ agentId: string; at: number; id: string; state: AgentState; queues: readonly string[] }> {
    for (const agentId of this.events.keys()) {
      const steps = this.stepsOf(agentId);
      const last = steps[steps.length - 1];
      if (last) yield { agentId, ...last };
    }
  }

  /** Forgets states that ended before `horizon` (each agent keeps the one in force then). */
  evict(horizon: number): void {
    for (const [agentId, byId] of this.events) {
      const steps = this.stepsOf(agentId);
      const keepFrom = Math.max(0, firstOverlapping(steps, horizon));
      if (keepFrom === 0) continue;
      for (const s of steps.slice(0, keepFrom)) byId.delete(s.id);
      // The kept step may owe its queues to an evicted one: carry them over.
      const kept = steps[keepFrom]!;
      const e = byId.get(kept.id)!;
      if (!e.queues && kept.queues.length > 0) byId.set(kept.id, { ...e, queues: [...kept.queues] });
      this.steps.delete(agentId);
    }
  }
}

/** Index of the step in force at `from` (or the first one after it). */
function firstOverlapping(steps: readonly Step[], from: number): number {
  let lo = 0, hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid]!.at <= from) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}
