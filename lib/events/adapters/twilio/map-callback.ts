import { describeIssues, parseEvent } from "../../schema";
import { activityState } from "./activity";
import { taskFacts } from "./attributes";
import { callbackSchema, callbackTime, type Callback } from "./callback";

/** What one TaskRouter event callback becomes. */
export interface TwilioMapping {
  /** CONTRACT §2 events, each already valid for `parseEvent` at `now`. */
  events: Record<string, unknown>[];
  /** Why the callback, or one of its events, could not be mapped (index 0: one callback per request). */
  rejected: { index: number; error: string }[];
  /** The EventType, when Vigie deliberately maps nothing for it. */
  ignored?: string;
}

type Raw = Record<string, unknown>;

/**
 * Maps one event callback (its parameters, first values) to Vigie events; pure.
 * Ids derive from the callback's event Sid, so a callback delivered twice is a
 * duplicate. The mapping table is in docs/integrations/twilio.md.
 */
export function mapTwilioCallback(params: Record<string, string>, now: number): TwilioMapping {
  const parsed = callbackSchema.safeParse(params);
  if (!parsed.success) return reject(describeIssues(parsed.error.issues, params));
  const c = parsed.data;
  const at = callbackTime(c);
  if (at === undefined) return reject("TimestampMs: is required (or Timestamp)");
  const id = `twilio:${c.Sid ?? `${c.EventType}:${c.ResourceSid ?? c.TaskSid ?? c.WorkerSid ?? "-"}:${at}`}`;
  const candidates = translate(c, id, at);
  if (typeof candidates === "string") return reject(candidates);
  if (candidates === null) return { events: [], rejected: [], ignored: c.EventType };
  const events: Raw[] = [];
  const rejected: TwilioMapping["rejected"] = [];
  for (const e of candidates) {
    const r = parseEvent(e, now);
    if (r.ok) events.push(e);
    else rejected.push({ index: 0, error: `${String(e.type)}: ${r.error}` });
  }
  return { events, rejected };
}

const reject = (error: string): TwilioMapping => ({ events: [], rejected: [{ index: 0, error }] });

/** The events of one callback; a string names what is missing; null: not mapped. */
function translate(c: Callback, id: string, at: number): Raw[] | string | null {
  const source = { source: "twilio", twilioEvent: c.EventType };
  const contact = (type: string, extra: Raw = {}): Raw | string =>
    c.TaskSid ? { id, type, at, contactId: c.TaskSid, ...extra, ...source } : "TaskSid: is required";
  const agentId = c.WorkerName ?? c.WorkerSid;
  const agent = (state: Raw): Raw | string =>
    agentId ? { id: `${id}:agent`, type: "agent.state", at, agentId, ...state, ...source } : "WorkerName: is required (or WorkerSid)";
  const all = (...xs: (Raw | string)[]): Raw[] | string => xs.find((x): x is string => typeof x === "string") ?? (xs as Raw[]);

  switch (c.EventType) {
    case "task-queue.entered":
    case "task.created": {
      if (!c.TaskQueueName) return c.EventType === "task.created" ? null : "TaskQueueName: is required";
      const t = taskFacts(c.TaskAttributes, c.TaskChannelUniqueName);
      return all(contact("contact.offered", {
        queue: c.TaskQueueName,
        direction: t.direction,
        ...(t.channel && { channel: t.channel }),
        ...(t.customerId && { customerId: t.customerId }),
        ...(t.callSid && { callSid: t.callSid }),
      }));
    }
    case "reservation.accepted":
      return agentId ? all(contact("contact.answered", { agentId }), agent({ state: "busy" })) : "WorkerName: is required (or WorkerSid)";
    case "task.canceled":
      return all(contact("contact.abandoned", c.TaskCanceledReason ? { reason: c.TaskCanceledReason } : {}));
    case "task.wrapup":
      return all(contact("contact.ended"));
    case "reservation.wrapup":
      return all(contact("contact.ended"), agent({ state: "wrap-up" }));
    case "task.completed":
      return all(contact("contact.wrapped"));
    case "reservation.completed":
      // The worker's activity in force says where the agent goes after the task.
      return all(contact("contact.wrapped"), ...(c.WorkerActivityName ? [agent(activityState(c.WorkerActivityName))] : []));
    case "task.transfer-initiated":
      return all(contact("contact.transferred", c.TransferType ? { transferType: c.TransferType } : {}));
    case "worker.activity.update":
      return c.WorkerActivityName ? all(agent(activityState(c.WorkerActivityName))) : "WorkerActivityName: is required";
    default:
      return null;
  }
}
