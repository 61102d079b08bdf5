import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../../../db/client";
import { backendName, createTestDatabase, resendWhileUnavailable, withAdmin, type TestDatabase } from "../../../../db/testing";
import { loadEnv } from "../../../env";
import type { Scope } from "../../../metrics/scope";
import { startServer, type RunningServer } from "../../../server/boot";
import { serverContext } from "../../../server/context";
import { parseForm } from "./callback";
import callbacks from "./fixtures/taskrouter-callbacks.json";
import { twilioSignature } from "./signature";

/**
 * POST /api/ingest/twilio against the real server (ingest fast path, no Next)
 * on a fresh database: the fixture's callbacks, signed as Twilio signs them and
 * moved to "now", give the metrics computed by hand below (the numbers
 * GET /api/live serves: the hub's snapshot).
 */

const TOKEN = "0123456789abcdef0123456789abcdef";
const backend = backendName();
const fixture = callbacks as unknown as Record<string, string>[];
/** The fixture's T0: task A enters the queue. */
const T0 = Date.parse("2026-11-23T09:00:00Z");

let db: TestDatabase;
let server: RunningServer;
let store: Database;
let ownReader: Database | undefined;
/** How far the fixture moves: once for the file. */
let delta: number;

beforeAll(async () => {
  delta = Math.floor((Date.now() - 60_000 - (T0 + 222_000)) / 1000) * 1000;
  db = await createTestDatabase();
  server = await startServer({
    env: loadEnv({ ...db.env, NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", VIGIE_TWILIO_AUTH_TOKEN: TOKEN }),
    log: () => {},
  });
  store = db.url ? (ownReader = await openDatabase({ url: db.url, writers: 1 })) : serverContext().database;
});

afterAll(async () => {
  await server?.close();
  await ownReader?.close();
  await db?.drop();
});

/**
 * The fixture with its own queue, workers, tasks and event sids (`-suffix`),
 * moved so that its last callback (T0 + 222 s) happened a minute ago.
 */
function scenario(suffix: string): Record<string, string>[] {
  const renamed = ["Sid", "ResourceSid", "TaskSid", "TaskQueueName", "WorkerName", "WorkerSid"];
  return fixture.map((c) => {
    const out = { ...c };
    for (const k of renamed) if (out[k]) out[k] = `${out[k]}-${suffix}`;
    const ms = Number(c.TimestampMs) + delta;
    return { ...out, TimestampMs: String(ms), Timestamp: String(ms / 1000) };
  });
}

const endpoint = () => `${server.url}/api/ingest/twilio`;

async function post(params: Record<string, string>, signature?: string): Promise<{ status: number; body: any }> {
  const body = new URLSearchParams(params).toString();
  const res = await fetch(endpoint(), {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": signature ?? twilioSignature(TOKEN, endpoint(), parseForm(body)),
    },
    body,
  });
  return { status: res.status, body: await res.json() };
}

const metrics = (scope: string) => server.hub.snapshot({ scope: scope as Scope, window: "1h" }).metrics;

async function storedIds(ids: string[]): Promise<string[]> {
  const rows = await store.query<{ id: string }>(`select id from events where id = any($1::text[])`, [ids]);
  return rows.map((r) => r.id);
}

/** Hand-computed from the fixture (see docs/integrations/twilio.md for the mapping). */
function expectScenarioMetrics(suffix: string): void {
  expect(metrics(`queue:support-${suffix}`)).toMatchObject({
    offered: 4, // tasks A, B, C, D entered the queue
    answered: 2, // A (alice, after 12 s), B (bob, after 25 s)
    abandoned: 1, // C canceled after 20 s
    abandonRate: 0.25,
    serviceLevel: 0.25, // only A within 18 s; D, still waiting, has waited past the threshold
    asa: 18.5, // (12 + 25) / 2
    aht: 210, // A only: talk 12 → 192 s, wrap-up 192 → 222 s
    waiting: 1, // D (chat)
  });
  const { longestWait } = metrics(`queue:support-${suffix}`);
  expect(longestWait).toBeGreaterThanOrEqual(190); // D entered at T0 + 90 s, a minute after T0 + 222 s
  expect(longestWait).toBeLessThan(300);
  const agent = (name: string) => metrics(`agent:${name}-${suffix}`);
  expect(agent("alice")).toMatchObject({ agentsAvailable: 1, agentsBusy: 0, agentsWrapUp: 0, agentsPaused: 0 }); // completed A
  expect(agent("bob")).toMatchObject({ agentsAvailable: 0, agentsBusy: 1 }); // still on B
  expect(agent("carol")).toMatchObject({ agentsAvailable: 0, agentsPaused: 1 }); // Break
  expect(agent("dave")).toMatchObject({ agentsAvailable: 0, agentsBusy: 0, agentsWrapUp: 0, agentsPaused: 0 }); // Offline
  expect(metrics(`channel:chat`).offered).toBeGreaterThanOrEqual(1);
}

describe(`POST /api/ingest/twilio (${backend})`, () => {
  it("turns the fixture's callbacks into the expected metrics", async () => {
    const ignored: string[] = [];
    for (const c of scenario("a")) {
      const a = await post(c);
      expect(a.status).toBe(200);
      expect(a.body.rejected).toEqual([]);
      if (a.body.ignored) ignored.push(a.body.ignored);
    }
    expect(ignored).toEqual(["task.created", "reservation.created"]);
    expectScenarioMetrics("a");
  });

  it("counts every callback delivered again as duplicates, changing nothing", async () => {
    const callbacks = scenario("b");
    let accepted = 0;
    for (const c of callbacks) accepted += (await post(c)).body.accepted;
    const before = server.hub.snapshot({ scope: "queue:support-b" as Scope, window: "1h" });
    let duplicates = 0;
    for (const c of callbacks) {
      const a = await post(c);
      expect(a.body.accepted).toBe(0);
      duplicates += a.body.duplicates;
    }
    expect(duplicates).toBe(accepted);
    const after = server.hub.snapshot({ scope: "queue:support-b" as Scope, window: "1h" });
    // Everything but what the clock moves (D keeps waiting).
    const still = (m: Record<string, unknown>) => Object.entries(m).filter(([k]) => k !== "longestWait" && !k.startsWith("forecast"));
    expect(still(after.metrics)).toEqual(still(before.metrics));
  });

  it("gives the same metrics whatever order the callbacks arrive in", async () => {
    for (const c of scenario("c").reverse()) expect((await post(c)).status).toBe(200);
    expectScenarioMetrics("c");
  });

  it("403 for a missing, forged or misaddressed signature, and nothing is stored", async () => {
    const c = scenario("d").find((x) => x.EventType === "task-queue.entered")!;
    const body = parseForm(new URLSearchParams(c).toString());
    const bad = [
      "",
      twilioSignature("f".repeat(32), endpoint(), body),
      twilioSignature(TOKEN, `${endpoint()}?x=1`, body),
      twilioSignature(TOKEN, endpoint(), parseForm(new URLSearchParams({ ...c, TaskQueueName: "elsewhere" }).toString())),
    ];
    for (const signature of bad) {
      const res = await fetch(endpoint(), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...(signature && { "x-twilio-signature": signature }) },
        body: new URLSearchParams(c).toString(),
      });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: expect.stringMatching(/X-Twilio-Signature/) });
    }
    expect(await storedIds([`twilio:${c.Sid}`])).toEqual([]);
    expect(metrics("queue:support-d").offered).toBe(0);
    // The same callback, rightly signed, is stored.
    expect((await post(c)).body).toMatchObject({ accepted: 1 });
    expect(await storedIds([`twilio:${c.Sid}`])).toEqual([`twilio:${c.Sid}`]);
  });

  it("answers 200 {ignored} to a callback it does not map", async () => {
    const c = { ...scenario("e")[0]!, EventType: "workspace.updated" };
    expect(await post(c)).toEqual({ status: 200, body: { accepted: 0, duplicates: 0, rejected: [], skipped: 1, ignored: "workspace.updated" } });
  });
});

describe.runIf(backend === "postgres")(`POST /api/ingest/twilio while storage is unreachable (${backend})`, () => {
  const allow = (yes: boolean) =>
    withAdmin(async (sql) => {
      await sql.unsafe(`alter database ${db.name} allow_connections ${yes}`);
      if (!yes) await sql`select pg_terminate_backend(pid, 5000) from pg_stat_activity where datname = ${db.name!} and pid <> pg_backend_pid()`;
    });
  afterAll(() => allow(true));

  it("answers 503 and acknowledges nothing, so that the callback can be sent again", async () => {
    const c = scenario("f").find((x) => x.EventType === "task.canceled")!;
    await allow(false);
    const a = await post(c);
    expect(a.status).toBe(503);
    expect(a.body).toEqual({ error: expect.stringMatching(/storage unavailable/) });
    await allow(true);
    expect(await storedIds([`twilio:${c.Sid}`])).toEqual([]);
    // Twilio sends it again until it is answered: the first answer that is not a 503 stores it.
    const again = await resendWhileUnavailable(() => post(c));
    expect(again).toMatchObject({ status: 200, body: { accepted: 1, duplicates: 0 } });
  });

  it("stores the next callback at once when the database ended the pooled connections (restart, failover)", async () => {
    const c = scenario("g").find((x) => x.EventType === "task.canceled")!;
    await withAdmin((sql) => sql`select pg_terminate_backend(pid, 5000) from pg_stat_activity where datname = ${db.name!} and pid <> pg_backend_pid()`);
    expect(await post(c)).toMatchObject({ status: 200, body: { accepted: 1, duplicates: 0 } });
  });
});
