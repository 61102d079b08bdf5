import type { Aggregate } from "./aggregate";
import { agentScope, channelScope, queueScope, type Scope } from "./scope";

/** A contribution to the aggregates: `agg` added to each of `scopes`, placed at instant `at`. */
export interface Fact {
  at: number;
  scopes: Scope[];
  agg: Partial<Aggregate>;
  /** What contributes it, for drill-downs: `contact:<id>`, `case:<id>`, `record:<key>` or `survey:<event id>`. */
  entity?: string;
}

/** The scopes of an entity: all, its queue and channel (from offered), its agent (from answered). */
export function scopesOf(queue: string | undefined, channel: string | undefined, agentId: string | undefined): Scope[] {
  const s: Scope[] = ["all"];
  if (queue !== undefined) s.push(queueScope(queue));
  if (channel !== undefined) s.push(channelScope(channel));
  if (agentId !== undefined) s.push(agentScope(agentId));
  return s;
}

export interface Mark {
  at: number;
  id: string;
}

/** Event order: by time, then id, so every tie is broken the same way whatever the arrival order. */
export const before = (a: Mark, b: Mark) => a.at < b.at || (a.at === b.at && a.id < b.id);
export const earliest = <T extends Mark>(cur: T | undefined, next: T) => (!cur || before(next, cur) ? next : cur);
export const latest = <T extends Mark>(cur: T | undefined, next: T) => (!cur || before(cur, next) ? next : cur);
