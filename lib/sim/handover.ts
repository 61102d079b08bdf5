import type { EventFields, SimContext } from "./context";
import type { QueueProfile } from "./profile";
import { chance, pick } from "./rng";

/** A handled contact the agent passes on at the end of the talk: transferred, or escalated to tier 2. */
export type Handover =
  | { type: "contact.transferred"; fields: Pick<EventFields, "toQueue" | "toAgentId"> }
  | { type: "contact.escalated"; fields: Pick<EventFields, "toQueue" | "from"> };

export function pickHandover(ctx: SimContext, queue: QueueProfile, agentId: string): Handover | null {
  const { rand } = ctx;
  const { transfer, escalation } = queue;
  const x = rand();
  if (transfer && x < transfer.chance) {
    const colleagues = ctx.profile.agents.filter((a) => a.id !== agentId && a.queues.includes(queue.name));
    if (colleagues.length > 0 && chance(rand, transfer.toAgentChance)) {
      return { type: "contact.transferred", fields: { toAgentId: pick(rand, colleagues).id } };
    }
    return { type: "contact.transferred", fields: { toQueue: pick(rand, transfer.toQueues) } };
  }
  if (escalation && x < (transfer?.chance ?? 0) + escalation.chance) {
    return { type: "contact.escalated", fields: { toQueue: escalation.toQueue, from: "agent" } };
  }
  return null;
}
