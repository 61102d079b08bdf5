import type { EventType } from "../../schema";
import { recordKey, type QueueLogRecord } from "./record";

/** An event as the adapter builds it: CONTRACT §2 wire format, validated by the ingest like any other. */
export type Candidate = { id: string; type: EventType; at: number } & Record<string, unknown>;

/** What one record gives: events, or why it gives none. */
export type Mapped = { events: Candidate[] } | { skip: string };

/** Builds the record's events, each id being the record's identity plus the event's role. */
export function eventsOf(r: QueueLogRecord) {
  const key = `ast-${recordKey(r)}`;
  return (role: string, type: EventType, at: number, fields: Record<string, unknown>): Candidate => ({ id: `${key}-${role}`, type, at, ...fields });
}

/** Unknown caller ids as Asterisk and carriers write them. */
const NO_CALLER = new Set(["", "anonymous", "unknown", "restricted", "private", "unavailable", "<unknown>", "none"]);

export const customerIdOf = (callerId: string) => {
  const c = callerId.trim();
  return NO_CALLER.has(c.toLowerCase()) || c.length > 200 ? undefined : c;
};

/** Free text (a pause reason, a withdraw info) as a label: trimmed, at most 200 characters, or nothing. */
export const labelOf = (s: string) => {
  let t = s.trim().slice(0, 200);
  // Never cut a surrogate pair in two.
  if (/[\uD800-\uDBFF]$/.test(t)) t = t.slice(0, -1);
  t = t.trim();
  return t === "" ? undefined : t;
};

/** The member name as logged, kept beside the agent id when the id shortened it. */
export const memberName = (raw: string, agentId: string) => (raw.trim() === agentId ? {} : { member: raw.trim() });
