import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEvent, type VigieEvent } from "../events/schema";
import { MetricsEngine } from "./engine";
import { BatchFold } from "./batch";
import { HISTORICAL_IDS, kpi, METRIC_IDS } from "./registry";
import { AGENTS, CHANNELS, QUEUES, streamArb } from "./testing/streams";
import type { Scope, WindowId } from "./scope";
import { windowStart } from "./time";

const TZ = "Europe/Paris";
const NOW = Date.parse("2026-11-23T15:00:00+01:00");
const cfg = { timeZone: TZ, slSeconds: 18 };

let n = 0;
function ev(raw: Record<string, unknown>): VigieEvent {
  const r = parseEvent({ id: `e${n++}`, ...raw }, NOW);
  if (!r.ok) throw new Error(r.error);
  return r.event;
}
const t = (secondsBeforeNow: number) => NOW - secondsBeforeNow * 1000;

describe("hand-computed snapshot", () => {
  const events = [
    // c1: answered after 10 s, talk 100 s with 20 s hold, 30 s wrap-up
    ev({ type: "contact.offered", at: t(600), contactId: "c1", queue: "support" }),
    ev({ type: "contact.answered", at: t(590), contactId: "c1", agentId: "a1" }),
    ev({ type: "contact.held", at: t(560), contactId: "c1" }),
    ev({ type: "contact.resumed", at: t(540), contactId: "c1" }),
    ev({ type: "contact.ended", at: t(490), contactId: "c1" }),
    ev({ type: "contact.wrapped", at: t(460), contactId: "c1" }),
    // c2: answered after 30 s (out of service level), never wrapped yet
    ev({ type: "contact.offered", at: t(400), contactId: "c2", queue: "support" }),
    ev({ type: "contact.answered", at: t(370), contactId: "c2", agentId: "a2" }),
    // c3: abandoned
    ev({ type: "contact.offered", at: t(300), contactId: "c3", queue: "sales", channel: "chat" }),
    ev({ type: "contact.abandoned", at: t(250), contactId: "c3" }),
    // c4: waiting for 40 s (over threshold), c5 waiting 5 s (under threshold: left out of SL)
    ev({ type: "contact.offered", at: t(40), contactId: "c4", queue: "support" }),
    ev({ type: "contact.offered", at: t(5), contactId: "c5", queue: "support" }),
    ev({ type: "agent.state", at: t(700), agentId: "a1", state: "available", queues: ["support"] }),
    ev({ type: "agent.state", at: t(380), agentId: "a2", state: "busy", queues: ["support", "sales"] }),
    ev({ type: "agent.state", at: t(100), agentId: "a3", state: "paused", reason: "lunch", queues: ["sales"] }),
    ev({ type: "survey.response", at: t(400), kind: "csat", score: 5, contactId: "c1" }),
    ev({ type: "survey.response", at: t(300), kind: "csat", score: 3, contactId: "c1" }),
    ev({ type: "survey.response", at: t(200), kind: "nps", score: 10, queue: "support" }),
    ev({ type: "survey.response", at: t(100), kind: "nps", score: 6, queue: "support" }),
    ev({ type: "survey.response", at: t(50), kind: "nps", score: 8, queue: "support" }),
  ];
  const engine = new MetricsEngine(cfg);
  engine.applyAll(events, NOW);

  it("computes the contract's metrics for all", () => {
    const m = engine.metrics("all", "today", NOW);
    expect(m).toMatchObject({
      offered: 5,
      answered: 2,
      abandoned: 1,
      abandonRate: 1 / 5,
      serviceLevel: 1 / 4, // c1 within 18 s; c5 still under the threshold is left out
      asa: 20,
      aht: 130, // 100 s talk+hold + 30 s wrap-up
      waiting: 2,
      longestWait: 40,
      agentsAvailable: 1,
      agentsBusy: 1,
      agentsWrapUp: 0,
      agentsPaused: 1,
      csat: 0.5,
      nps: 0, // one promoter, one detractor, one passive
    });
  });

  it("splits by queue, channel and agent", () => {
    expect(engine.metrics("queue:sales", "today", NOW)).toMatchObject({ offered: 1, abandoned: 1, agentsBusy: 1, agentsPaused: 1, agentsAvailable: 0 });
    expect(engine.metrics("channel:chat", "today", NOW)).toMatchObject({ offered: 1, agentsBusy: null });
    expect(engine.metrics("agent:a1", "today", NOW)).toMatchObject({ offered: 1, answered: 1, aht: 130, csat: 0.5, agentsAvailable: 1 });
  });

  it("slides the short windows and keeps waiting contacts whatever the window", () => {
    const m = engine.metrics("all", "15m", NOW);
    expect(m.offered).toBe(5);
    const later = engine.metrics("all", "15m", NOW + 6 * 60_000);
    // The window now starts at t(540): c1 has slid out; c2, c3, c4, c5 remain.
    expect(later).toMatchObject({ offered: 4, answered: 1, abandoned: 1, waiting: 2, longestWait: 400 });
    expect(later.serviceLevel).toBe(0); // both waiting contacts are now past 18 s
  });

  it("answers null, never NaN, when there is nothing to divide", () => {
    const empty = new MetricsEngine(cfg).metrics("queue:nobody", "1h", NOW);
    for (const id of METRIC_IDS) expect(empty[id] === null || Number.isFinite(empty[id]), id).toBe(true);
    expect(empty).toMatchObject({ offered: 0, abandonRate: null, serviceLevel: null, asa: null, aht: null, longestWait: null, csat: null, nps: null });
  });

  it("counts answered over abandoned, and the earliest offer's queue", () => {
    const e = new MetricsEngine(cfg);
    e.applyAll(
      [
        ev({ type: "contact.abandoned", at: t(50), contactId: "x" }),
        ev({ type: "contact.answered", at: t(55), contactId: "x", agentId: "a1" }),
        ev({ type: "contact.offered", at: t(58), contactId: "x", queue: "late" }),
        ev({ type: "contact.offered", at: t(60), contactId: "x", queue: "first" }),
      ],
      NOW,
    );
    expect(e.metrics("queue:first", "today", NOW)).toMatchObject({ offered: 1, answered: 1, abandoned: 0, asa: 5 });
    expect(e.metrics("queue:late", "today", NOW).offered).toBe(0);
  });

  it("honours a per-queue service-level threshold", () => {
    const e = new MetricsEngine({ ...cfg, slSecondsByQueue: { support: 40 } });
    e.applyAll(events, NOW);
    expect(e.metrics("queue:support", "today", NOW).serviceLevel).toBe(2 / 3);
    e.configure({ slSecondsByQueue: {} });
    expect(e.metrics("queue:support", "today", NOW).serviceLevel).toBe(1 / 3);
  });

  it("puts today's window at local midnight, across a DST change", () => {
    const e = new MetricsEngine(cfg);
    // 2026-03-29 is the spring-forward day in Paris: midnight is 23:00Z the day before.
    const now = Date.parse("2026-03-29T12:00:00+02:00");
    const r1 = parseEvent({ id: "d1", type: "contact.offered", at: "2026-03-28T23:30:00Z", contactId: "d1", queue: "q" }, now);
    const r2 = parseEvent({ id: "d2", type: "contact.offered", at: "2026-03-28T22:30:00Z", contactId: "d2", queue: "q" }, now);
    if (!r1.ok || !r2.ok) throw new Error("bad fixture");
    e.applyAll([r1.event, r2.event], now);
    expect(e.metrics("all", "today", now).offered).toBe(1);
  });

  it("applies future-dated agent states when their time comes", () => {
    const e = new MetricsEngine(cfg);
    e.apply(ev({ type: "agent.state", at: t(10), agentId: "z", state: "available" }), NOW);
    e.apply(ev({ type: "agent.state", at: NOW + 60_000, agentId: "z", state: "paused" }), NOW);
    expect(e.metrics("all", "today", NOW)).toMatchObject({ agentsAvailable: 1, agentsPaused: 0 });
    e.tick(NOW + 61_000);
    expect(e.metrics("all", "today", NOW + 61_000)).toMatchObject({ agentsAvailable: 0, agentsPaused: 1 });
  });
});

// ---- properties ----

const streams = streamArb(NOW);
const SCOPES: Scope[] = [
  "all",
  ...QUEUES.map((q) => `queue:${q}` as const),
  ...CHANNELS.map((c) => `channel:${c}` as const),
  ...AGENTS.map((a) => `agent:${a}` as const),
  "queues:sales,support",
];
const WINDOWS: WindowId[] = ["today", "1h", "15m"];

function snapshotAll(events: VigieEvent[]) {
  const e = new MetricsEngine(cfg);
  e.applyAll(events, NOW);
  return SCOPES.flatMap((s) => WINDOWS.map((w) => ({ s, w, m: e.metrics(s, w, NOW) })));
}

describe("properties", () => {
  it("any order and any duplicates give the same snapshot", () => {
    fc.assert(
      fc.property(
        streams.chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
            fc.array(fc.nat(), { maxLength: 20 }),
          ),
        ),
        ([events, shuffled, dupIdx]) => {
          const withDups = [...shuffled];
          for (const i of dupIdx) if (events.length) withDups.splice(i % (withDups.length + 1), 0, events[i % events.length]!);
          expect(snapshotAll(withDups)).toEqual(snapshotAll(events));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("never yields NaN or infinities, and ratios stay in 0..1", () => {
    fc.assert(
      fc.property(streams, (events) => {
        for (const { m } of snapshotAll(events)) {
          for (const [id, v] of Object.entries(m)) {
            expect(v === null || Number.isFinite(v), id).toBe(true);
            if (v !== null && kpi(id)?.unit === "ratio") {
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThanOrEqual(1);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("keeps the same numbers after evicting what lies before yesterday", () => {
    fc.assert(
      fc.property(streams, (events) => {
        const e = new MetricsEngine(cfg);
        e.applyAll(events, NOW);
        const before = SCOPES.map((s) => e.metrics(s, "today", NOW));
        e.evict(NOW);
        expect(SCOPES.map((s) => e.metrics(s, "today", NOW))).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it("the live fold and a batch recomputation agree on every historical KPI, for every scope and window", () => {
    fc.assert(
      fc.property(streams, fc.integer({ min: 0, max: 3 }), (events, repeatDays) => {
        const config = { ...cfg, slSecondsByQueue: { sales: 30 }, shortAbandonSecondsByQueue: { support: 5 }, repeatDays };
        const live = new MetricsEngine(config);
        live.applyAll(events, NOW);
        const batch = new BatchFold(events, config);
        for (const scope of SCOPES) {
          for (const w of WINDOWS) {
            const m = live.metrics(scope, w, NOW);
            const b = batch.metrics(scope, windowStart(w, NOW, TZ), Infinity, NOW);
            for (const id of HISTORICAL_IDS) expect(b[id], `${scope} ${w} ${id}`).toBe(m[id]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
