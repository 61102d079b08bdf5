import { hourly, type SimContext } from "./context";
import type { QueueProfile } from "./profile";
import { chance } from "./rng";

/**
 * Customers, their cases and their returns. A customer keeps one id for good;
 * one left without an answer may come back on the same queue hours or days
 * later (the repeat contacts), still on their open case if they had one.
 */

export interface Customer {
  id: string;
  /** The case still open for this customer, carried by their next contacts. */
  caseId?: string;
}

/** How the customer's contact ended, as far as they are concerned. */
export type Ending = "abandoned" | "unresolved" | "resolved";

export interface Customers {
  newcomer(): Customer;
  /** The case a contact belongs to: the customer's open case, else maybe a new one (emits nothing). */
  caseFor(customer: Customer, queue: QueueProfile): { caseId?: string; opened: boolean };
  /** After a contact: close the case when resolved, maybe come back later, else let the back office close the case. */
  after(customer: Customer, queue: QueueProfile, at: number, ending: Ending): void;
}

export function createCustomers(
  ctx: SimContext,
  comeBack: (queue: QueueProfile, at: number, customer: Customer) => void,
): Customers {
  const { rand, profile } = ctx;

  function close(customer: Customer, at: number): void {
    if (customer.caseId === undefined) return;
    ctx.emit("case.closed", at, { caseId: customer.caseId, customerId: customer.id });
    customer.caseId = undefined;
  }

  /** Few customers call back in the dead of night: those wait for the next morning. */
  function whenAwake(queue: QueueProfile, at: number): number {
    const peak = Math.max(...queue.intraday);
    if (hourly(queue.intraday, ctx.localTime(at).hour) >= 0.2 * peak) return at;
    return ctx.nextLocalTime(at, 8 + 4 * rand());
  }

  return {
    newcomer: () => ({ id: ctx.newId("cust") }),

    caseFor(customer, queue) {
      if (customer.caseId !== undefined) return { caseId: customer.caseId, opened: false };
      if (!chance(rand, queue.caseChance ?? 0)) return { opened: false };
      customer.caseId = ctx.newId("case");
      return { caseId: customer.caseId, opened: true };
    },

    after(customer, queue, at, ending) {
      if (ending === "resolved") close(customer, at);
      const { afterAbandon, afterUnresolved, afterResolved } = profile.returns;
      const back = ending === "abandoned" ? afterAbandon : ending === "resolved" ? afterResolved : afterUnresolved;
      if (chance(rand, back.chance)) {
        const returnAt = whenAwake(queue, at + ctx.duration(back.delay, 60_000));
        ctx.schedule(returnAt, () => comeBack(queue, returnAt, customer));
      } else if (customer.caseId !== undefined) {
        const closeAt = at + ctx.duration(profile.cases.backOffice, 60_000);
        ctx.schedule(closeAt, () => close(customer, closeAt));
      }
    },
  };
}
