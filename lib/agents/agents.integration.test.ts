import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendName, createTestDatabase, type TestDatabase } from "../../db/testing";
import { loadEnv } from "../env";
import { reportConfig } from "../reports/report-config";
import { dayIn } from "../reports/presets";
import { startServer, type RunningServer } from "../server/boot";
import { agentPage } from "./agent-page";
import { AGENT_KPIS } from "./agent-stats";
import { agentSurveys } from "./agent-surveys";
import { agentTimeline } from "./agent-timeline";
import { dayBounds } from "./timeline";

/**
 * The agent page's numbers come from the stored events with the registry's
 * formulas; the live engine folds the same ingest. For today they must agree
 * (the agent's KPIs, and the team's over the queues the agent served). The
 * API and its refusals are checked end to end (e2e/me.e2e.ts): it needs Next.
 */

const KEY = "agents-ingest-key-0123456789";
const TZ = "Europe/Paris";
let db: TestDatabase;
let server: RunningServer;
let base = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServer({
    env: loadEnv({ ...db.env, NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", VIGIE_INGEST_KEY: KEY, VIGIE_TIMEZONE: TZ }),
    log: () => {},
  });
  const now = Date.now();
  // Six minutes of traffic ending now, kept inside today even just after midnight.
  base = Math.max(now - 6 * 60_000, dayBounds(dayIn(now, TZ), TZ).from + 1);
  const s = (sec: number) => base + sec * 1000;
  const events = [
    { type: "agent.state", at: s(0), agentId: "a1", state: "available", queues: ["qa", "qb"] },
    { type: "agent.state", at: s(0), agentId: "a2", state: "available", queues: ["qa"] },
    { type: "agent.state", at: s(0), agentId: "a3", state: "available", queues: ["qz"] },
    { type: "contact.offered", at: s(5), contactId: "c1", queue: "qa", customerId: "k1" },
    { type: "contact.answered", at: s(10), contactId: "c1", agentId: "a1" },
    { type: "agent.state", at: s(10), agentId: "a1", state: "busy" },
    { type: "contact.held", at: s(20), contactId: "c1" },
    { type: "contact.resumed", at: s(30), contactId: "c1" },
    { type: "contact.ended", at: s(70), contactId: "c1" },
    { type: "agent.state", at: s(70), agentId: "a1", state: "wrap-up" },
    { type: "contact.wrapped", at: s(80), contactId: "c1" },
    { type: "contact.resolved", at: s(80), contactId: "c1", firstContact: true },
    { type: "agent.state", at: s(80), agentId: "a1", state: "paused", reason: "lunch" },
    { type: "contact.offered", at: s(6), contactId: "c2", queue: "qa" },
    { type: "contact.answered", at: s(9), contactId: "c2", agentId: "a2" },
    { type: "contact.ended", at: s(40), contactId: "c2" },
    { type: "contact.wrapped", at: s(45), contactId: "c2" },
    { type: "contact.offered", at: s(7), contactId: "c3", queue: "qa" },
    { type: "contact.abandoned", at: s(30), contactId: "c3" },
    { type: "contact.offered", at: s(100), contactId: "c4", queue: "qz" },
    { type: "contact.answered", at: s(101), contactId: "c4", agentId: "a3" },
    { type: "agent.state", at: s(120), agentId: "a1", state: "available" },
    { type: "survey.response", at: s(90), kind: "csat", score: 5, agentId: "a1" },
    { type: "survey.response", at: s(95), kind: "nps", score: 6, contactId: "c1" },
    { type: "survey.response", at: s(96), kind: "csat", score: 2, agentId: "a2" },
  ];
  const res = await fetch(`${server.url}/api/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
    body: JSON.stringify(events.map((e, i) => ({ id: `ag-${i}`, ...e }))),
  });
  expect(res.status).toBe(202);
  expect((await res.json()).rejected).toEqual([]);
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

const config = () => reportConfig(server.database, loadEnv({ ...db.env, VIGIE_TIMEZONE: TZ }));

describe(`agent page (${backendName()})`, () => {
  it("today's agent KPIs equal the live agent scope; the team's equal the live queue, counts per agent staffed", async () => {
    const at = Date.now();
    const page = await agentPage(server.database, await config(), "a1", at);
    const [today, week, month] = page.periods;
    expect(page.periods.map((p) => p.period)).toEqual(["today", "thisWeek", "thisMonth"]);
    const live = server.hub.engine.metrics("agent:a1", "today", at);
    for (const id of AGENT_KPIS) expect(today!.agent[id], id).toBe(live[id]);
    expect(today!.agent.answered).toBe(1);
    expect(today!.agent.csat).toBe(1);

    // a1 served qa and qb: the team is those queues, qz (a3) stays out.
    expect(today!.queues).toEqual(["qa", "qb"]);
    const team = server.hub.engine.metrics("queues:qa,qb", "today", at);
    expect(today!.teamAgents).toBe(2);
    expect(today!.team.answered).toBe(team.answered! / 2);
    for (const id of ["aht", "avgTalk", "fcr", "csat", "occupancy"] as const) expect(today!.team[id], id).toBe(team[id]);
    for (const p of [week!, month!]) expect(p.agent.answered).toBeGreaterThanOrEqual(1);
  });

  it("today's timeline has the states with their reasons, the last one running until now", async () => {
    const at = Date.now();
    const day = dayIn(at, TZ);
    const tl = await agentTimeline(server.database, "a1", day, TZ, at);
    expect(tl.intervals.map((i) => [i.state, i.reason])).toEqual([
      ["available", null],
      ["busy", null],
      ["wrap-up", null],
      ["paused", "lunch"],
      ["available", null],
    ]);
    expect(tl.intervals[3]!.to - tl.intervals[3]!.from).toBe(40_000);
    expect(tl.intervals[4]!.to).toBe(at);
    expect((await agentTimeline(server.database, "nobody", day, TZ, at)).intervals).toEqual([]);
  });

  it("surveys: those naming the agent and those of contacts they answered, newest first, summed per kind", async () => {
    const { from, to } = dayBounds(dayIn(Date.now(), TZ), TZ);
    const s = await agentSurveys(server.database, "a1", from, to);
    expect(s.latest.map((a) => [a.kind, a.score, a.contactId])).toEqual([
      ["nps", 6, "c1"],
      ["csat", 5, null],
    ]);
    expect(s.latest[1]!.scale).toEqual({ min: 1, max: 5 });
    expect(s.summary.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: "csat", count: 1, mean: 5 },
      { kind: "nps", count: 1, mean: 6 },
    ]);
  });
});
