import type { Database } from "../../db/client";
import { readStoredEvent } from "../events/schema";
import { contactConfig, type Restriction } from "../metrics/batch";
import { applyToContact, contactFacts, isWaiting, newContact, type ContactState } from "../metrics/contact";
import type { EngineConfig } from "../metrics/engine";

export interface TimelineEvent {
  id: string;
  type: string;
  at: number;
  /** The event's own fields, without the envelope (id, type, at, contactId). */
  fields: Record<string, unknown>;
}

export type ContactStatus = "waiting" | "answered" | "abandoned" | "selfServed" | "ended" | "unknown";

/** A contact as the metrics see it, derived by the engine's own state machine and contributions. */
export interface ContactSummary {
  contactId: string;
  queue: string | null;
  channel: string | null;
  direction: "inbound" | "outbound" | null;
  customerId: string | null;
  caseId: string | null;
  agentId: string | null;
  status: ContactStatus;
  /** Queue wait until answered (inbound), ms. */
  waitMs: number | null;
  /** Talk + hold + after-contact work, once wrapped, ms. */
  handleMs: number | null;
  /** Outbound outcomes, in time order. */
  outcomes: string[];
  resolved: boolean;
  firstContact: boolean | null;
}

export interface ContactTimeline {
  contact: ContactSummary;
  events: TimelineEvent[];
}

/** May a reader limited by `only` see this contact? Queues: the queue it was offered in; an agent: the contacts they answered. */
export function contactVisible(c: ContactState, only: Restriction): boolean {
  if (only.queues != null && (!c.offered || !only.queues.includes(c.offered.queue))) return false;
  if (only.agentId != null && c.answered?.agentId !== only.agentId) return false;
  return true;
}

function status(c: ContactState): ContactStatus {
  if (c.answered) return "answered";
  if (c.abandoned) return "abandoned";
  if (c.selfserved) return "selfServed";
  if (isWaiting(c)) return "waiting";
  if (c.ended) return "ended";
  return "unknown";
}

export function summarize(c: ContactState, config: Omit<EngineConfig, "timeZone">): ContactSummary {
  const facts = contactFacts(c, contactConfig(config, () => undefined));
  const sum = (field: "waitMs" | "handleMs" | "handled" | "answered") => facts.reduce((s, f) => s + (f.agg[field] ?? 0), 0);
  const o = c.offered;
  return {
    contactId: c.contactId,
    queue: o?.queue ?? null,
    channel: o?.channel ?? null,
    direction: o?.direction ?? null,
    customerId: o?.customerId ?? null,
    caseId: o?.caseId ?? null,
    agentId: c.answered?.agentId ?? null,
    status: status(c),
    waitMs: sum("answered") > 0 ? sum("waitMs") : null,
    handleMs: sum("handled") > 0 ? sum("handleMs") : null,
    outcomes: [...c.outcomes.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)).map((x) => x.outcome),
    resolved: !!c.resolved,
    firstContact: c.resolved?.firstContact ?? null,
  };
}

const ENVELOPE = new Set(["id", "type", "at", "contactId"]);

/**
 * Every stored event of a contact in time order, and what the metrics make of
 * it. Null when the contact has no event, or when the reader may not see it
 * (`contactVisible`): a page then answers 404, not revealing that it exists.
 */
export async function contactTimeline(
  database: Database,
  contactId: string,
  config: Omit<EngineConfig, "timeZone">,
  only: Restriction,
): Promise<ContactTimeline | null> {
  const rows = await database.query<{ payload: unknown }>(
    `select payload from events where contact_id = $1 order by at, id limit 5000`,
    [contactId],
  );
  if (rows.length === 0) return null;
  const state = newContact(contactId);
  const events: TimelineEvent[] = [];
  for (const r of rows) {
    const raw = (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>;
    const event = readStoredEvent(raw);
    if (!event) continue;
    applyToContact(state, event);
    const fields = Object.fromEntries(Object.entries(raw).filter(([k]) => !ENVELOPE.has(k)));
    events.push({ id: event.id, type: event.type, at: event.at, fields });
  }
  if (!contactVisible(state, only)) return null;
  return { contact: summarize(state, config), events };
}
