import { describe, expect, it } from "vitest";
import { parseEvent } from "../events/schema";
import type { WireEvent } from "./engine";
import { DEMO_PROFILE } from "./profile";
import { at, HOUR, threeWeekdays } from "./test-days";

const { events, contacts } = threeWeekdays();
const inbound = events.filter((e) => e.type === "contact.offered" && e.direction === "inbound");
const story = (c: WireEvent) => contacts.get(c.contactId!)!;
const has = (c: WireEvent, type: string, extra: Partial<WireEvent> = {}) =>
  story(c).some((e) => e.type === type && Object.entries(extra).every(([k, v]) => e[k as keyof WireEvent] === v));
const handled = inbound.filter((c) => has(c, "contact.wrapped"));
const inQueue = (name: string) => (c: WireEvent) => c.queue === name;
const share = (part: WireEvent[], whole: WireEvent[]) => part.length / whole.length;

describe("inbound traffic", () => {
  it("emits only valid events over three days", () => {
    expect(events.length).toBeGreaterThan(20_000);
    for (const e of events) {
      const parsed = parseEvent(e, at(e));
      expect(parsed, `${e.id}: ${parsed.ok ? "" : parsed.error}`).toMatchObject({ ok: true });
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it("lets the IVR and the bot serve some contacts alone and escalate the others to the agents' line", () => {
    const botQueues = DEMO_PROFILE.queues.filter((q) => q.selfService).map((q) => q.name);
    expect(botQueues).toEqual(["billing", "chat-support"]);
    for (const name of botQueues) {
      const offered = inbound.filter(inQueue(name));
      const selfServed = offered.filter((c) => has(c, "contact.selfserved"));
      const escalated = offered.filter((c) => has(c, "contact.escalated", { from: "bot" }));
      const bot = DEMO_PROFILE.queues.find((q) => q.name === name)!.selfService!;
      // The bot takes `chance` of the arrivals and resolves `resolveChance` of those.
      expect(share(selfServed, offered)).toBeGreaterThan(0.6 * bot.chance * bot.resolveChance);
      expect(share(selfServed, offered)).toBeLessThan(1.4 * bot.chance * bot.resolveChance);
      expect(share(escalated, offered)).toBeGreaterThan(0.6 * bot.chance * (1 - bot.resolveChance));
      for (const c of selfServed) expect(story(c).filter((e) => e.type !== "survey.response").map((e) => e.type)).toEqual(["contact.offered", "contact.selfserved"]);
      for (const c of escalated) {
        const s = story(c);
        expect(s[1]!.type).toBe("contact.escalated");
        expect(s[1]).not.toHaveProperty("toQueue");
      }
    }
    const elsewhere = inbound.filter((c) => !botQueues.includes(c.queue!));
    expect(elsewhere.some((c) => has(c, "contact.selfserved") || has(c, "contact.escalated", { from: "bot" }))).toBe(false);
  });

  it("has agents transfer or escalate a few handled contacts just before the end, and never resolve those", () => {
    const transferred = handled.filter((c) => has(c, "contact.transferred"));
    const escalated = handled.filter((c) => has(c, "contact.escalated", { from: "agent" }));
    expect(share(transferred, handled)).toBeGreaterThan(0.015);
    expect(share(transferred, handled)).toBeLessThan(0.06);
    expect(share(escalated, handled)).toBeGreaterThan(0.01);
    expect(share(escalated, handled)).toBeLessThan(0.05);
    const agents = new Set(DEMO_PROFILE.agents.map((a) => a.id));
    for (const c of [...transferred, ...escalated]) {
      const s = story(c);
      const i = s.findIndex((e) => e.type === "contact.transferred" || e.from === "agent");
      expect(s[i + 1]).toMatchObject({ type: "contact.ended", at: s[i]!.at });
      expect(has(c, "contact.resolved")).toBe(false);
      const h = s[i]!;
      if (h.type === "contact.escalated") expect(["support-n2", "billing-disputes"]).toContain(h.toQueue);
      else if (h.toAgentId) expect(agents.has(h.toAgentId) && h.toAgentId !== s.find((e) => e.agentId)!.agentId).toBe(true);
      else expect(DEMO_PROFILE.queues.some((q) => q.name === h.toQueue && q.name !== c.queue)).toBe(true);
    }
    expect(transferred.some((c) => story(c).some((e) => e.toAgentId))).toBe(true);
  });

  it("sells on a share of the sales queue's handled contacts, and nowhere else inbound", () => {
    const sales = handled.filter(inQueue("sales"));
    const sold = sales.filter((c) => has(c, "contact.outcome", { outcome: "sale" }));
    expect(share(sold, sales)).toBeGreaterThan(0.12);
    expect(share(sold, sales)).toBeLessThan(0.32);
    for (const c of sold) {
      const sale = story(c).find((e) => e.outcome === "sale")!;
      expect(sale.amount).toBeGreaterThan(0);
      expect(Math.round(sale.amount! * 100) / 100).toBe(sale.amount);
      expect(at(sale)).toBeGreaterThanOrEqual(at(story(c).find((e) => e.type === "contact.wrapped")!));
    }
    expect(inbound.filter((c) => c.queue !== "sales").some((c) => has(c, "contact.outcome"))).toBe(false);
  });

  it("opens cases at a customer's first contact, carries them on repeat contacts, and closes them", () => {
    const opened = events.filter((e) => e.type === "case.opened");
    const closed = events.filter((e) => e.type === "case.closed");
    expect(opened.length).toBeGreaterThan(300);
    expect(new Set(opened.map((e) => e.caseId)).size).toBe(opened.length);
    expect(new Set(closed.map((e) => e.caseId)).size).toBe(closed.length);
    const openedAt = new Map(opened.map((e) => [e.caseId!, e]));
    const contactsOf = new Map<string, WireEvent[]>();
    for (const c of inbound.filter((c) => c.caseId)) contactsOf.set(c.caseId!, [...(contactsOf.get(c.caseId!) ?? []), c]);
    for (const [caseId, list] of contactsOf) {
      const open = openedAt.get(caseId)!;
      expect(open.customerId).toBe(list[0]!.customerId);
      expect(open.at).toBe(list[0]!.at);
      for (const c of list) expect(c.customerId).toBe(open.customerId);
    }
    for (const e of closed) {
      expect(at(e)).toBeGreaterThanOrEqual(at(openedAt.get(e.caseId!)!));
      expect(e.customerId).toBe(openedAt.get(e.caseId!)!.customerId);
    }
    // A case closed with a contact's resolution, or later by the back office; some need several contacts.
    expect(closed.length / opened.length).toBeGreaterThan(0.6);
    expect([...contactsOf.values()].filter((l) => l.length > 1).length).toBeGreaterThan(30);
    const resolvedAt = new Set(events.filter((e) => e.type === "contact.resolved" || e.type === "contact.selfserved").map((e) => e.at));
    expect(closed.filter((e) => resolvedAt.has(e.at)).length / closed.length).toBeGreaterThan(0.5);
    expect(share(inbound.filter(inQueue("email")).filter((c) => c.caseId), inbound.filter(inQueue("email")))).toBeGreaterThan(0.45);
    expect(inbound.filter(inQueue("sales")).some((c) => c.caseId)).toBe(false);
  });

  it("brings some customers back, minutes to days later, under the same customer id", () => {
    const byCustomer = new Map<string, WireEvent[]>();
    for (const c of inbound) byCustomer.set(c.customerId!, [...(byCustomer.get(c.customerId!) ?? []), c]);
    const gaps = [...byCustomer.values()].flatMap((list) => list.slice(1).map((c, i) => at(c) - at(list[i]!)));
    const returning = gaps.length / inbound.length;
    expect(returning).toBeGreaterThan(0.08);
    expect(returning).toBeLessThan(0.3);
    expect(gaps.filter((g) => g < HOUR).length).toBeGreaterThan(20);
    expect(gaps.filter((g) => g > 12 * HOUR && g < 3 * 24 * HOUR).length).toBeGreaterThan(100);
    // The resolution flag tells a first contact from a repeat.
    const firstOf = new Set([...byCustomer.values()].map((list) => list[0]!.contactId));
    for (const r of events.filter((e) => e.type === "contact.resolved")) expect(r.firstContact).toBe(firstOf.has(r.contactId!));
    // Some "resolved" first contacts still come back within days: what FCR by repeat catches.
    const resolvedFirst = [...byCustomer.values()].filter((list) => has(list[0]!, "contact.resolved"));
    const cameBack = resolvedFirst.filter((list) => list.length > 1);
    expect(share(cameBack.map((l) => l[0]!), resolvedFirst.map((l) => l[0]!))).toBeGreaterThan(0.01);
    expect(share(cameBack.map((l) => l[0]!), resolvedFirst.map((l) => l[0]!))).toBeLessThan(0.12);
  });
});
