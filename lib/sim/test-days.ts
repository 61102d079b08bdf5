import { createSimulation, type WireEvent } from "./engine";
import { DEMO_PROFILE } from "./profile";

/** Shared by the simulator's tests: three simulated weekdays of the demo center and ways to read them. */

export const HOUR = 3_600_000;
export const TZ = "Europe/Paris";
/** Monday 23 November 2026, local midnight. */
export const MONDAY = Date.parse("2026-11-23T00:00:00+01:00");

export const at = (e: WireEvent) => Date.parse(e.at);

export function simulate(seed: number, from: number, to: number, rateScale?: number): WireEvent[] {
  return createSimulation({ seed, profile: DEMO_PROFILE, startAt: from, timeZone: TZ, rateScale }).advanceTo(to);
}

export function byContact(events: readonly WireEvent[]): Map<string, WireEvent[]> {
  const contacts = new Map<string, WireEvent[]>();
  for (const e of events) {
    if (!e.contactId) continue;
    const list = contacts.get(e.contactId) ?? [];
    list.push(e);
    contacts.set(e.contactId, list);
  }
  return contacts;
}

/** Local hour in Paris (winter: UTC+1). */
export const localHour = (e: WireEvent) => Number(e.at.slice(11, 13));

let cached: { events: WireEvent[]; contacts: Map<string, WireEvent[]> } | undefined;

/** Monday 00:00 → Thursday 00:00, seed 7. */
export function threeWeekdays(): { events: WireEvent[]; contacts: Map<string, WireEvent[]> } {
  if (!cached) {
    const events = simulate(7, MONDAY, MONDAY + 72 * HOUR);
    cached = { events, contacts: byContact(events) };
  }
  return cached;
}
