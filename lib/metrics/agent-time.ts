import type { AgentState, EventOf } from "../events/schema";
import { addPartial, type Aggregate, type AggregateVector } from "./aggregate";
import { before } from "./facts";
import { partitionPoint } from "./partition-point";

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

/** The four timed states, in the order of a timeline's sums. */
const TIMED = ["availableMs", "busyMs", "wrapUpMs", "pausedMs"] as const;
const TIMED_AT: Partial<Record<AgentState, number>> = Object.fromEntries(Object.entries(FIELD).map(([state, field]) => [state, TIMED.indexOf(field)]));

/**
 * One agent's steps in order, with what makes the time inside an interval a few lookups rather than a walk
 * over the day's steps (every push of every scope asks for it): `sums[4k + f]` is the time spent in timed state
 * `f` over the closed steps before step `k`, and `runs` are the stretches of steps serving the same queues.
 */
interface Timeline {
  steps: Step[];
  sums: number[];
  runs: { start: number; queues: readonly string[] }[];
}

/**
 * Who an interval of agent time counts for; `agent` set when it is one agent only (an agent's scope): the others
 * are then not read at all.
 */
export type AgentFilter = ((agentId: string, queues: readonly string[]) => boolean) & { readonly agent?: string };

/**
 * Each agent's states over time, from `agent.state` events: a state lasts from
 * its event to the agent's next one. Time in each state inside an interval
 * gives occupancy; agents with any logged-in time there are "staffed".
 */
export class AgentTimelines {
  private readonly events = new Map<string, Map<string, StateEvent>>();
  private readonly timelines = new Map<string, Timeline>();

  apply(e: StateEvent): boolean {
    let byId = this.events.get(e.agentId);
    if (!byId) this.events.set(e.agentId, (byId = new Map()));
    if (byId.has(e.id)) return false;
    byId.set(e.id, e);
    // The usual case, a state after the agent's last one, extends the timeline; any other is sorted in again.
    const t = this.timelines.get(e.agentId);
    const last = t?.steps[t.steps.length - 1];
    if (t && last && before(last, e)) append(t, e);
    else this.timelines.delete(e.agentId);
    return true;
  }

  private timelineOf(agentId: string): Timeline {
    let t = this.timelines.get(agentId);
    if (t) return t;
    t = { steps: [], sums: [0, 0, 0, 0], runs: [] };
    for (const e of [...(this.events.get(agentId)?.values() ?? [])].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0))) append(t, e);
    this.timelines.set(agentId, t);
    return t;
  }

  /**
   * Adds to `into` the time agents spent in each state inside [from, to) — the
   * last state lasting until `to` — and the number of agents staffed there.
   */
  addTime(into: AggregateVector, include: AgentFilter, from: number, to: number): void {
    if (to <= from) return;
    const time: Partial<Aggregate> = {};
    let staffed = 0;
    const { agent } = include;
    if (agent !== undefined) {
      if (this.events.has(agent) && this.timeIn(time, agent, include, from, to)) staffed++;
    } else for (const agentId of this.events.keys()) if (this.timeIn(time, agentId, include, from, to)) staffed++;
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
    const { steps, sums, runs } = this.timelineOf(agentId);
    const first = firstOverlapping(steps, from);
    const last = lastBefore(steps, to);
    if (last < first) return false;
    let worked = false;
    for (let r = runAt(runs, first); r < runs.length && runs[r]!.start <= last; r++) {
      if (!include(agentId, runs[r]!.queues)) continue;
      const a = Math.max(runs[r]!.start, first);
      const b = Math.min(r + 1 < runs.length ? runs[r + 1]!.start - 1 : steps.length - 1, last);
      // The run's first and last steps may be cut by the interval; the steps between are whole and closed.
      if (addStep(time, steps, a, from, to)) worked = true;
      if (b <= a) continue;
      if (addStep(time, steps, b, from, to)) worked = true;
      for (let f = 0; f < TIMED.length; f++) {
        const ms = sums[4 * b + f]! - sums[4 * (a + 1) + f]!;
        if (ms <= 0) continue;
        time[TIMED[f]!] = (time[TIMED[f]!] ?? 0) + ms;
        worked = true;
      }
    }
    return worked;
  }

  /** Every agent's closed stretches (a state up to the agent's next event), in any state. */
  *closedSegments(): Generator<{ agentId: string; from: number; to: number; state: AgentState; queues: readonly string[] }> {
    for (const agentId of this.events.keys()) {
      const { steps } = this.timelineOf(agentId);
      for (let i = 0; i + 1 < steps.length; i++) {
        const s = steps[i]!;
        yield { agentId, from: s.at, to: steps[i + 1]!.at, state: s.state, queues: s.queues };
      }
    }
  }

  /** Each agent's last step: the state in force from then on, still open. */
  *lastSteps(): Generator<{ agentId: string; at: number; id: string; state: AgentState; queues: readonly string[] }> {
    for (const agentId of this.events.keys()) {
      const { steps } = this.timelineOf(agentId);
      const last = steps[steps.length - 1];
      if (last) yield { agentId, ...last };
    }
  }

  /** Forgets states that ended before `horizon` (each agent keeps the one in force then). */
  evict(horizon: number): void {
    for (const [agentId, byId] of this.events) {
      const { steps } = this.timelineOf(agentId);
      const keepFrom = Math.max(0, firstOverlapping(steps, horizon));
      if (keepFrom === 0) continue;
      for (const s of steps.slice(0, keepFrom)) byId.delete(s.id);
      // The kept step may owe its queues to an evicted one: carry them over.
      const kept = steps[keepFrom]!;
      const e = byId.get(kept.id)!;
      if (!e.queues && kept.queues.length > 0) byId.set(kept.id, { ...e, queues: [...kept.queues] });
      this.timelines.delete(agentId);
    }
  }
}

/** Index of the step in force at `from` (or the first one after it). */
const firstOverlapping = (steps: readonly Step[], from: number) => Math.max(0, partitionPoint(steps.length, (i) => steps[i]!.at <= from) - 1);

/** Index of the last step starting before `to`, -1 if none. */
const lastBefore = (steps: readonly Step[], to: number) => partitionPoint(steps.length, (i) => steps[i]!.at < to) - 1;

/** Index of the run holding step `k`. */
const runAt = (runs: Timeline["runs"], k: number) => Math.max(0, partitionPoint(runs.length, (i) => runs[i]!.start <= k) - 1);

/** Adds step `k`'s time inside [from, to) (it lasts until the next step, the last one for ever); true if any. */
function addStep(time: Partial<Aggregate>, steps: readonly Step[], k: number, from: number, to: number): boolean {
  const step = steps[k]!;
  const f = TIMED_AT[step.state];
  if (f === undefined) return false;
  const end = k + 1 < steps.length ? steps[k + 1]!.at : Infinity;
  const ms = Math.min(end, to) - Math.max(step.at, from);
  if (ms <= 0) return false;
  time[TIMED[f]!] = (time[TIMED[f]!] ?? 0) + ms;
  return true;
}

/** Adds a state after the timeline's last step: the previous one closes at it. */
function append(t: Timeline, e: StateEvent): void {
  const n = t.steps.length;
  const prev = t.steps[n - 1];
  // Queues named again as they were keep the run going (states often repeat them).
  const queues = e.queues && !(prev && sameQueues(e.queues, prev.queues)) ? e.queues : (prev?.queues ?? e.queues ?? []);
  t.steps.push({ at: e.at, id: e.id, state: e.state, queues });
  if (prev) {
    const f = TIMED_AT[prev.state];
    for (let i = 0; i < TIMED.length; i++) t.sums.push(t.sums[4 * (n - 1) + i]! + (i === f ? e.at - prev.at : 0));
  }
  if (!prev || queues !== prev.queues) t.runs.push({ start: n, queues });
}

function sameQueues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((q, i) => q === b[i]);
}
