import { agentIdOf } from "./agent-id";
import { customerIdOf, eventsOf, labelOf, memberName, type Candidate, type Mapped } from "./candidate";
import type { MemberTracker } from "./members";
import { memberStateEvent } from "./map-member";
import type { QueueLogRecord } from "./record";
import { fieldsOf, seconds } from "./verbs";

/**
 * The call verbs: a caller's life in one queue. A call that visits several
 * queues is one contact per queue (`<callid>@<queue>`), as Asterisk counts it.
 */
export function mapCall(r: QueueLogRecord, members: MemberTracker): Mapped {
  if (r.queue === "" || r.queue.toUpperCase() === "NONE") return { skip: "no-queue" };
  if (r.callid === "" || ["NONE", "REALTIME", "MANAGER"].includes(r.callid.toUpperCase())) return { skip: "no-callid" };
  const contactId = `${r.callid}@${r.queue}`;
  if (contactId.length > 200) return { skip: "field-too-long" };
  const make = eventsOf(r);
  const contact = { contactId };

  switch (r.verb) {
    case "ENTERQUEUE": {
      const f = fieldsOf(r, "ENTERQUEUE");
      const customerId = customerIdOf(f.callerId);
      return { events: [make("offered", "contact.offered", r.at, { ...contact, queue: r.queue, channel: "voice", direction: "inbound", ...(customerId ? { customerId } : {}) })] };
    }
    case "CONNECT": {
      const agentId = agentIdOf(r.agent);
      if (!agentId || agentId.length > 200) return { skip: "no-agent" };
      members.connect(agentId, r.queue, contactId, r.at);
      return { events: [make("answered", "contact.answered", r.at, { ...contact, agentId, ...memberName(r.agent, agentId) }), memberStateEvent(r, agentId, members)] };
    }
    case "COMPLETECALLER":
    case "COMPLETEAGENT":
      return { events: end(r, contactId, members, { endedBy: r.verb === "COMPLETECALLER" ? "caller" : "agent" }) };
    case "TRANSFER":
    case "BLINDTRANSFER": {
      const f = fieldsOf(r, r.verb);
      const to = { ...(labelOf(f.extension) ? { toExtension: labelOf(f.extension) } : {}), ...(labelOf(f.context) ? { toContext: labelOf(f.context) } : {}) };
      return { events: [make("transferred", "contact.transferred", r.at, { ...contact, ...to }), ...end(r, contactId, members, { endedBy: "transfer" })] };
    }
    case "ATTENDEDTRANSFER": {
      const f = fieldsOf(r, "ATTENDEDTRANSFER");
      const how = { ...(labelOf(f.method) ? { transferMethod: labelOf(f.method) } : {}), ...(labelOf(f.target) ? { transferTarget: labelOf(f.target) } : {}) };
      return { events: [make("transferred", "contact.transferred", r.at, { ...contact, ...how }), ...end(r, contactId, members, { endedBy: "transfer" })] };
    }
    case "ABANDON":
      return { events: [make("abandoned", "contact.abandoned", r.at, { ...contact, reason: "caller-hangup", ...waited(r) })] };
    case "EXITWITHKEY": {
      const key = labelOf(fieldsOf(r, "EXITWITHKEY").key);
      return { events: [make("abandoned", "contact.abandoned", r.at, { ...contact, reason: "key", ...(key ? { key } : {}) })] };
    }
    // Sent away by the queue, not a customer leaving: ended unanswered, never an abandon.
    case "EXITWITHTIMEOUT":
    case "EXITEMPTY":
    case "WITHDRAW": {
      const reason = r.verb === "EXITWITHTIMEOUT" ? "timeout" : r.verb === "EXITEMPTY" ? "empty" : "withdrawn";
      const info = r.verb === "WITHDRAW" ? labelOf(fieldsOf(r, "WITHDRAW").withdrawInfo) : undefined;
      return { events: [make("ended", "contact.ended", r.at, { ...contact, reason, ...(info ? { withdrawInfo: info } : {}) })] };
    }
    default:
      return { skip: "unknown-verb" };
  }
}

/**
 * The conversation ends for this queue. queue_log has no wrap-up event, so
 * after-contact work is taken as none: `wrapped` at the same instant, which
 * lets the handle time (talk) count.
 */
function end(r: QueueLogRecord, contactId: string, members: MemberTracker, extra: Record<string, unknown>): Candidate[] {
  const make = eventsOf(r);
  const events = [make("ended", "contact.ended", r.at, { contactId, ...extra }), make("wrapped", "contact.wrapped", r.at, { contactId })];
  const agentId = agentIdOf(r.agent);
  if (agentId && agentId.length <= 200) {
    members.complete(agentId, r.queue, contactId, r.at);
    events.push(memberStateEvent(r, agentId, members));
  }
  return events;
}

const waited = (r: QueueLogRecord) => {
  const w = seconds(fieldsOf(r, "ABANDON").waitTime);
  return w === undefined ? {} : { waitSeconds: w };
};
