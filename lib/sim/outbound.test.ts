import { describe, expect, it } from "vitest";
import type { WireEvent } from "./engine";
import { DEMO_PROFILE } from "./profile";
import { at, HOUR, localHour, MONDAY, simulate, threeWeekdays } from "./test-days";

const { events, contacts } = threeWeekdays();
const calls = events.filter((e) => e.type === "contact.offered" && e.direction === "outbound");
const story = (call: WireEvent) => contacts.get(call.contactId!)!;
const outcomes = (call: WireEvent) => story(call).filter((e) => e.type === "contact.outcome").map((e) => e.outcome);
const NOT_CONNECTED = ["no-answer", "busy", "invalid-number", "voicemail"];
const campaign = DEMO_PROFILE.campaigns[0]!;

describe("outbound campaign", () => {
  it("dials the campaign's queue from a finite call list, several times per record at different hours", () => {
    expect(calls.length).toBeGreaterThan(1500);
    for (const c of calls) expect(c).toMatchObject({ queue: "relance", channel: "voice", campaign: "relance-devis" });
    const byRecord = new Map<string, WireEvent[]>();
    for (const c of calls) byRecord.set(c.customerId!, [...(byRecord.get(c.customerId!) ?? []), c]);
    expect(byRecord.size).toBeLessThanOrEqual(3 * campaign.list.recordsPerDay);
    const repeated = [...byRecord.values()].filter((list) => list.length >= 3);
    expect(repeated.length).toBeGreaterThan(100);
    for (const list of byRecord.values()) {
      expect(list.length).toBeLessThanOrEqual(campaign.list.maxAttempts);
      const hours = list.map((c) => `${c.at.slice(0, 10)} ${localHour(c)}`);
      expect(new Set(list.map(localHour)).size, list[0]!.customerId).toBe(list.length);
      expect(new Set(hours).size).toBe(list.length);
    }
  });

  it("calls only within calling hours on weekdays", () => {
    for (const c of calls) {
      expect(localHour(c)).toBeGreaterThanOrEqual(9);
      expect(localHour(c)).toBeLessThan(20);
    }
    const sunday = simulate(4, MONDAY - 24 * HOUR, MONDAY);
    expect(sunday.some((e) => e.direction === "outbound")).toBe(false);
  });

  it("ends each attempt at the ringing, with a drop, or after a conversation with argued and a final outcome", () => {
    for (const c of calls) {
      const s = story(c);
      const types = s.map((e) => e.type);
      const out = outcomes(c);
      if (types.includes("contact.abandoned")) {
        // Dropped by the dialer: connected, but no agent within the drop delay.
        expect(out).toEqual([]);
        expect(at(s.find((e) => e.type === "contact.abandoned")!) - at(c)).toBeLessThan(2 * 60_000);
      } else if (types.includes("contact.answered")) {
        if (!types.includes("contact.wrapped")) continue; // still talking at the end of the run
        const wrapped = at(s.find((e) => e.type === "contact.wrapped")!);
        for (const o of s.filter((e) => e.type === "contact.outcome")) expect(at(o)).toBeGreaterThanOrEqual(wrapped);
        expect(out).toSatisfy((o: string[]) => o.join() === "refused" || /^argued,(agreed|refused|sale)$/.test(o.join()));
        const sale = s.find((e) => e.outcome === "sale");
        if (sale) expect(sale.amount).toBeGreaterThan(0);
      } else if (out.length > 0) {
        expect(out.length).toBe(1);
        expect(NOT_CONNECTED).toContain(out[0]);
        const [outcome, ended] = s.slice(1);
        expect(ended).toMatchObject({ type: "contact.ended", at: outcome!.at });
        expect(at(outcome!) - at(c)).toBeLessThan(60_000);
      }
    }
  });

  it("connects about a third of the attempts, drops a few, and argues most connected calls", () => {
    const count = (pred: (c: WireEvent) => boolean) => calls.filter(pred).length;
    const notConnected = count((c) => NOT_CONNECTED.includes(outcomes(c)[0]!));
    const reached = count((c) => ["refused", "agreed", "sale"].includes(outcomes(c).at(-1)!));
    const dropped = count((c) => story(c).some((e) => e.type === "contact.abandoned"));
    const argued = count((c) => outcomes(c).includes("argued"));
    const sales = count((c) => outcomes(c).includes("sale"));
    const agreed = count((c) => outcomes(c).includes("agreed"));
    expect(notConnected / calls.length).toBeGreaterThan(0.55);
    expect(notConnected / calls.length).toBeLessThan(0.8);
    expect(reached / calls.length).toBeGreaterThan(0.2);
    expect(dropped).toBeGreaterThan(0);
    expect(dropped / (reached + dropped)).toBeLessThan(0.06);
    expect(argued / reached).toBeGreaterThan(0.7);
    expect(argued / reached).toBeLessThan(0.9);
    expect(sales / argued).toBeGreaterThan(0.08);
    expect(sales / argued).toBeLessThan(0.25);
    expect(agreed / argued).toBeGreaterThan(0.2);
    for (const o of ["no-answer", "busy", "invalid-number", "voicemail"]) expect(count((c) => outcomes(c)[0] === o), o).toBeGreaterThan(10);
  });
});
