import type { AgentState } from "../../schema";
import type { AgentEvent, AgentSnapshot } from "./agent-event-schema";
import { clip, contactKey, stableId } from "./ids";

type Raw = Record<string, unknown>;

const TALKING = new Set(["CONNECTED", "CONNECTED_ONHOLD"]);

/**
 * The events one agent event stands for (table in docs/integrations/amazon-connect.md),
 * or why it stands for none. Pure. The agent.state id is the EventId.
 */
export function agentEventEvents(e: AgentEvent): Raw[] | { skip: string } | { error: string } {
  if (e.EventType === "HEART_BEAT") return { skip: "HEART_BEAT repeats the latest state" };
  if (!["LOGIN", "LOGOUT", "STATE_CHANGE"].includes(e.EventType)) return { skip: `EventType ${e.EventType}` };
  const current = e.CurrentAgentSnapshot;
  const username = current?.Configuration?.Username ?? e.PreviousAgentSnapshot?.Configuration?.Username;
  if (!username) return { error: "CurrentAgentSnapshot.Configuration.Username: is required" };
  if (e.EventType === "STATE_CHANGE" && !current) return { error: "CurrentAgentSnapshot: is required" };

  const { state, reason } = e.EventType === "LOGOUT" ? { state: "offline" as const, reason: undefined } : stateOf(current);
  const queues = queuesOf(current);
  const events: Raw[] = [{
    id: stableId("connect-agent", e.EventId), type: "agent.state", at: e.EventTimestamp, agentId: clip(username), state,
    ...(reason && { reason: clip(reason) }), ...(queues.length > 0 && { queues }), source: "amazon-connect",
  }];
  if (e.EventType === "STATE_CHANGE") events.push(...holdEvents(current!, e.PreviousAgentSnapshot));
  return events;
}

/**
 * Contacts first: talking (on hold included) is busy, a contact in ENDED is
 * after-contact work. Otherwise the agent status: ROUTABLE is available, OFFLINE
 * offline, CUSTOM (Break, Lunch…) a pause named after the status. Without a
 * type, the default statuses' names; without a status at all (a LOGIN), available.
 */
function stateOf(s: AgentSnapshot | null | undefined): { state: AgentState; reason?: string } {
  const contacts = s?.Contacts ?? [];
  if (contacts.some((c) => TALKING.has(c.State ?? ""))) return { state: "busy" };
  if (contacts.some((c) => c.State === "ENDED")) return { state: "wrap-up" };
  const status = s?.AgentStatus;
  const type = status?.Type?.toUpperCase() ?? (status?.Name === "Available" ? "ROUTABLE" : status?.Name === "Offline" ? "OFFLINE" : undefined);
  if (type === "ROUTABLE") return { state: "available" };
  if (type === "OFFLINE") return { state: "offline" };
  return status?.Name ? { state: "paused", reason: status.Name } : { state: "available" };
}

function queuesOf(s: AgentSnapshot | null | undefined): string[] {
  const names = (s?.Configuration?.RoutingProfile?.InboundQueues ?? []).map((q) => q.Name).filter((n): n is string => !!n && n.length <= 200);
  return [...new Set(names)].slice(0, 500);
}

/**
 * Hold, which contact records only total: a contact shown CONNECTED_ONHOLD is
 * held from its StateStartTimestamp; one back to CONNECTED from hold (per the
 * previous snapshot) resumed from its StateStartTimestamp. Ids carry that time,
 * so the same hold seen in several events counts once.
 */
function holdEvents(now: AgentSnapshot, before: AgentSnapshot | null | undefined): Raw[] {
  const wasHeld = new Set((before?.Contacts ?? []).filter((c) => c.State === "CONNECTED_ONHOLD").map((c) => c.ContactId));
  const out: Raw[] = [];
  for (const c of now.Contacts ?? []) {
    if (!c.ContactId || c.StateStartTimestamp == null) continue;
    const held = c.State === "CONNECTED_ONHOLD";
    if (!held && !(c.State === "CONNECTED" && wasHeld.has(c.ContactId))) continue;
    const type = held ? "contact.held" : "contact.resumed";
    out.push({
      id: stableId("connect-hold", c.ContactId, c.StateStartTimestamp, held ? "held" : "resumed"),
      type, at: c.StateStartTimestamp, contactId: contactKey(c.ContactId), source: "amazon-connect",
    });
  }
  return out;
}
