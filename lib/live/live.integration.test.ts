import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendName, createTestDatabase, type TestDatabase } from "../../db/testing";
import { loadEnv } from "../env";
import { METRIC_IDS } from "../metrics/registry";
import type { Scope } from "../metrics/scope";
import type { Snapshot } from "../metrics/snapshot";
import { startServer, type RunningServer } from "../server/boot";
import type { ClientToServerEvents, ServerToClientEvents, Subscription } from "./socket-events";

/**
 * CONTRACT §3 over a real socket.io connection to the real server (no Next),
 * events arriving through POST /api/events. Every wait is for a condition,
 * bounded; "within 1 s" is measured from the 202.
 */

const KEY = "live-key-for-tests-012345";
/** VIGIE_API_KEY: the `manager` role reads every scope (CONTRACT §6). */
const API_KEY = "live-api-key-for-tests-0123";
const backend = backendName();

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let db: TestDatabase;
let server: RunningServer;
const sockets: LiveSocket[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServer({
    env: loadEnv({ ...db.env, NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", VIGIE_INGEST_KEY: KEY, VIGIE_API_KEY: API_KEY }),
    log: () => {},
  });
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.close();
  await db?.drop();
});

// ---------------------------------------------------------------------------

interface Received {
  snap: Snapshot;
  /** performance.now() at arrival. */
  t: number;
}

/** A connected client that records every pushed snapshot, per room. */
async function client(): Promise<{ socket: LiveSocket; pushes: Received[]; next(pred: (s: Snapshot) => boolean, timeoutMs: number): Promise<Received> }> {
  const socket: LiveSocket = io(server.url, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin: server.url, authorization: `Bearer ${API_KEY}` },
  });
  sockets.push(socket);
  const pushes: Received[] = [];
  const waiters = new Set<(r: Received) => void>();
  socket.on("snapshot", (snap) => {
    const r = { snap, t: performance.now() };
    pushes.push(r);
    for (const w of waiters) w(r);
  });
  await connected(socket);
  /** The first push from now on matching `pred`. */
  const next = (pred: (s: Snapshot) => boolean, timeoutMs: number) =>
    new Promise<Received>((resolve, reject) => {
      const w = (r: Received) => {
        if (!pred(r.snap)) return;
        waiters.delete(w);
        clearTimeout(timer);
        resolve(r);
      };
      const timer = setTimeout(() => {
        waiters.delete(w);
        reject(new Error(`no matching snapshot pushed within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.add(w);
    });
  return { socket, pushes, next };
}

function connected(socket: LiveSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
    if (!socket.connected) socket.connect();
  });
}

async function subscribe(socket: LiveSocket, sub: Subscription): Promise<Snapshot> {
  const ack = await socket.timeout(5000).emitWithAck("subscribe", sub);
  if (!ack.ok) throw new Error(ack.error);
  return ack.snapshot;
}

let n = 0;
const offered = (queue: string, at = Date.now() - 3000) => ({ id: `live-${++n}`, type: "contact.offered", at, contactId: `lc-${n}`, queue });

/** POSTs events and resolves at the 202, with performance.now() of its arrival. */
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

const inRoom = (sub: Subscription) => (s: Snapshot) => s.scope === sub.scope && s.window === sub.window;

// ---------------------------------------------------------------------------

describe(`live snapshots over socket.io (${backend})`, () => {
  it("answers a subscription with a full snapshot", async () => {
    const { socket } = await client();
    const before = Date.now();
    const s = await subscribe(socket, { scope: "queue:full", window: "today" });
    expect(s.scope).toBe("queue:full");
    expect(s.window).toBe("today");
    expect(Number.isInteger(s.version) && s.version > 0).toBe(true);
    expect(Date.parse(s.at)).toBeGreaterThanOrEqual(before - 1);
    expect(Object.keys(s.metrics).sort()).toEqual([...METRIC_IDS].sort());
    expect(s.metrics).toMatchObject({ offered: 0, answered: 0, waiting: 0, longestWait: null, abandonRate: null, asa: null });
    for (const v of Object.values(s.metrics)) expect(v === null || Number.isFinite(v)).toBe(true);
    expect(s).toEqual(JSON.parse(JSON.stringify({ ...server.hub.snapshot({ scope: "queue:full", window: "today" }), at: s.at })));
  });

  it("pushes a snapshot with a higher version within 1 s of a 202, to the subscribed rooms only", async () => {
    const c = await client();
    const sub: Subscription = { scope: "queue:push", window: "1h" };
    const first = await subscribe(c.socket, sub);
    const other = await subscribe(c.socket, { scope: "queue:quiet", window: "1h" });

    const pushed = c.next((s) => inRoom(sub)(s) && s.metrics.offered === 3, 5000);
    const t202 = await post([offered("push"), offered("push"), offered("push")]);
    const { snap, t } = await pushed;
    expect(t - t202).toBeLessThan(1000);
    expect(snap.version).toBeGreaterThan(first.version);
    expect(snap.metrics).toMatchObject({ offered: 3, waiting: 3 });

    const subscribed = new Set([roomKey(sub), roomKey(other)]);
    for (const r of c.pushes) expect(subscribed).toContain(roomKey(r.snap));
  });

  it("only raises versions, coalescing a burst into a few pushes a second", async () => {
    const c = await client();
    const sub: Subscription = { scope: "queue:burst", window: "1h" };
    const acked = await subscribe(c.socket, sub);
    const start = performance.now();
    const requests = 30;
    for (let i = 0; i < requests; i++) await post([offered("burst")]);
    const last = await c.next((s) => inRoom(sub)(s) && s.metrics.offered === requests, 2000);
    const elapsed = last.t - start;

    const mine = c.pushes.filter((r) => inRoom(sub)(r.snap));
    const versions = [acked.version, ...mine.map((r) => r.snap.version)];
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1]!);
    const offeredSeen = mine.map((r) => r.snap.metrics.offered!);
    expect(offeredSeen).toEqual([...offeredSeen].sort((a, b) => a - b));
    // One push per 250 ms tick at most (+1 for a tick landing at each end).
    expect(mine.length).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 2);
    expect(mine.length).toBeLessThan(requests);
  });

  it("gives a full snapshot again after a reconnect, including what happened while away", async () => {
    const c = await client();
    const sub: Subscription = { scope: "queue:away", window: "1h" };
    const before = await subscribe(c.socket, sub);
    await post([offered("away")]);
    const seen = await c.next((s) => inRoom(sub)(s) && s.metrics.offered === 1, 2000);

    c.socket.disconnect();
    await post([offered("away"), offered("away")]);
    await connected(c.socket);
    const again = await subscribe(c.socket, sub);
    expect(Object.keys(again.metrics).sort()).toEqual([...METRIC_IDS].sort());
    expect(again.metrics.offered).toBe(3);
    expect(again.version).toBeGreaterThan(seen.snap.version);
    expect(seen.snap.version).toBeGreaterThan(before.version);

    // And pushes resume on the new connection.
    const resumed = c.next((s) => inRoom(sub)(s) && s.metrics.offered === 4, 2000);
    await post([offered("away")]);
    expect((await resumed).snap.version).toBeGreaterThan(again.version);
  });

  it("answers an invalid subscription with {ok: false, error}", async () => {
    const { socket } = await client();
    const bad = async (raw: unknown) => socket.timeout(5000).emitWithAck("subscribe", raw as Subscription);
    const scope = await bad({ scope: "team:blue", window: "today" });
    expect(scope).toEqual({ ok: false, error: expect.stringMatching(/^scope: /) });
    const window = await bad({ scope: "all", window: "2h" });
    expect(window).toEqual({ ok: false, error: expect.stringMatching(/^window: must be today, 1h or 15m/) });
    for (const raw of [null, "all", { scope: "queue:", window: "1h" }, { window: "today" }]) {
      expect(await bad(raw)).toEqual({ ok: false, error: expect.any(String) });
    }
    // The socket still works.
    expect((await subscribe(socket, { scope: "all", window: "15m" })).scope).toBe("all");
  });

  it("advances longestWait with no new event while a contact waits", async () => {
    const c = await client();
    const sub: Subscription = { scope: "queue:wait", window: "15m" };
    const offeredAt = Date.now() - 2000;
    await post([offered("wait", offeredAt)]);
    const first = await subscribe(c.socket, sub);
    expect(first.metrics.waiting).toBe(1);

    const p1 = await c.next(inRoom(sub), 3000);
    const p2 = await c.next((s) => inRoom(sub)(s) && Date.parse(s.at) - Date.parse(p1.snap.at) >= 1000, 4000);
    for (const s of [first, p1.snap, p2.snap]) {
      expect(s.metrics.waiting).toBe(1);
      expect(s.metrics.longestWait).toBe((Date.parse(s.at) - offeredAt) / 1000);
    }
    expect(p2.snap.metrics.longestWait! - p1.snap.metrics.longestWait!).toBeGreaterThanOrEqual(1);
    expect(p2.snap.version).toBeGreaterThan(p1.snap.version);
  });
});

const roomKey = (s: { scope: Scope | string; window: string }) => `${s.scope}|${s.window}`;
