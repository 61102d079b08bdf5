import type { AgentState, VigieEvent } from "../../events/schema";
import { BatchFold, type WaitingContact } from "../batch";
import type { EngineConfig } from "../engine";
import { agentTimeRows, difference, factRows, type AgentTimeRow, type FactRow } from "./rows";

/** An agent's open state: in force from `at` until its next event (not stored as time until then). */
export interface AgentTail {
  agentId: string;
  at: number;
  id: string;
  state: AgentState;
  queues: readonly string[];
}

/** What a batch of new events changes in the stored rollups. */
export interface RollupDelta {
  /** Row deltas to add (negative values retract). */
  facts: FactRow[];
  agentTime: AgentTimeRow[];
  /** Contacts whose "still waiting" entry is replaced by `waiting` (those of them still waiting). */
  waitingTouched: string[];
  waiting: WaitingContact[];
  /** The open state of every agent of the cluster, after the batch. */
  tails: AgentTail[];
}

/**
 * The change in stored sums when a cluster of entities goes from the events
 * `before` to the events `after` (the same cluster, plus the new events).
 * Facts are pure functions of events, so the change is the difference of the
 * two derivations: late, duplicated or out-of-order events retract exactly
 * what they replace. The cluster must hold, for every entity the new events
 * touch, everything its contributions depend on (its customer's neighbouring
 * contacts, its case, its outbound record); the other entities in it
 * contribute the same to both sides and cancel out.
 */
export function rollupDelta(before: readonly VigieEvent[], after: readonly VigieEvent[], config: EngineConfig): RollupDelta {
  const a = new BatchFold(before, config);
  const b = new BatchFold(after, config);
  const waitingBefore = a.waitingContacts();
  const waitingAfter = b.waitingContacts();
  return {
    facts: difference(factRows(b.everyFact()), factRows(a.everyFact())),
    agentTime: difference(agentTimeRows(b.agentTimelines().closedSegments()), agentTimeRows(a.agentTimelines().closedSegments())),
    waitingTouched: [...new Set([...waitingBefore, ...waitingAfter].map((w) => w.contactId))],
    waiting: [...waitingAfter],
    tails: [...b.agentTimelines().lastSteps()],
  };
}
