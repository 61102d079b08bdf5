import { describe, expect, it } from "vitest";
import { parseEvent, type VigieEvent } from "../../events/schema";
import { emptyAggregate } from "../aggregate";
import { BatchFold } from "../batch";
import { MetricsEngine } from "../engine";
import { KPIS, type MetricValues } from "../registry";
import { queuesScope } from "../scope";
import { windowStart } from "../time";

/**
 * Every event KPI on one hand-computed day. The story, in seconds after T
 * (13:00 local, two hours before NOW), is written next to the events; the
 * expected values are worked out by hand in the comments.
 */
const TZ = "Europe/Paris";
const NOW = Date.parse("2026-11-23T15:00:00+01:00");
const T = NOW - 7200_000;
let n = 0;
const at = (s: number) => T + s * 1000;
function ev(s: number, raw: Record<string, unknown>): VigieEvent {
  const r = parseEvent({ id: `h${n++}`, at: at(s), ...raw }, NOW);
  if (!r.ok) throw new Error(r.error);
  return r.event;
}
const support = { queue: "support", channel: "voice" };

const EVENTS = [
  // c1: wait 10 (in SL), hold 20, talk 80, acw 30 → handle 130; resolved first contact after 140; a sale of 49.90
  ev(100, { type: "contact.offered", contactId: "c1", ...support, customerId: "u1" }),
  ev(110, { type: "contact.answered", contactId: "c1", agentId: "a1" }),
  ev(140, { type: "contact.held", contactId: "c1" }),
  ev(160, { type: "contact.resumed", contactId: "c1" }),
  ev(210, { type: "contact.ended", contactId: "c1" }),
  ev(215, { type: "contact.outcome", contactId: "c1", outcome: "sale", amount: 49.9 }),
  ev(240, { type: "contact.wrapped", contactId: "c1" }),
  ev(240, { type: "contact.resolved", contactId: "c1", firstContact: true }),
  // c2: the same customer again (c1 is a repeat), case k1; wait 30, transferred, talk 60, acw 10 → 70; resolved after 100
  ev(1000, { type: "contact.offered", contactId: "c2", ...support, customerId: "u1", caseId: "k1" }),
  ev(1030, { type: "contact.answered", contactId: "c2", agentId: "a2" }),
  ev(1050, { type: "contact.transferred", contactId: "c2", toQueue: "mail" }),
  ev(1090, { type: "contact.ended", contactId: "c2" }),
  ev(1100, { type: "contact.wrapped", contactId: "c2" }),
  ev(1100, { type: "contact.resolved", contactId: "c2", firstContact: false }),
  // c3 abandons after 3 s (short: support's threshold is 5 s), c4 after 40 s
  ev(2000, { type: "contact.offered", contactId: "c3", ...support }),
  ev(2003, { type: "contact.abandoned", contactId: "c3" }),
  ev(2100, { type: "contact.offered", contactId: "c4", ...support }),
  ev(2140, { type: "contact.abandoned", contactId: "c4" }),
  // c5 is served by the bot; c6 is escalated by the bot, then answered after 25 s, talk 100, acw 10 → 110
  ev(2200, { type: "contact.offered", contactId: "c5", ...support, customerId: "u5" }),
  ev(2260, { type: "contact.selfserved", contactId: "c5" }),
  ev(2300, { type: "contact.offered", contactId: "c6", ...support }),
  ev(2320, { type: "contact.escalated", contactId: "c6", from: "bot" }),
  ev(2325, { type: "contact.answered", contactId: "c6", agentId: "a1" }),
  ev(2425, { type: "contact.ended", contactId: "c6" }),
  ev(2435, { type: "contact.wrapped", contactId: "c6" }),
  // m1 (email): wait 60, first reply after 600, talk 640, acw 60 → 700, resolved after 760; m2 still waits
  ev(3000, { type: "contact.offered", contactId: "m1", queue: "mail", channel: "email" }),
  ev(3060, { type: "contact.answered", contactId: "m1", agentId: "a2" }),
  ev(3600, { type: "contact.responded", contactId: "m1", agentId: "a2" }),
  ev(3700, { type: "contact.ended", contactId: "m1" }),
  ev(3760, { type: "contact.wrapped", contactId: "m1" }),
  ev(3760, { type: "contact.resolved", contactId: "m1" }),
  ev(3600, { type: "contact.offered", contactId: "m2", queue: "mail", channel: "email" }),
  // Campaign "hiver": u9 called twice (no answer, then argued and agreed; wait 10, talk 200, acw 10 → 210),
  // u8 refuses, u7 busy.
  ev(4000, { type: "contact.offered", contactId: "o1", queue: "relance", direction: "outbound", campaign: "hiver", customerId: "u9" }),
  ev(4030, { type: "contact.outcome", contactId: "o1", outcome: "no-answer" }),
  ev(5000, { type: "contact.offered", contactId: "o2", queue: "relance", direction: "outbound", campaign: "hiver", customerId: "u9" }),
  ev(5010, { type: "contact.answered", contactId: "o2", agentId: "a3" }),
  ev(5100, { type: "contact.outcome", contactId: "o2", outcome: "argued" }),
  ev(5200, { type: "contact.outcome", contactId: "o2", outcome: "agreed" }),
  ev(5210, { type: "contact.ended", contactId: "o2" }),
  ev(5220, { type: "contact.wrapped", contactId: "o2" }),
  ev(5500, { type: "contact.offered", contactId: "o3", queue: "relance", direction: "outbound", campaign: "hiver", customerId: "u8" }),
  ev(5560, { type: "contact.outcome", contactId: "o3", outcome: "refused" }),
  ev(6000, { type: "contact.offered", contactId: "o4", queue: "relance", direction: "outbound", campaign: "hiver", customerId: "u7" }),
  ev(6020, { type: "contact.outcome", contactId: "o4", outcome: "busy" }),
  // Case k1 lasts one hour.
  ev(950, { type: "case.opened", caseId: "k1", customerId: "u1" }),
  ev(4550, { type: "case.closed", caseId: "k1" }),
  // Surveys
  ev(300, { type: "survey.response", kind: "csat", score: 5, contactId: "c1" }),
  ev(1200, { type: "survey.response", kind: "csat", score: 2, contactId: "c2" }),
  ev(1201, { type: "survey.response", kind: "csat", score: 4, contactId: "c2", topic: "wait" }),
  ev(2300, { type: "survey.response", kind: "csat", score: 5, contactId: "c5" }),
  ev(301, { type: "survey.response", kind: "nps", score: 10, contactId: "c1" }),
  ev(1202, { type: "survey.response", kind: "nps", score: 7, contactId: "c2" }),
  ev(1203, { type: "survey.response", kind: "nps", score: 3, queue: "support" }),
  ev(302, { type: "survey.response", kind: "ces", score: 6, contactId: "c1" }),
  ev(1204, { type: "survey.response", kind: "ces", score: 2, contactId: "c2" }),
  ev(2500, { type: "survey.response", kind: "ces", score: 4, contactId: "c6" }),
  ev(400, { type: "survey.response", kind: "enps", score: 9, agentId: "a1" }),
  ev(401, { type: "survey.response", kind: "enps", score: 9, agentId: "a2" }),
  ev(402, { type: "survey.response", kind: "enps", score: 5, agentId: "a3" }),
  // Agents. a1: available 0–1000, busy –1600, wrap-up –1800, available –3600, then offline.
  ev(0, { type: "agent.state", agentId: "a1", state: "available", queues: ["support"] }),
  ev(1000, { type: "agent.state", agentId: "a1", state: "busy" }),
  ev(1600, { type: "agent.state", agentId: "a1", state: "wrap-up" }),
  ev(1800, { type: "agent.state", agentId: "a1", state: "available" }),
  ev(3600, { type: "agent.state", agentId: "a1", state: "offline" }),
  // a2: busy 0–3000, paused –4800, available until NOW (7200).
  ev(0, { type: "agent.state", agentId: "a2", state: "busy", queues: ["support", "mail"] }),
  ev(3000, { type: "agent.state", agentId: "a2", state: "paused", reason: "lunch" }),
  ev(4800, { type: "agent.state", agentId: "a2", state: "available" }),
  ev(0, { type: "agent.state", agentId: "a3", state: "offline", queues: ["relance"] }),
];

const CONFIG = { timeZone: TZ, slSeconds: 18, shortAbandonSecondsByQueue: { support: 5 }, repeatDays: 7 };

/** "all", today, worked out by hand. */
const ALL: MetricValues = {
  // Queue figures count inbound contacts only; c6 waits from the bot's hand-over (5 s).
  offered: 8, inbound: 8, outbound: 4, answered: 4, abandoned: 2, shortAbandoned: 1,
  abandonRate: 1 / 7, // (2 − 1) / (8 − 1)
  serviceLevel: 2 / 7, // c1 and c6 within 18 s, over 8 offered − c5 self-served; m2 waits past the threshold
  serviceLevelOffered: 2 / 8,
  serviceLevelAnswered: 2 / 4,
  serviceLevelNoShort: 2 / 6,
  asa: 26.25, // (10 + 30 + 5 + 60) / 4
  waiting: 1, longestWait: 3600,
  aht: 244, handled: 5, avgCallTime: 220, avgTalk: 216, avgHold: 4, avgAcw: 24, // 1220, 1100, 1080, 20, 120 over 5
  dmtt: 3600,
  firstResponse: 600, responseRate: 1 / 2, // m1 replied, m2 not yet
  resolutionTime: 1000 / 3, // (140 + 100 + 760) / 3
  fcr: 1 / 2, fcrRepeat: 1 / 2, repeatRate: 1 / 2, resolved: 3,
  transferRate: 1 / 5, escalationRate: 1 / 8, // agents took c1, c2, c6, m1, o2
  selfServiceUsage: 2 / 8, selfServiceSuccess: 1 / 2, botEscalationRate: 1 / 2, automatedRate: 1 / 8,
  connected: 2, notConnected: 2, outboundAbandoned: 0,
  argumentationRate: 1 / 2, agreementRate: 1, exploitationRate: 1 / 4,
  penetrationRate: 2 / 3, recordsTreated: 2, // u9 and u8 reached; u7 called once
  conversionRate: 1 / 5, assistedSales: 1, salesAmount: 49.9,
  csat: 2 / 3, nps: 0, ces: 0, cesMean: 4, waitSatisfaction: 1, selfServiceCsat: 1, enps: 100 / 3,
  agentsAvailable: 1, agentsBusy: 0, agentsWrapUp: 0, agentsPaused: 0,
  occupancy: 3800 / 9000, // (busy 3600 + wrap-up 200) / (available 5200 + 3600 + 200)
  agentsStaffed: 2, contactsPerAgent: 5 / 2, resolutionsPerAgent: 3 / 2,
  // Nothing arrived in the last 15 minutes: no traffic, nobody needed.
  arrivalRate: 0, forecastServiceLevel: 1, forecastAsa: 0, agentsNeeded: 0,
};

function live(scope: Parameters<MetricsEngine["metrics"]>[0]) {
  const e = new MetricsEngine(CONFIG);
  e.applyAll(EVENTS, NOW);
  return e.metrics(scope, "today", NOW);
}

describe("every event KPI on a hand-computed day", () => {
  it("covers every registry KPI", () => {
    expect(Object.keys(ALL).sort()).toEqual(KPIS.map((k) => k.id).sort());
  });

  it.each(Object.entries(ALL))("all · %s", (id, expected) => {
    const value = live("all")[id];
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 9);
  });

  it("gives the same historical numbers from the batch fold", () => {
    const b = new BatchFold(EVENTS, CONFIG).metrics("all", windowStart("today", NOW, TZ), Infinity, NOW);
    for (const k of KPIS) if (k.availability !== "live") expect(b[k.id], k.id).toBe(live("all")[k.id]);
  });

  it("splits by queue, channel and agent", () => {
    expect(live("queue:support")).toMatchObject({ offered: 6, abandonRate: 1 / 5, serviceLevel: 2 / 5, dmtt: 3600, agentsStaffed: 2 });
    expect(live("channel:email")).toMatchObject({ offered: 2, firstResponse: 600, responseRate: 0.5, occupancy: null, agentsStaffed: null });
    expect(live("queue:relance")).toMatchObject({ offered: 0, waiting: 0, outbound: 4, penetrationRate: 2 / 3, occupancy: null, agentsStaffed: null });
    // a1 answered c1 and c6; busy 600 + wrap-up 200 over 2800 + 600 + 200 logged in
    expect(live("agent:a1")).toMatchObject({ answered: 2, aht: 120, occupancy: 800 / 3600, enps: 100, contactsPerAgent: 2 });
  });

  it("excludes nothing when a queue sets no short-abandon threshold", () => {
    const e = new MetricsEngine({ ...CONFIG, shortAbandonSecondsByQueue: {} });
    e.applyAll(EVENTS, NOW);
    expect(e.metrics("all", "today", NOW)).toMatchObject({ shortAbandoned: 0, abandonRate: 2 / 8 });
  });

  it("drops the repeat when the next contact comes after the configured days", () => {
    const e = new MetricsEngine({ ...CONFIG, repeatDays: 7 });
    e.applyAll([
      ev(0, { type: "contact.offered", contactId: "r1", ...support, customerId: "z" }),
      ev(5, { type: "contact.answered", contactId: "r1", agentId: "a1" }),
    ], NOW);
    expect(e.metrics("all", "today", NOW).fcrRepeat).toBe(1);
  });
});

describe("the thresholds behind a scope's numbers", () => {
  it("are the queue's own, or the default when every queue uses it", () => {
    const e = new MetricsEngine({ ...CONFIG, slSecondsByQueue: { mail: 3600 } });
    e.applyAll(EVENTS, NOW);
    expect(e.settings("queue:support")).toEqual({ slSeconds: 18, shortAbandonSeconds: 5, repeatDays: 7 });
    expect(e.settings("queue:mail")).toEqual({ slSeconds: 3600, shortAbandonSeconds: null, repeatDays: 7 });
    expect(e.settings("all")).toEqual({ slSeconds: null, shortAbandonSeconds: null, repeatDays: 7 });
    const uniform = new MetricsEngine(CONFIG);
    expect(uniform.settings("channel:voice").slSeconds).toBe(18);
  });
});

describe("zero denominators", () => {
  it("every ratio and mean is null, never NaN, on an empty aggregate", () => {
    const noNow = { waiting: 0, oldestWaitingSince: null, agents: null };
    for (const k of KPIS) {
      const v = k.compute(emptyAggregate(), noNow, NOW);
      if (k.unit === "count" || k.id === "salesAmount") expect(v === 0 || v === null, k.id).toBe(true);
      else expect(v, k.id).toBeNull();
    }
  });
});

describe("agents now", () => {
  it("lists each agent's state in force, since when, why and its queues", () => {
    const e = new MetricsEngine(CONFIG);
    e.applyAll(EVENTS, NOW);
    const byId = Object.fromEntries(e.agentStatesNow(NOW).map((a) => [a.agentId, a]));
    expect(byId.a2).toEqual({ agentId: "a2", state: "available", since: at(4800), reason: undefined, queues: ["support", "mail"] });
    expect(byId.a1).toMatchObject({ state: "offline", since: at(3600), queues: ["support"] });
  });
});

describe("several queues as one scope", () => {
  it("sums its queues, live and in the batch fold, and its agents and waits", () => {
    const e = new MetricsEngine(CONFIG);
    e.applyAll(EVENTS, NOW);
    const scope = queuesScope(["support", "mail"]);
    expect(scope).toBe("queues:mail,support");
    const m = e.metrics(scope, "today", NOW);
    const support = e.metrics("queue:support", "today", NOW);
    const mail = e.metrics("queue:mail", "today", NOW);
    expect(m.offered).toBe(support.offered! + mail.offered!);
    expect(m.waiting).toBe(1); // m2
    expect(m.agentsAvailable).toBe(1); // a2 serves both; counted once
    expect(m.agentsStaffed).toBe(2);
    expect(queuesScope(["sales"])).toBe("queue:sales");
    const b = new BatchFold(EVENTS, CONFIG).metrics(scope, windowStart("today", NOW, TZ), Infinity, NOW);
    for (const k of KPIS) if (k.availability !== "live") expect(b[k.id], k.id).toBe(m[k.id]);
  });
});

describe("the Erlang C forecast from live numbers", () => {
  it("reads the last 15 minutes' arrivals, today's AHT and the agents staffed now (the published 10-erlang example)", () => {
    const e = new MetricsEngine({ ...CONFIG, slSecondsByQueue: { support: 20 } });
    const events: VigieEvent[] = [
      // One contact handled in 180 s earlier today: AHT 180 s.
      ev(0, { type: "contact.offered", contactId: "x0", ...support }),
      ev(5, { type: "contact.answered", contactId: "x0", agentId: "b0" }),
      ev(150, { type: "contact.ended", contactId: "x0" }),
      ev(185, { type: "contact.wrapped", contactId: "x0" }),
      // 50 arrivals in the last 15 minutes: 200 an hour, i.e. 10 erlangs at 180 s.
      ...Array.from({ length: 50 }, (_, i) => ev(7200 - 880 + i * 17, { type: "contact.offered", contactId: `y${i}`, ...support })),
      // 14 agents staffed: 10 available, 3 busy, 1 in wrap-up (and one paused, who does not count).
      ...Array.from({ length: 15 }, (_, i) =>
        ev(10, { type: "agent.state", agentId: `b${i}`, state: i < 10 ? "available" : i < 13 ? "busy" : i < 14 ? "wrap-up" : "paused", queues: ["support"] }),
      ),
    ];
    e.applyAll(events, NOW);
    const m = e.metrics("queue:support", "15m", NOW);
    expect(m.arrivalRate).toBe(200);
    expect(m.agentsNeeded).toBe(14);
    expect(m.forecastServiceLevel).toBeCloseTo(0.888, 3);
    expect(m.forecastAsa).toBeCloseTo(7.84, 2);
    expect(e.metrics("channel:voice", "today", NOW).forecastServiceLevel).toBeNull(); // no agents per channel
  });
});
