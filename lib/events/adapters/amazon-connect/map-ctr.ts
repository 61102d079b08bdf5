import type { Channel } from "../../schema";
import type { Ctr } from "./ctr-schema";
import { arnTail, clip, contactKey, stableId } from "./ids";

type Raw = Record<string, unknown>;

/** Initiation methods where the agent reaches out; everything else waits in a queue for an agent. */
const OUTBOUND = new Set(["OUTBOUND", "EXTERNAL_OUTBOUND", "CAMPAIGN_PREVIEW", "AGENT_REPLY"]);
/** A supervisor listening in is no customer contact. */
const NOT_A_CONTACT = new Set(["MONITOR"]);

/**
 * The events one contact record stands for (table in
 * docs/integrations/amazon-connect.md), or why it stands for none. Pure.
 * Ids are (ContactId, kind): a record delivered again is a duplicate. The
 * ended/wrapped ids also carry their time: when a newer version of the record
 * moves after-contact work, its events are new and, the latest ended/wrapped
 * counting (CONTRACT §2), they win.
 */
export function ctrEvents(ctr: Ctr): Raw[] | { skip: string } {
  if (NOT_A_CONTACT.has(ctr.InitiationMethod ?? "")) return { skip: `InitiationMethod ${ctr.InitiationMethod}` };
  const channel = channelOf(ctr);
  if (channel === null) return { skip: `Channel ${ctr.Channel}` };
  const outbound = OUTBOUND.has(ctr.InitiationMethod ?? "");
  const contactId = contactKey(ctr.ContactId);
  const base = { contactId, source: "amazon-connect" };
  const id = (kind: string, ...rest: number[]) => stableId("connect", ctr.ContactId, kind, ...rest);
  const events: Raw[] = [];

  const queue = ctr.Queue?.Name ?? arnTail(ctr.Queue?.ARN);
  const offeredAt = ctr.Queue?.EnqueueTimestamp ?? (outbound ? ctr.InitiationTimestamp : undefined);
  const offered = !!queue && offeredAt != null;
  if (offered) {
    const customerId = ctr.CustomerEndpoint?.Address && clip(ctr.CustomerEndpoint.Address);
    events.push({
      id: id("offered"), type: "contact.offered", at: offeredAt, ...base, queue: clip(queue), channel,
      direction: outbound ? "outbound" : "inbound", ...(customerId && { customerId }),
      ...(ctr.InitiationMethod && { initiationMethod: ctr.InitiationMethod }),
    });
  }

  const agent = ctr.Agent;
  const answeredAt = agent?.ConnectedToAgentTimestamp;
  const agentId = agent?.Username && clip(agent.Username);
  const answered = answeredAt != null && !!agentId;
  if (answered) events.push({ id: id("answered"), type: "contact.answered", at: answeredAt, ...base, agentId });

  // The docs' abandoned contact: queued, never connected to an agent; not one handed on.
  const leftAt = ctr.Queue?.DequeueTimestamp ?? ctr.DisconnectTimestamp;
  if (offered && !outbound && answeredAt == null && ctr.TransferCompletedTimestamp == null && !ctr.NextContactId && leftAt != null) {
    events.push({ id: id("abandoned"), type: "contact.abandoned", at: leftAt, ...base, ...(ctr.DisconnectReason && { reason: ctr.DisconnectReason }) });
  }

  const transferredAt = ctr.TransferCompletedTimestamp ?? (ctr.NextContactId && answered ? ctr.DisconnectTimestamp : undefined);
  if (transferredAt != null && (offered || answered)) {
    events.push({ id: id("transferred"), type: "contact.transferred", at: transferredAt, ...base });
  }

  if (answered) {
    const acwStart = agent.AfterContactWorkStartTimestamp;
    const endedAt = acwStart ?? ctr.DisconnectTimestamp;
    if (endedAt != null) events.push({ id: id("ended", endedAt), type: "contact.ended", at: endedAt, ...base });
    // No after-contact work recorded at all: the contact is wrapped when it ends.
    const wrappedAt = agent.AfterContactWorkEndTimestamp ?? (acwStart == null ? endedAt : undefined);
    if (wrappedAt != null) {
      events.push({
        id: id("wrapped", wrappedAt), type: "contact.wrapped", at: wrappedAt, ...base,
        // Hold has no start/end times in a CTR: carried along, not counted (see the docs).
        ...(agent.CustomerHoldDuration != null && { customerHoldSeconds: agent.CustomerHoldDuration }),
        ...(agent.NumberOfHolds != null && { numberOfHolds: agent.NumberOfHolds }),
      });
    }
  }
  return events.length > 0 ? events : { skip: "no queue and no agent" };
}

/** VOICE, CHAT (by its subtype: SMS, WhatsApp…), EMAIL; null for TASK and unknown channels. */
function channelOf(ctr: Ctr): Channel | null {
  switch (ctr.Channel ?? "VOICE") {
    case "VOICE":
      return "voice";
    case "EMAIL":
      return "email";
    case "CHAT": {
      const sub = subtype(ctr.SegmentAttributes);
      if (sub === "connect:SMS") return "sms";
      if (sub === "connect:WhatsApp" || sub === "connect:Apple") return "social";
      return "chat";
    }
    default:
      return null;
  }
}

function subtype(attrs: Record<string, unknown> | null | undefined): string | undefined {
  const v = attrs?.["connect:Subtype"];
  if (typeof v !== "object" || v === null) return undefined;
  const s = (v as Record<string, unknown>).ValueString;
  return typeof s === "string" ? s : undefined;
}
