import type { Reach } from "../auth/permissions";
import { channelScope, queuesScope, type Scope } from "../metrics/scope";
import type { BoardSelection, WallboardDefinition } from "./definition";

/**
 * What one reader sees of a board: the board's queues intersected with the
 * reader's reach, computed on the server (pages) before anything is rendered;
 * the socket checks every subscription again (`canViewScope`).
 * - over everything: `all` for an unrestricted reader, their own queues summed otherwise;
 * - over queues: those of them the reader may see, summed (`queue:<q>` for one);
 * - over channels: one group of tiles per channel, for unrestricted readers
 *   only (a channel sums every queue).
 * A reader who may see none of it gets no group (the board says so).
 */

export interface BoardGroup {
  /** The channel a group of tiles shows, or null for the board's one group. */
  label: string | null;
  scope: Scope;
}

export interface BoardView {
  groups: BoardGroup[];
  /** The queues of the queue table; null = every queue the server knows of. */
  queues: string[] | null;
  /** Queues or channels of the board this reader may not see. */
  hidden: number;
}

const NOTHING = (hidden: number): BoardView => ({ groups: [], queues: [], hidden });

export function boardView(selection: BoardSelection, reach: Reach): BoardView {
  const { kind, values } = selection;
  if (reach.kind === "none" || reach.kind === "agent") return NOTHING(values.length);
  if (kind === "channels") {
    if (reach.kind !== "all") return NOTHING(values.length);
    return { groups: values.map((c) => ({ label: c, scope: channelScope(c) })), queues: null, hidden: 0 };
  }
  if (kind === "all") {
    if (reach.kind === "all") return { groups: [{ label: null, scope: "all" }], queues: null, hidden: 0 };
    return reach.queues.length > 0 ? queuesView([...reach.queues], 0) : NOTHING(0);
  }
  const visible = reach.kind === "all" ? values : values.filter((q) => reach.queues.includes(q));
  return visible.length > 0 ? queuesView(visible, values.length - visible.length) : NOTHING(values.length);
}

function queuesView(queues: string[], hidden: number): BoardView {
  return { groups: [{ label: null, scope: queuesScope(queues) }], queues, hidden };
}

/** The selection narrowed to what a reader may see (a duplicate made by a restricted reader), or null when nothing is left. */
export function narrowSelection(selection: BoardSelection, reach: Reach): BoardSelection | null {
  if (reach.kind === "all") return selection;
  if (reach.kind !== "queues" || selection.kind === "channels") return null;
  const values = selection.kind === "all" ? [...reach.queues] : selection.values.filter((q) => reach.queues.includes(q));
  return values.length > 0 ? { kind: "queues", values } : null;
}

/**
 * A board's definition as a reader may receive it: its coverage narrowed to
 * what they may see, so the names of other queues never reach their browser.
 */
export function definitionForReader(definition: WallboardDefinition, reach: Reach): WallboardDefinition {
  if (reach.kind === "all") return definition;
  return { ...definition, scope: narrowSelection(definition.scope, reach) ?? { kind: "queues", values: [] } };
}
