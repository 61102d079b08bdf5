import type { Channel } from "../events/schema";
import { queuedAt, type ContactState } from "./contact";
import type { Scope } from "./scope";

/** One contact waiting now. Its wait is counted on screen from `queuedAt`, so it ticks without pushes. */
export interface WaitingContact {
  contactId: string;
  queue: string;
  channel: Channel;
  customerId: string | null;
  offeredAt: number;
  /** When it began waiting for an agent: a bot's hand-over, else the offer (epoch ms). */
  queuedAt: number;
}

export interface WaitingList {
  scope: Scope;
  at: string;
  /** Every contact waiting in the scope, even beyond `contacts`. */
  total: number;
  /** Longest wait first, at most `WAITING_LIST_MAX`. */
  contacts: WaitingContact[];
}

/** A screen shows a few dozen lines; a flood of waiting contacts is summed up by `total`. */
export const WAITING_LIST_MAX = 200;

/** The contacts waiting now, longest wait first (ties by id), at most `max`. */
export function waitingContacts(waiting: Iterable<ContactState>, max = WAITING_LIST_MAX): { total: number; contacts: WaitingContact[] } {
  const all: WaitingContact[] = [];
  for (const c of waiting) {
    const o = c.offered;
    if (!o) continue;
    all.push({ contactId: c.contactId, queue: o.queue, channel: o.channel, customerId: o.customerId ?? null, offeredAt: o.at, queuedAt: queuedAt(c) });
  }
  all.sort((a, b) => a.queuedAt - b.queuedAt || (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0));
  return { total: all.length, contacts: all.slice(0, max) };
}
