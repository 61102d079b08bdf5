import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEvent, type VigieEvent } from "../events/schema";
import { occupancyAt, rowsInScope } from "./agent-grid";
import { MetricsEngine } from "./engine";
import { minuteStarts, spanFilter, waitingAt, type WaitSpan } from "./minute-series";
import type { Scope } from "./scope";
import { AGENTS, CHANNELS, QUEUES, streamArb } from "./testing/streams";

/** The agent grid, the waiting list and the minute chart: pure views the engine keeps beside its metrics. */

const TZ = "Europe/Paris";
const NOW = Date.parse("2026-11-23T15:00:00+01:00");
const cfg = { timeZone: TZ, slSeconds: 18 };

let n = 0;
function ev(raw: Record<string, unknown>): VigieEvent {
  const r = parseEvent({ id: `v${n++}`, ...raw }, NOW);
  if (!r.ok) throw new Error(r.error);
  return r.event;
}
const t = (secondsBeforeNow: number) => NOW - secondsBeforeNow * 1000;

describe("hand-computed views", () => {
  const engine = new MetricsEngine(cfg);
  engine.applyAll(
    [
      ev({ type: "agent.state", at: t(3600), agentId: "a1", state: "available", queues: ["support"] }),
      ev({ type: "agent.state", at: t(290), agentId: "a1", state: "busy" }),
      ev({ type: "agent.state", at: t(1000), agentId: "a2", state: "paused", reason: "lunch", queues: ["sales"] }),
      ev({ type: "agent.state", at: t(30 * 3600), agentId: "a3", state: "offline", queues: ["support"] }),
      // c1 handled by a1; c2 answered by a1, still talking; c6 ended, in after-contact work.
      ev({ type: "contact.offered", at: t(700), contactId: "c1", queue: "support" }),
      ev({ type: "contact.answered", at: t(690), contactId: "c1", agentId: "a1" }),
      ev({ type: "contact.ended", at: t(400), contactId: "c1" }),
      ev({ type: "contact.wrapped", at: t(380), contactId: "c1" }),
      ev({ type: "contact.answered", at: t(290), contactId: "c2", agentId: "a1" }),
      ev({ type: "contact.offered", at: t(300), contactId: "c2", queue: "support", channel: "chat" }),
      ev({ type: "contact.offered", at: t(900), contactId: "c6", queue: "sales" }),
      ev({ type: "contact.answered", at: t(880), contactId: "c6", agentId: "a2" }),
      ev({ type: "contact.ended", at: t(800), contactId: "c6" }),
      // c3 waits 100 s; c4 was with a bot until 60 s ago; c5 waited 5 minutes then abandoned.
      ev({ type: "contact.offered", at: t(100), contactId: "c3", queue: "support", customerId: "cust-3" }),
      ev({ type: "contact.offered", at: t(200), contactId: "c4", queue: "support", channel: "chat" }),
      ev({ type: "contact.escalated", at: t(60), contactId: "c4", from: "bot" }),
      ev({ type: "contact.offered", at: t(1800), contactId: "c5", queue: "sales" }),
      ev({ type: "contact.abandoned", at: t(1500), contactId: "c5" }),
    ],
    NOW,
  );

  it("gives each agent in scope its state, reason, open contact and contacts handled today", () => {
    const rows = engine.agentGrid(NOW);
    expect(rows.map((r) => r.agentId)).toEqual(["a1", "a2"]); // a3 is offline since yesterday
    const support = rowsInScope(rows, "queue:support");
    expect(support).toHaveLength(1);
    expect(support[0]).toMatchObject({
      agentId: "a1", state: "busy", since: t(290), reason: null, queues: ["support"],
      contact: { contactId: "c2", queue: "support", channel: "chat", phase: "talking", since: t(290) },
      openContacts: 1, handledToday: 1,
      time: { availableMs: 3310_000, busyMs: 0, wrapUpMs: 0, pausedMs: 0 }, timeAsOf: t(290),
    });
    expect(occupancyAt(support[0]!, NOW)).toBeCloseTo(290 / 3600, 10);
    expect(rowsInScope(rows, "queue:sales")[0]).toMatchObject({
      agentId: "a2", state: "paused", reason: "lunch", contact: { contactId: "c6", phase: "wrap-up", since: t(800) }, handledToday: 0,
    });
    expect(rowsInScope(rows, "channel:voice")).toEqual([]);
    expect(rowsInScope(rows, "agent:a2").map((r) => r.agentId)).toEqual(["a2"]);
    expect(engine.metrics("agent:a1", "today", NOW).handled).toBe(1);
  });

  it("lists the contacts waiting in a scope, longest wait first, waits counted from a bot's hand-over", () => {
    expect(engine.waitingList("queue:support")).toEqual({
      total: 2,
      contacts: [
        { contactId: "c3", queue: "support", channel: "voice", customerId: "cust-3", offeredAt: t(100), queuedAt: t(100) },
        { contactId: "c4", queue: "support", channel: "chat", customerId: null, offeredAt: t(200), queuedAt: t(60) },
      ],
    });
    expect(engine.waitingList("channel:chat").contacts.map((c) => c.contactId)).toEqual(["c4"]);
    expect(engine.waitingList("queue:sales").total).toBe(0);
  });

  it("counts contacts waiting at the end of each minute of the last hour", () => {
    const points = engine.minuteSeries("all", NOW);
    expect(points).toHaveLength(60);
    expect(Date.parse(points[59]!.start)).toBe(Math.floor(NOW / 60_000) * 60_000);
    expect(points[59]!.waiting).toBe(engine.metrics("all", "today", NOW).waiting);
    // 26 minutes ago c5 was waiting (offered 30 min ago, abandoned 25 min ago); nobody else was.
    const at = (minutesAgo: number) => points[59 - minutesAgo]!;
    expect(at(27).waiting).toBe(1);
    expect(at(24).waiting).toBe(0);
    expect(engine.minuteSeries("queue:sales", NOW)[59 - 27]!.waiting).toBe(1);
    expect(engine.minuteSeries("queue:support", NOW)[59 - 27]!.waiting).toBe(0);
    expect(at(30)).toMatchObject({ offered: 1, serviceLevel: 0 });
    expect(at(12)).toMatchObject({ offered: 1, serviceLevel: 1 }); // c1 at t(700): answered in 10 s
    expect(at(40)).toMatchObject({ offered: 0, serviceLevel: null });
  });
});

it("leaves out a contact open since before yesterday: its end was lost", () => {
  const e = new MetricsEngine(cfg);
  e.applyAll(
    [
      ev({ type: "agent.state", at: t(600), agentId: "z", state: "available", queues: ["support"] }),
      ev({ type: "contact.answered", at: t(50 * 3600), contactId: "lost", agentId: "z" }),
      ev({ type: "contact.answered", at: t(20 * 3600), contactId: "yesterday", agentId: "z" }),
    ],
    NOW,
  );
  expect(e.agentGrid(NOW)[0]).toMatchObject({ agentId: "z", openContacts: 1, contact: { contactId: "yesterday" } });
});

// ---- properties ----

const SCOPES: Scope[] = [
  "all",
  ...QUEUES.map((q) => `queue:${q}` as const),
  ...CHANNELS.map((c) => `channel:${c}` as const),
  ...AGENTS.map((a) => `agent:${a}` as const),
  "queues:sales,support",
];

function views(events: VigieEvent[], at = NOW) {
  const e = new MetricsEngine(cfg);
  e.applyAll(events, NOW);
  const grid = e.agentGrid(at);
  return SCOPES.map((s) => ({ s, grid: rowsInScope(grid, s), waiting: e.waitingList(s), minutes: e.minuteSeries(s, at) }));
}

const reordered = streamArb(NOW).chain((events) =>
  fc.tuple(
    fc.constant(events),
    fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
    fc.array(fc.nat(), { maxLength: 20 }),
  ),
);

describe("properties", () => {
  it("the same events in any order, with duplicates, give the same grid, waiting list and minute chart", () => {
    fc.assert(
      fc.property(reordered, ([events, shuffled, dupIdx]) => {
        const withDups = [...shuffled];
        for (const i of dupIdx) if (events.length) withDups.splice(i % (withDups.length + 1), 0, events[i % events.length]!);
        expect(views(withDups)).toEqual(views(events));
      }),
      { numRuns: 200 },
    );
  });

  it("agrees with the registry: handled today per agent, waiting now per scope", () => {
    fc.assert(
      fc.property(streamArb(NOW), (events) => {
        const later = NOW + 10 * 60_000; // every event is in the past then
        const e = new MetricsEngine(cfg);
        e.applyAll(events, NOW);
        for (const row of e.agentGrid(later)) expect(row.handledToday).toBe(e.metrics(`agent:${row.agentId}`, "today", later).handled);
        for (const s of SCOPES) {
          const waiting = e.metrics(s, "today", later).waiting;
          expect(e.waitingList(s).total).toBe(waiting);
          expect(e.minuteSeries(s, later)[59]!.waiting, s).toBe(waiting);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("keeps the same views after evicting what lies before yesterday", () => {
    fc.assert(
      fc.property(streamArb(NOW), (events) => {
        const e = new MetricsEngine(cfg);
        e.applyAll(events, NOW);
        const before = { grid: e.agentGrid(NOW), minutes: SCOPES.map((s) => e.minuteSeries(s, NOW)) };
        e.evict(NOW);
        expect({ grid: e.agentGrid(NOW), minutes: SCOPES.map((s) => e.minuteSeries(s, NOW)) }).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it("counts waits at instants as a naive count does", () => {
    const span = fc.record({
      start: fc.integer({ min: 0, max: 100 }),
      length: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
      queue: fc.constantFrom(...QUEUES),
    });
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), fc.uniqueArray(fc.integer({ min: -10, max: 120 }), { maxLength: 12 }), (raw, xs) => {
        const spans: WaitSpan[] = raw.map((s) => ({ start: s.start, end: s.length === null ? null : s.start + s.length, queue: s.queue, channel: "voice" }));
        const instants = [...xs].sort((a, b) => a - b);
        const include = spanFilter("queue:support");
        const naive = instants.map((x) => spans.filter((s) => include(s) && s.start <= x && (s.end === null || x < s.end)).length);
        expect(waitingAt(spans, include, instants)).toEqual(naive);
      }),
    );
  });
});

it("lays the minutes of the last hour, the current one last", () => {
  const starts = minuteStarts(Date.parse("2026-11-23T15:00:30Z"));
  expect(starts).toHaveLength(60);
  expect(new Date(starts[0]!).toISOString()).toBe("2026-11-23T14:01:00.000Z");
  expect(new Date(starts[59]!).toISOString()).toBe("2026-11-23T15:00:00.000Z");
});
