import type { Contact, Handling, Router, SimContext } from "./context";
import { createCustomers, type Customer } from "./customers";
import { pickHandover, type Handover } from "./handover";
import type { QueueProfile } from "./profile";
import { chance, exponential } from "./rng";
import type { Surveys } from "./surveys";

/**
 * An inbound contact from arrival to its last word: its customer and case, the
 * IVR or bot some meet first, the agent's line, and at the end a transfer or an
 * escalation, a resolution, an assisted sale, surveys, and maybe a return.
 */

export interface Inbound {
  /** A contact arrives on the queue, from a new customer unless one comes back. */
  arrive(queue: QueueProfile, at: number, returning?: Customer): void;
}

export function createInbound(ctx: SimContext, router: Router, surveys: Surveys): Inbound {
  const { rand, emit } = ctx;
  const customers = createCustomers(ctx, (queue, at, customer) => arrive(queue, at, customer));

  function arrive(q: QueueProfile, at: number, returning?: Customer): void {
    const customer = returning ?? customers.newcomer();
    const repeat = returning !== undefined;
    const { caseId, opened } = customers.caseFor(customer, q);
    const contactId = ctx.newId("c");
    emit("contact.offered", at, {
      contactId, queue: q.name, channel: q.channel, direction: "inbound", customerId: customer.id,
      ...(caseId === undefined ? {} : { caseId }),
    });
    if (opened) emit("case.opened", at, { caseId, customerId: customer.id });

    let viaBot = false;
    let handover: Handover | null = null;
    const handling: Handling = {
      talk: () => ctx.duration(q.talk),
      ending(endAt, agentId) {
        handover = pickHandover(ctx, q, agentId);
        if (handover) emit(handover.type, endAt, { contactId, ...handover.fields });
      },
      wrapped(wrapAt, { agentId, waitMs, holdMs }) {
        const resolved = handover === null && chance(rand, q.resolveChance);
        if (resolved) emit("contact.resolved", wrapAt, { contactId, firstContact: !repeat });
        if (handover === null && q.sale && chance(rand, q.sale.chance)) {
          emit("contact.outcome", wrapAt, { contactId, outcome: "sale", amount: ctx.amount(q.sale.amount) });
        }
        customers.after(customer, q, wrapAt, resolved ? "resolved" : "unresolved");
        surveys.afterHandled({
          contactId, queue: q, agentId, at: wrapAt, waitMs, holdMs, resolved,
          handedOver: handover !== null, repeat, viaBot,
        });
      },
      abandoned: (leftAt) => customers.after(customer, q, leftAt, "abandoned"),
    };
    const contact: Contact = { id: contactId, queue: q.name, offeredAt: at, status: "waiting", handling };
    const joinLine = (from: number) => {
      const giveUpAt = q.patienceSeconds === null ? null : from + Math.max(1, Math.round(exponential(rand, q.patienceSeconds * 1000)));
      router.enqueue(contact, from, giveUpAt);
    };

    const bot = q.selfService;
    if (!bot || !chance(rand, bot.chance)) return joinLine(at);
    viaBot = true;
    const doneAt = at + ctx.duration(bot.duration);
    ctx.schedule(doneAt, () => {
      if (chance(rand, bot.resolveChance)) {
        contact.status = "gone";
        emit("contact.selfserved", doneAt, { contactId });
        customers.after(customer, q, doneAt, "resolved");
        surveys.afterSelfServed(contactId, q, doneAt);
      } else {
        emit("contact.escalated", doneAt, { contactId, from: "bot" });
        joinLine(doneAt);
      }
    });
  }

  return { arrive };
}
