import type { AgentState } from "../events/schema";
import type { Aggregate } from "./aggregate";
import type { CurrentContact } from "./agent-contacts";
import type { AgentNow } from "./agents";
import { agentFilter, type Scope } from "./scope";

/** One agent on the grid. Durations are not sent: the screen counts from `since`, so it ticks without pushes. */
export interface AgentRow {
  agentId: string;
  state: AgentState;
  /** Epoch ms the state in force began (time in state). */
  since: number;
  reason: string | null;
  queues: string[];
  /** The latest open contact (talking first, then after-contact work), or null. */
  contact: CurrentContact | null;
  /** Open contacts: more than one on async channels (several chats at once). */
  openContacts: number;
  /** Contacts whose after-contact work ended today (the registry's `handled`). */
  handledToday: number;
  /**
   * Time today in each logged-in state up to `timeAsOf` (the start of the state
   * in force, or local midnight): the screen adds the time since to the state
   * in force, so occupancy ticks too without a push.
   */
  time: { availableMs: number; busyMs: number; wrapUpMs: number; pausedMs: number };
  timeAsOf: number;
}

export interface AgentGrid {
  scope: Scope;
  /** Server clock when computed, ISO. */
  at: string;
  /** Local midnight of today, epoch ms. */
  dayStart: number;
  agents: AgentRow[];
}

/** What the rows are built from: the engine's agent → contacts index and agent timelines. */
export interface AgentGridSources {
  contacts: { open(agentId: string, from: number): CurrentContact[]; handled(agentId: string, from: number): number };
  timelines: { agentTime(agentId: string, from: number, to: number): Partial<Aggregate> };
}

/**
 * Every agent's row, by agent id. Agents offline since before today are left
 * out: they are not working today. A contact open since before `openFrom` (the
 * engine's retention horizon, the start of yesterday) is a lost end, not work
 * in progress, and is left out too. Rows depend only on the agents' states and
 * contacts, never on the order events arrived in.
 */
export function agentRows(states: readonly AgentNow[], src: AgentGridSources, dayStart: number, openFrom: number): AgentRow[] {
  const rows: AgentRow[] = [];
  for (const a of states) {
    if (a.state === "offline" && a.since < dayStart) continue;
    const open = src.contacts.open(a.agentId, openFrom);
    const timeAsOf = Math.max(a.since, dayStart);
    const t = src.timelines.agentTime(a.agentId, dayStart, timeAsOf);
    rows.push({
      agentId: a.agentId,
      state: a.state,
      since: a.since,
      reason: a.reason ?? null,
      queues: [...a.queues],
      contact: open[0] ?? null,
      openContacts: open.length,
      handledToday: src.contacts.handled(a.agentId, dayStart),
      time: { availableMs: t.availableMs ?? 0, busyMs: t.busyMs ?? 0, wrapUpMs: t.wrapUpMs ?? 0, pausedMs: t.pausedMs ?? 0 },
      timeAsOf,
    });
  }
  return rows.sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0));
}

/** The rows of the agents a scope covers (those serving its queues; none for a channel). */
export function rowsInScope(rows: readonly AgentRow[], scope: Scope): AgentRow[] {
  const include = agentFilter(scope);
  return include ? rows.filter((r) => include(r.agentId, r.queues)) : [];
}

/**
 * Occupancy today at `now` (the registry's formula: busy and after-contact
 * work over logged-in time other than pauses), or null before any such time.
 */
export function occupancyAt(row: AgentRow, now: number): number | null {
  const extra = Math.max(0, now - row.timeAsOf);
  const { availableMs, busyMs, wrapUpMs } = row.time;
  const busy = busyMs + wrapUpMs + (row.state === "busy" || row.state === "wrap-up" ? extra : 0);
  const logged = availableMs + busyMs + wrapUpMs + (row.state === "available" || row.state === "busy" || row.state === "wrap-up" ? extra : 0);
  return logged > 0 ? busy / logged : null;
}
