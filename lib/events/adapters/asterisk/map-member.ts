import { agentIdOf } from "./agent-id";
import { eventsOf, labelOf, memberName, type Candidate, type Mapped } from "./candidate";
import type { MemberTracker } from "./members";
import type { QueueLogRecord } from "./record";
import { fieldsOf } from "./verbs";

/**
 * The member verbs (login, membership, pause). Each gives one `agent.state`:
 * the member's whole state after the line, which is not always the verb's
 * own: PAUSE during a call leaves the member busy, UNPAUSE in one queue
 * while paused in another leaves them available.
 */
export function mapMember(r: QueueLogRecord, members: MemberTracker): Mapped {
  const agentId = agentIdOf(r.agent);
  if (!agentId) return { skip: "no-agent" };
  if (agentId.length > 200) return { skip: "field-too-long" };
  const queue = r.queue === "" || r.queue.toUpperCase() === "NONE" ? null : r.queue;

  switch (r.verb) {
    case "AGENTLOGIN":
    case "AGENTCALLBACKLOGIN":
      members.login(agentId, r.at);
      break;
    case "AGENTLOGOFF":
    case "AGENTCALLBACKLOGOFF":
      members.logoff(agentId, r.at);
      break;
    case "ADDMEMBER":
      if (!queue) return { skip: "no-queue" };
      members.add(agentId, queue, fieldsOf(r, "ADDMEMBER").paused.toUpperCase() === "PAUSED", r.at);
      break;
    case "REMOVEMEMBER":
      if (!queue) return { skip: "no-queue" };
      members.remove(agentId, queue, r.at);
      break;
    case "PAUSE":
    case "PAUSEALL":
      members.pause(agentId, r.verb === "PAUSEALL" ? null : queue, labelOf(r.data[0] ?? ""), r.at);
      break;
    case "UNPAUSE":
    case "UNPAUSEALL":
      members.unpause(agentId, r.verb === "UNPAUSEALL" ? null : queue, r.at);
      break;
    default:
      return { skip: "unknown-verb" };
  }
  return { events: [memberStateEvent(r, agentId, members)] };
}

/** The member's state after this record, as an `agent.state` event. */
export function memberStateEvent(r: QueueLogRecord, agentId: string, members: MemberTracker): Candidate {
  const now = members.stateOf(agentId, r.at);
  return eventsOf(r)("agent", "agent.state", members.stamp(agentId, r.at), {
    agentId,
    state: now.state,
    ...(now.reason ? { reason: now.reason } : {}),
    ...(now.queues.length > 0 ? { queues: now.queues } : {}),
    ...memberName(r.agent, agentId),
  });
}
