import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendName, createTestDatabase, type TestDatabase } from "../../db/testing";
import { createApiKey } from "../auth/api-keys";
import { loadEnv } from "../env";
import type { AgentGrid } from "../metrics/agent-grid";
import type { Scope } from "../metrics/scope";
import { dayStart } from "../reports/calendar";
import { localDay } from "../reports/offered-last-week";
import { startServer, type RunningServer } from "../server/boot";
import type { ClientToServerEvents, FeedAck, ServerToClientEvents } from "./socket-events";

/**
 * The agent grid, waiting list, minute chart and last week's line over a real
 * socket.io connection to the real server (no Next), events arriving through
 * POST /api/events; "within 1 s" is measured from the 202.
 */

const KEY = "feeds-key-for-tests-0123456";
const API_KEY = "feeds-api-key-for-tests-0123";
const TZ = "Europe/Paris";
type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let db: TestDatabase;
let server: RunningServer;
let supervisorKey = "";
const sockets: LiveSocket[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServer({
    env: loadEnv({ ...db.env, NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", VIGIE_INGEST_KEY: KEY, VIGIE_API_KEY: API_KEY, VIGIE_TIMEZONE: TZ }),
    log: () => {},
  });
  supervisorKey = (await createApiKey(server.database.db, { name: "sup", role: "supervisor", queues: ["fq1"] }, { kind: "system" })).key;
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.close();
  await db?.drop();
});

/** A connected client recording every push of `event`, with performance.now() at arrival. */
async function client<E extends "agents" | "waiting" | "minutes">(event: E, bearer = API_KEY) {
  const socket: LiveSocket = io(server.url, { transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { origin: server.url, authorization: `Bearer ${bearer}` } });
  sockets.push(socket);
  type Payload = Parameters<ServerToClientEvents[E]>[0];
  const pushes: { data: Payload; t: number }[] = [];
  socket.on(event, ((data: Payload) => pushes.push({ data, t: performance.now() })) as never);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  /** The first push (already received or to come) after index `from` matching `pred`. */
  const next = async (pred: (d: Payload) => boolean, timeoutMs: number, from = 0) => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const hit = pushes.slice(from).find((p) => pred(p.data));
      if (hit) return hit;
      if (performance.now() > deadline) throw new Error(`no matching ${event} push within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { socket, pushes, next };
}

async function ask<T>(socket: LiveSocket, event: "agents:subscribe" | "waiting:subscribe" | "minutes:subscribe" | "lastWeek:get", scope: string): Promise<FeedAck<T>> {
  return (await socket.timeout(20_000).emitWithAck(event, { scope: scope as Scope })) as FeedAck<T>;
}
async function data<T>(socket: LiveSocket, event: Parameters<typeof ask>[1], scope: string): Promise<T> {
  const ack = await ask<T>(socket, event, scope);
  if (!ack.ok) throw new Error(ack.error);
  return ack.data;
}

let n = 0;
const ev = (e: Record<string, unknown>) => ({ id: `fd-${++n}`, ...e });
async function post(events: object[]): Promise<number> {
  const res = await fetch(`${server.url}/api/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
    body: JSON.stringify(events),
  });
  const t = performance.now();
  expect(res.status).toBe(202);
  expect((await res.json()).accepted).toBe(events.length);
  return t;
}
const ago = (s: number) => Date.now() - s * 1000;
const agent = (g: AgentGrid, id: string) => g.agents.find((a) => a.agentId === id);

describe(`live feeds over socket.io (${backendName()})`, () => {
  it("answers agents:subscribe with the grid, then pushes a state change within 1 s, and nothing while nothing changes", async () => {
    await post([
      ev({ type: "agent.state", at: ago(600), agentId: "fa1", state: "busy", queues: ["fq1"] }),
      ev({ type: "agent.state", at: ago(300), agentId: "fa2", state: "paused", reason: "lunch", queues: ["fq2"] }),
      ev({ type: "contact.offered", at: ago(130), contactId: "fc1", queue: "fq1", channel: "chat" }),
      ev({ type: "contact.answered", at: ago(120), contactId: "fc1", agentId: "fa1" }),
    ]);
    const c = await client("agents");
    const grid = await data<AgentGrid>(c.socket, "agents:subscribe", "all");
    expect(agent(grid, "fa1")).toMatchObject({ state: "busy", queues: ["fq1"], contact: { contactId: "fc1", queue: "fq1", channel: "chat", phase: "talking" } });
    expect(agent(grid, "fa2")).toMatchObject({ state: "paused", reason: "lunch", since: expect.any(Number) });

    const t202 = await post([ev({ type: "agent.state", at: ago(1), agentId: "fa2", state: "available" })]);
    const pushed = await c.next((g) => agent(g, "fa2")?.state === "available", 3000);
    expect(pushed.t - t202).toBeLessThan(1000);
    expect(agent(pushed.data, "fa2")!.reason).toBeNull();

    // Time passing alone sends nothing: the screen counts time in state from `since`.
    const count = c.pushes.length;
    await new Promise((r) => setTimeout(r, 2500));
    expect(c.pushes.length).toBe(count);

    // A burst of changes is coalesced: at most one push a second.
    const start = performance.now();
    const states = ["busy", "wrap-up", "available", "paused", "busy", "wrap-up", "available", "busy", "wrap-up", "paused"];
    const base = Date.now() - 100;
    for (const [i, state] of states.entries()) await post([ev({ type: "agent.state", at: base + i, agentId: "fa2", state })]);
    const last = await c.next((g) => agent(g, "fa2")?.since === base + states.length - 1, 3000, count);
    const burst = c.pushes.slice(count);
    expect(burst.length).toBeLessThanOrEqual(Math.ceil((last.t - start) / 1000) + 1);
    expect(burst.length).toBeLessThan(states.length);
  });

  it("gives a supervisor limited to a queue the agents of that queue only", async () => {
    const sup = await client("agents", supervisorKey);
    expect(await ask(sup.socket, "agents:subscribe", "all")).toEqual({ ok: false, error: "forbidden" });
    expect(await ask(sup.socket, "agents:subscribe", "queue:fq2")).toEqual({ ok: false, error: "forbidden" });
    expect(await ask(sup.socket, "waiting:subscribe", "queue:fq2")).toEqual({ ok: false, error: "forbidden" });
    const grid = await data<AgentGrid>(sup.socket, "agents:subscribe", "queue:fq1");
    expect(grid.agents.map((a) => a.agentId)).toEqual(["fa1"]);

    await post([
      ev({ type: "agent.state", at: ago(1), agentId: "fa2", state: "paused", reason: "training" }),
      ev({ type: "agent.state", at: ago(1), agentId: "fa1", state: "wrap-up" }),
    ]);
    const pushed = await sup.next((g) => agent(g, "fa1")?.state === "wrap-up", 3000);
    expect(pushed.data.scope).toBe("queue:fq1");
    for (const p of sup.pushes) expect(p.data.agents.map((a) => a.agentId)).toEqual(["fa1"]);
  });

  it("lists the contacts waiting in a queue and pushes arrivals and departures", async () => {
    const c = await client("waiting");
    expect(await data(c.socket, "waiting:subscribe", "queue:wq")).toMatchObject({ scope: "queue:wq", total: 0, contacts: [] });
    let t = await post([
      ev({ type: "contact.offered", at: ago(40), contactId: "w1", queue: "wq", customerId: "cu-1" }),
      ev({ type: "contact.offered", at: ago(10), contactId: "w2", queue: "wq", channel: "chat" }),
      ev({ type: "contact.offered", at: ago(10), contactId: "w3", queue: "other" }),
    ]);
    let p = await c.next((w) => w.total === 2, 3000);
    expect(p.t - t).toBeLessThan(1000);
    expect(p.data.contacts.map((x) => [x.contactId, x.channel, x.customerId])).toEqual([["w1", "voice", "cu-1"], ["w2", "chat", null]]);
    // Pushes are at most one a second per scope: after a quiet second, a change goes out at once.
    await new Promise((r) => setTimeout(r, 1000));
    t = await post([ev({ type: "contact.answered", at: ago(1), contactId: "w1", agentId: "fa1" })]);
    p = await c.next((w) => w.total === 1, 3000);
    expect(p.t - t).toBeLessThan(1000);
    expect(p.data.contacts[0]!.contactId).toBe("w2");
  });

  it("answers minutes:subscribe with the last hour per minute", async () => {
    const c = await client("minutes");
    const m = await data<{ points: { waiting: number; offered: number }[] }>(c.socket, "minutes:subscribe", "queue:wq");
    expect(m.points).toHaveLength(60);
    expect(m.points[59]!.waiting).toBe(1);
    expect(m.points.reduce((s, p) => s + p.offered, 0)).toBe(2);
  });

  it("computes the same weekday of last week per 15 minutes from storage, once per scope and day", async () => {
    const day = localDay(Date.now(), TZ, -7);
    const noon = dayStart(day, TZ) + 12 * 3_600_000;
    await post([
      ev({ type: "contact.offered", at: noon + 60_000, contactId: "lw1", queue: "lq" }),
      ev({ type: "contact.offered", at: noon + 120_000, contactId: "lw2", queue: "lq" }),
      ev({ type: "contact.offered", at: noon + 16 * 60_000, contactId: "lw3", queue: "lq" }),
    ]);
    const c = await client("minutes");
    const lw = await data<{ day: string; points: { start: string; offered: number }[] }>(c.socket, "lastWeek:get", "queue:lq");
    expect(lw.day).toBe(day);
    expect(lw.points.length).toBeGreaterThanOrEqual(92);
    const at = (ms: number) => lw.points.find((p) => Date.parse(p.start) === ms)?.offered;
    expect(at(noon)).toBe(2);
    expect(at(noon + 15 * 60_000)).toBe(1);
    expect(lw.points.reduce((s, p) => s + p.offered, 0)).toBe(3);

    // Kept for the day: late history for that day does not change it.
    await post([ev({ type: "contact.offered", at: noon, contactId: "lw4", queue: "lq" })]);
    expect((await data<typeof lw>(c.socket, "lastWeek:get", "queue:lq")).points).toEqual(lw.points);
    const sup = await client("minutes", supervisorKey);
    expect(await ask(sup.socket, "lastWeek:get", "queue:lq")).toEqual({ ok: false, error: "forbidden" });
  });
});
