import { z } from "zod";
import { connectTime, optionalTime } from "./time";

/**
 * The agent event stream fields Vigie reads, from "Agent event streams data
 * model" (docs.aws.amazon.com/connect/latest/adminguide/agent-event-stream-model.html).
 * The snapshot's nested parts only refine the state: a malformed one is
 * dropped rather than the whole event.
 */
const name = z.string().trim().min(1).max(256).nullish().catch(null);

const contact = z.looseObject({
  ContactId: name,
  /** INCOMING | PENDING | CONNECTING | CONNECTED | CONNECTED_ONHOLD | MISSED | PAUSED | REJECTED | ERROR | ENDED (= after-contact work). */
  State: name,
  StateStartTimestamp: optionalTime.catch(null),
});

const snapshot = z
  .looseObject({
    AgentStatus: z.looseObject({ Name: name, Type: name }).nullish().catch(null),
    Configuration: z
      .looseObject({
        Username: name,
        RoutingProfile: z
          .looseObject({ InboundQueues: z.array(z.looseObject({ Name: name }).catch({ Name: null })).nullish() })
          .nullish()
          .catch(null),
      })
      .nullish()
      .catch(null),
    Contacts: z.array(contact.catch({ ContactId: null, State: null, StateStartTimestamp: null })).nullish().catch(null),
  })
  .nullish()
  .catch(null);

export const agentEventSchema = z.looseObject({
  EventId: z.string().trim().min(1, "is required").max(180),
  /** LOGIN | LOGOUT | STATE_CHANGE | HEART_BEAT. */
  EventType: z.string().trim().min(1, "is required").max(100),
  EventTimestamp: connectTime,
  AgentARN: name,
  CurrentAgentSnapshot: snapshot,
  PreviousAgentSnapshot: snapshot,
});

export type AgentEvent = z.output<typeof agentEventSchema>;
export type AgentSnapshot = NonNullable<AgentEvent["CurrentAgentSnapshot"]>;
