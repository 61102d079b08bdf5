import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCALES, parseEvent } from "../events/schema";
import { createSimulation, type WireEvent } from "./engine";
import { DEMO_PROFILE } from "./profile";

const HOUR = 3_600_000;
const TZ = "Europe/Paris";
/** A Monday, 08:00 in Paris: the busiest day of the week is about to start. */
const MONDAY_8 = Date.parse("2026-11-23T08:00:00+01:00");
const at = (e: WireEvent) => Date.parse(e.at);

function simulate(seed: number, from: number, to: number, rateScale?: number): WireEvent[] {
  return createSimulation({ seed, profile: DEMO_PROFILE, startAt: from, timeZone: TZ, rateScale }).advanceTo(to);
}

function byContact(events: readonly WireEvent[]): Map<string, WireEvent[]> {
  const contacts = new Map<string, WireEvent[]>();
  for (const e of events) {
    if (!e.contactId) continue;
    const list = contacts.get(e.contactId) ?? [];
    list.push(e);
    contacts.set(e.contactId, list);
  }
  return contacts;
}

// 08:00 → 20:00 on a Monday, shared by the tests that only read it.
const day = simulate(7, MONDAY_8, MONDAY_8 + 12 * HOUR);
const contacts = byContact(day);
const offered = day.filter((e) => e.type === "contact.offered");

describe("simulation engine", () => {
  it("gives the same events for the same seed, and unrelated ids for another seed", () => {
    expect(simulate(7, MONDAY_8, MONDAY_8 + 12 * HOUR)).toEqual(day);
    const other = simulate(8, MONDAY_8, MONDAY_8 + 12 * HOUR);
    expect(other).not.toEqual(day);
    const ids = new Set(day.flatMap((e) => [e.id, e.contactId ?? e.id]));
    expect(other.some((e) => ids.has(e.id) || (e.contactId !== undefined && ids.has(e.contactId)))).toBe(false);
  });

  it("produces valid, uniquely identified events in time order", () => {
    expect(day.length).toBeGreaterThan(1000);
    for (const e of day) {
      const parsed = parseEvent(e, at(e));
      expect(parsed, `${e.id}: ${parsed.ok ? "" : parsed.error}`).toMatchObject({ ok: true });
      expect(e.at).toMatch(/T\d\d:\d\d:\d\d\.\d{3}\+01:00$/);
    }
    expect(new Set(day.map((e) => e.id)).size).toBe(day.length);
    expect(new Set(offered.map((e) => e.contactId)).size).toBe(offered.length);
    for (let i = 1; i < day.length; i++) expect(at(day[i]!)).toBeGreaterThanOrEqual(at(day[i - 1]!));
  });

  it("keeps every contact's story causally ordered", () => {
    expect(contacts.size).toBe(offered.length);
    for (const [id, events] of contacts) {
      const types = events.map((e) => e.type);
      const first = (t: string) => events.find((e) => e.type === t);
      const count = (t: string) => types.filter((x) => x === t).length;
      expect(types[0], id).toBe("contact.offered");
      expect(count("contact.offered") + count("contact.answered") + count("contact.abandoned"), id).toBeLessThanOrEqual(2);
      // The full story, in stream order: a bot may come first; holds alternate; a handover comes
      // just before the end; dispositions and outcomes after the wrap-up, or at the ringing for
      // outbound calls that never connected.
      const story = types.filter((t) => t !== "contact.responded" && t !== "survey.response").join(" ");
      expect(story, id).toMatch(
        new RegExp(
          "^contact\\.offered( (" +
            "contact\\.selfserved|" +
            "contact\\.outcome contact\\.ended|" +
            "contact\\.escalated|" +
            "(contact\\.escalated )?(contact\\.abandoned|" +
            "contact\\.answered( contact\\.held contact\\.resumed)*( contact\\.(transferred|escalated))?" +
            "( contact\\.ended( contact\\.wrapped( contact\\.resolved)?( contact\\.outcome)*)?)?)" +
            "))?$",
        ),
      );
      for (let i = 1; i < events.length; i++) expect(at(events[i]!)).toBeGreaterThanOrEqual(at(events[i - 1]!));
      const answered = first("contact.answered");
      const ended = first("contact.ended");
      const responded = first("contact.responded");
      if (responded && ended) expect(at(responded)).toBeLessThanOrEqual(at(ended));
      if (responded) expect(at(responded)).toBeGreaterThanOrEqual(at(answered!));
      const wrapped = first("contact.wrapped");
      for (const s of events.filter((e) => e.type === "survey.response")) {
        expect(wrapped ?? first("contact.selfserved"), id).toBeDefined();
        expect(at(s)).toBeGreaterThan(at((wrapped ?? first("contact.selfserved"))!));
      }
    }
  });

  it("answers most inbound contacts of a busy hour that reach an agent's line, and lets some abandon", () => {
    const fate = (e: WireEvent) => contacts.get(e.contactId!)!.map((x) => x.type);
    const tenToEleven = offered.filter(
      (e) => e.direction === "inbound" && !fate(e).includes("contact.selfserved") && at(e) >= MONDAY_8 + 2 * HOUR && at(e) < MONDAY_8 + 3 * HOUR,
    );
    const answered = tenToEleven.filter((e) => fate(e).includes("contact.answered")).length;
    const abandoned = tenToEleven.filter((e) => fate(e).includes("contact.abandoned")).length;
    expect(tenToEleven.length).toBeGreaterThan(40);
    expect(abandoned).toBeGreaterThan(0);
    expect(answered / tenToEleven.length).toBeGreaterThan(0.8);
    expect(answered + abandoned).toBe(tenToEleven.length);
  });

  it("follows the intraday curve: the night is much quieter than the morning peak", () => {
    const full = simulate(3, MONDAY_8 - 8 * HOUR, MONDAY_8 + 4 * HOUR);
    const offeredIn = (from: number) =>
      full.filter((e) => e.type === "contact.offered" && at(e) >= from && at(e) < from + HOUR).length;
    expect(offeredIn(MONDAY_8 + 2 * HOUR)).toBeGreaterThan(5 * offeredIn(MONDAY_8 - 5 * HOUR));
  });

  it("logs in the agents on shift at the start, with their queues", () => {
    const logins = day.filter((e) => at(e) === MONDAY_8 && e.type === "agent.state");
    const onShift = DEMO_PROFILE.agents.filter((a) => a.shift.start <= 8 && a.shift.end > 8);
    expect(logins.map((e) => [e.agentId, e.state, e.queues])).toEqual(
      onShift.map((a) => [a.id, "available", a.queues]),
    );
  });

  it("has agents answer only their queues, one contact at a time, in the matching states", () => {
    const skills = new Map(DEMO_PROFILE.agents.map((a) => [a.id, new Set(a.queues)]));
    const queueOf = new Map(offered.map((e) => [e.contactId!, e.queue!]));
    const current = new Map<string, string>();
    const state = new Map<string, string>();
    for (const e of day) {
      if (e.type === "agent.state") state.set(e.agentId!, e.state!);
      if (e.type === "contact.answered") {
        expect(skills.get(e.agentId!)!.has(queueOf.get(e.contactId!)!)).toBe(true);
        expect(current.has(e.agentId!), `${e.agentId} already on a contact`).toBe(false);
        expect(state.get(e.agentId!)).toBe("available");
        current.set(e.agentId!, e.contactId!);
      }
      if (e.type === "contact.wrapped") {
        const agent = [...current].find(([, c]) => c === e.contactId)![0];
        expect(state.get(agent)).toBe("wrap-up");
        current.delete(agent);
      }
    }
    const paused = day.filter((e) => e.type === "agent.state" && e.state === "paused");
    expect(new Set(paused.map((e) => e.reason))).toContain("lunch");
    expect(day.some((e) => e.type === "agent.state" && e.state === "offline")).toBe(true);
  });

  it("keeps survey scores within their scales and lower after long waits", () => {
    // Twice the demo traffic for three weekdays: an overloaded center, so that long waits are common.
    const week = simulate(11, MONDAY_8, MONDAY_8 + 3 * 24 * HOUR, 2);
    const surveys = week.filter((e) => e.type === "survey.response");
    expect(surveys.length).toBeGreaterThan(200);
    for (const s of surveys) {
      const { min, max } = DEFAULT_SCALES[s.kind!];
      expect(s.score).toBeGreaterThanOrEqual(min);
      expect(s.score).toBeLessThanOrEqual(max);
      expect(Number.isInteger(s.score)).toBe(true);
    }
    const story = byContact(week);
    const wait = (contactId: string) => {
      const events = story.get(contactId)!;
      return at(events.find((e) => e.type === "contact.answered")!) - at(events[0]!);
    };
    const voice = new Set(DEMO_PROFILE.queues.filter((q) => q.channel === "voice").map((q) => q.name));
    const voiceCsat = surveys.filter((s) => s.kind === "csat" && s.topic === undefined && s.agentId && voice.has(s.queue!));
    const mean = (xs: WireEvent[]) => xs.reduce((sum, s) => sum + s.score!, 0) / xs.length;
    const quick = voiceCsat.filter((s) => wait(s.contactId!) < 15_000);
    const slow = voiceCsat.filter((s) => wait(s.contactId!) > 45_000);
    expect(quick.length).toBeGreaterThan(30);
    expect(slow.length).toBeGreaterThan(30);
    expect(mean(quick)).toBeGreaterThan(mean(slow) + 0.3);
  });

  it("models channels: chats get a first reply, emails never abandon, some customers call back", () => {
    const channelOf = new Map(offered.map((e) => [e.contactId!, e.channel]));
    const answeredChats = day.filter((e) => e.type === "contact.answered" && channelOf.get(e.contactId!) === "chat");
    expect(answeredChats.length).toBeGreaterThan(10);
    for (const c of answeredChats) {
      const ended = contacts.get(c.contactId!)!.some((e) => e.type === "contact.ended");
      if (ended) expect(contacts.get(c.contactId!)!.some((e) => e.type === "contact.responded")).toBe(true);
    }
    expect(day.some((e) => e.type === "contact.abandoned" && channelOf.get(e.contactId!) === "email")).toBe(false);
    expect(offered.some((e) => e.channel === "email")).toBe(true);
    const customers = offered.map((e) => e.customerId);
    expect(new Set(customers).size).toBeLessThan(customers.length);
    const resolved = day.filter((e) => e.type === "contact.resolved");
    expect(resolved.some((e) => e.firstContact === false)).toBe(true);
    expect(resolved.some((e) => e.firstContact === true)).toBe(true);
  });

  it("gives the same events whether time advances in many small steps or one big step", () => {
    const from = MONDAY_8 + 2 * HOUR;
    const to = from + HOUR;
    const whole = simulate(5, from, to);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 120_000 }), { minLength: 1, maxLength: 200 }), (steps) => {
        const sim = createSimulation({ seed: 5, profile: DEMO_PROFILE, startAt: from, timeZone: TZ });
        const pieces: WireEvent[] = [];
        let t = from;
        for (const step of steps) {
          t = Math.min(to, t + step);
          const got = sim.advanceTo(t);
          for (const e of got) expect(at(e)).toBeLessThanOrEqual(t);
          pieces.push(...got);
        }
        pieces.push(...sim.advanceTo(to));
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 25 },
    );
  });

  it("gives the same whole day, with every event family, in one-minute steps as in one step", () => {
    const from = MONDAY_8 - 8 * HOUR;
    const sim = createSimulation({ seed: 9, profile: DEMO_PROFILE, startAt: from, timeZone: TZ });
    const pieces: WireEvent[] = [];
    for (let t = from + 60_000; t <= from + 24 * HOUR; t += 60_000) pieces.push(...sim.advanceTo(t));
    const whole = simulate(9, from, from + 24 * HOUR);
    expect(pieces).toEqual(whole);
    const families = new Set(whole.map((e) => (e.type === "survey.response" ? `${e.kind}${e.topic ? `:${e.topic}` : ""}` : e.type)));
    for (const family of ["contact.outcome", "contact.selfserved", "contact.escalated", "contact.transferred", "case.opened", "case.closed", "ces", "csat:wait", "enps"]) {
      expect(families).toContain(family);
    }
  });

  it("keeps shifts on the local clock across a daylight-saving change", () => {
    const from = Date.parse("2026-03-28T12:00:00+01:00");
    const events = simulate(2, from, Date.parse("2026-03-29T12:00:00+02:00"));
    const loginsAt = (id: string) =>
      events.filter((e) => e.agentId === id && e.type === "agent.state" && e.state === "available" && at(e) > from).map((e) => e.at);
    // a-101 works 07:00–15:00, a-119 22:00–07:00.
    expect(loginsAt("a-101")).toContain("2026-03-29T07:00:00.000+02:00");
    expect(loginsAt("a-119")).toContain("2026-03-28T22:00:00.000+01:00");
    for (const e of events) expect(parseEvent(e, at(e)).ok).toBe(true);
  });

  it("rejects an unknown time zone and emits no contacts at a rate scale of 0", () => {
    expect(() => createSimulation({ seed: 1, profile: DEMO_PROFILE, startAt: MONDAY_8, timeZone: "Mars/Olympus" })).toThrow(RangeError);
    const quiet = simulate(1, MONDAY_8, MONDAY_8 + 2 * HOUR, 0);
    expect(quiet.some((e) => e.type === "contact.offered")).toBe(false);
    expect(quiet.some((e) => e.type === "agent.state")).toBe(true);
  });
});
