import { before, type Mark } from "./facts";

/**
 * Each customer's inbound contacts in time order, to tell whether a contact was
 * followed by another from the same customer (FCR by repeat, repeat-contact rate).
 * Entries are (offered time, contact id).
 */
export class CustomerIndex {
  private readonly byCustomer = new Map<string, Mark[]>();

  /** Sets (or with `at` undefined, removes) a contact's place; returns the contacts whose successor changed. */
  set(customerId: string, contactId: string, at: number | undefined): string[] {
    let list = this.byCustomer.get(customerId);
    if (!list) {
      if (at === undefined) return [];
      this.byCustomer.set(customerId, (list = []));
    }
    const affected: string[] = [];
    const old = list.findIndex((m) => m.id === contactId);
    if (old >= 0) {
      if (at !== undefined && list[old]!.at === at) return [];
      if (old > 0) affected.push(list[old - 1]!.id);
      list.splice(old, 1);
    }
    if (at !== undefined) {
      const entry = { at, id: contactId };
      let i = list.length;
      while (i > 0 && before(entry, list[i - 1]!)) i--;
      list.splice(i, 0, entry);
      if (i > 0) affected.push(list[i - 1]!.id);
    }
    if (list.length === 0) this.byCustomer.delete(customerId);
    return [...new Set(affected)].filter((id) => id !== contactId);
  }

  /** Offered time of the contact following `contactId`, if any. */
  nextAt(customerId: string, contactId: string): number | undefined {
    const list = this.byCustomer.get(customerId);
    if (!list) return undefined;
    const i = list.findIndex((m) => m.id === contactId);
    return i >= 0 && i + 1 < list.length ? list[i + 1]!.at : undefined;
  }
}
