import type { AgentState, EventOf } from "../events/schema";

type StateEvent = EventOf<"agent.state">;

interface AgentRecord {
  agentId: string;
  /** The latest state event at or before the last `advance`, and those still in the future. */
  current?: StateEvent;
  pending: StateEvent[];
  /** Queues from the latest state event that named them. */
  queuesFrom?: StateEvent;
}

const after = (a: StateEvent, b: StateEvent) => a.at > b.at || (a.at === b.at && a.id > b.id);

/** One agent's state in force, for grids and alert rules. */
export interface AgentNow {
  agentId: string;
  state: AgentState;
  /** Epoch ms of the state event in force. */
  since: number;
  reason?: string;
  queues: readonly string[];
}

export interface AgentCounts {
  available: number;
  busy: number;
  wrapUp: number;
  paused: number;
}

const FIELD: Partial<Record<AgentState, keyof AgentCounts>> = {
  available: "available",
  busy: "busy",
  "wrap-up": "wrapUp",
  paused: "paused",
};

/**
 * Agents' states "now": for each agent, the latest `agent.state` (by event time,
 * then id) whose time has come. Events dated in the future wait in `pending`.
 */
export class AgentBoard {
  private readonly agents = new Map<string, AgentRecord>();

  apply(e: StateEvent, now: number): void {
    let r = this.agents.get(e.agentId);
    if (!r) this.agents.set(e.agentId, (r = { agentId: e.agentId, pending: [] }));
    if (e.queues && (!r.queuesFrom || after(e, r.queuesFrom))) r.queuesFrom = e;
    if (e.at > now) {
      if (!r.pending.some((p) => p.id === e.id)) r.pending.push(e);
    } else if (!r.current || after(e, r.current)) {
      r.current = e;
    }
  }

  /** Promotes pending events whose time has come. Returns the agents that changed. */
  advance(now: number): string[] {
    const changed: string[] = [];
    for (const r of this.agents.values()) {
      if (r.pending.length === 0) continue;
      const due = r.pending.filter((p) => p.at <= now);
      if (due.length === 0) continue;
      r.pending = r.pending.filter((p) => p.at > now);
      for (const e of due) if (!r.current || after(e, r.current)) r.current = e;
      changed.push(r.agentId);
    }
    return changed;
  }

  queuesOf(agentId: string): readonly string[] {
    return this.agents.get(agentId)?.queuesFrom?.queues ?? [];
  }

  ids(): string[] {
    return [...this.agents.keys()];
  }

  /** Each agent's state in force now, since when, why, and the queues it serves. */
  states(): AgentNow[] {
    const out: AgentNow[] = [];
    for (const r of this.agents.values()) {
      if (!r.current) continue;
      out.push({ agentId: r.agentId, state: r.current.state, since: r.current.at, reason: r.current.reason, queues: r.queuesFrom?.queues ?? [] });
    }
    return out;
  }

  /** Counts of agents by state among those `include` accepts. */
  count(include: (agentId: string, queues: readonly string[]) => boolean): AgentCounts {
    const counts: AgentCounts = { available: 0, busy: 0, wrapUp: 0, paused: 0 };
    for (const r of this.agents.values()) {
      const field = r.current && FIELD[r.current.state];
      if (field && include(r.agentId, r.queuesFrom?.queues ?? [])) counts[field]++;
    }
    return counts;
  }
}
