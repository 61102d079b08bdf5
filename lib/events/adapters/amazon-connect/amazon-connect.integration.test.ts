import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendName, createTestDatabase, type TestDatabase } from "../../../../db/testing";
import { loadEnv } from "../../../env";
import type { Scope } from "../../../metrics/scope";
import { startServer, type RunningServer } from "../../../server/boot";
import agentEvents from "./fixtures/agent-events.json";
import ctrRecords from "./fixtures/ctr-records.json";
import ctrUpdate from "./fixtures/ctr-update.json";

/**
 * POST /api/ingest/amazon-connect/{ctr,agent-events} against the real server
 * (ingest fast path, no Next) on a fresh database: the fixtures, moved to
 * "now", give the metrics computed by hand below (the numbers GET /api/live
 * serves: the hub's snapshot).
 */

const KEY = "connect-ingest-key-0123456789";
const backend = backendName();
/** The fixtures' T0: C1 enters the queue. Their last record is at T0 + 280 s (a heartbeat). */
const T0 = Date.parse("2026-11-23T09:00:00Z");

let db: TestDatabase;
let server: RunningServer;
/** How far the fixtures move: once for the file, so two versions of a record keep their interval. */
let delta: number;

beforeAll(async () => {
  delta = Math.floor((Date.now() - 20_000 - (T0 + 280_000)) / 1000) * 1000;
  db = await createTestDatabase();
  server = await startServer({
    env: loadEnv({ ...db.env, NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", VIGIE_INGEST_KEY: KEY }),
    log: () => {},
  });
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/**
 * A fixture with its own queue, agents, contacts and event ids (`-suffix`),
 * every time moved by the same amount so that T0 + 280 s was 20 s ago.
 */
function scenario<T>(fixture: T, suffix: string): T {
  const renamed = JSON.stringify(fixture)
    .replace(/"(Support|jdoe|asmith|bwayne|ckent)"/g, `"$1-${suffix}"`)
    .replace(/"([0-9a-f]{8}-[a-f]{4}-4[a-f]{3}-8[a-f]{3}-0{11}\d)"/g, `"$1-${suffix}"`)
    .replace(/"(6f0e1d2c-3b4a-4958-8776-\d{12})"/g, `"$1-${suffix}"`);
  return JSON.parse(renamed, (_k, v: unknown) => {
    if (typeof v !== "string" || !ISO.test(v)) return v;
    const moved = new Date(Date.parse(v) + delta).toISOString();
    return v.includes(".") ? moved : moved.replace(/\.\d{3}Z$/, "Z");
  }) as T;
}

async function post(path: "ctr" | "agent-events", body: string, type = "application/json", auth: string | null = `Bearer ${KEY}`) {
  const res = await fetch(`${server.url}/api/ingest/amazon-connect/${path}`, {
    method: "POST",
    headers: { "content-type": type, ...(auth && { authorization: auth }) },
    body,
  });
  return { status: res.status, body: await res.json() };
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64");
const kinesis = (records: unknown[]) => JSON.stringify({ Records: records.map((r) => ({ kinesis: { data: b64(r) } })) });
const firehose = (records: unknown[]) => JSON.stringify({ requestId: "req-1", timestamp: Date.now(), records: records.map((r) => ({ data: b64(r) })) });
const metrics = (scope: string) => server.hub.snapshot({ scope: scope as Scope, window: "1h" }).metrics;

describe(`POST /api/ingest/amazon-connect/* (${backend})`, () => {
  it("turns the fixtures into the expected metrics; a newer record completes the contact", async () => {
    const ctr = await post("ctr", JSON.stringify(scenario(ctrRecords, "a")));
    // C1 (4 events), C2 (2), C3 (3); C1's older copy, the task and the IVR-only contact skipped.
    expect(ctr).toEqual({ status: 202, body: { accepted: 9, duplicates: 0, rejected: [], skipped: 3 } });

    const events = scenario(agentEvents, "a").map((e) => JSON.stringify(e)).join("\n");
    const agents = await post("agent-events", events, "application/x-ndjson");
    // 14 states and C1's hold (held, resumed); the heartbeat skipped.
    expect(agents).toEqual({ status: 202, body: { accepted: 16, duplicates: 0, rejected: [], skipped: 1 } });

    expect(metrics("queue:Support-a")).toMatchObject({
      offered: 3, // C1, C2, C3
      answered: 2, // C1 (jdoe, after 10 s), C3 (asmith, after 30 s)
      abandoned: 1, // C2 left the queue after 30 s
      abandonRate: 1 / 3,
      serviceLevel: 1 / 3, // C1 only within 18 s
      asa: 20, // (10 + 30) / 2
      aht: 150, // C1 only (C3's after-contact work has not ended): 10 → 130 s talk and hold, 130 → 160 s wrap-up
      avgHold: 20, // C1 on hold 40 → 60 s, from the agent events (a CTR only totals it)
      avgTalk: 100,
      waiting: 0,
      // The agents serve Support-a (their routing profile's inbound queues).
      agentsAvailable: 1, // jdoe, back after C1
      agentsBusy: 0,
      agentsWrapUp: 1, // asmith, in C3's after-contact work
      agentsPaused: 1, // bwayne, Lunch
    });
    expect(metrics("agent:ckent-a")).toMatchObject({ agentsAvailable: 0, agentsBusy: 0, agentsWrapUp: 0, agentsPaused: 0 }); // logged out

    // C3 again, newer (after-contact work ended at T0 + 230 s), as a Lambda forwards a Kinesis batch.
    const update = await post("ctr", kinesis([scenario(ctrUpdate, "a")]));
    expect(update).toEqual({ status: 202, body: { accepted: 1, duplicates: 3, rejected: [], skipped: 0 } });
    expect(metrics("queue:Support-a")).toMatchObject({
      aht: 160, // (150 + C3: 60 → 200 s talk, 200 → 230 s wrap-up) / 2
      avgHold: 10,
    });
  });

  it("counts a batch delivered again as duplicates, changing nothing", async () => {
    const batch = JSON.stringify(scenario(ctrRecords, "b"));
    expect((await post("ctr", batch)).body).toMatchObject({ accepted: 9, duplicates: 0 });
    const before = metrics("queue:Support-b");
    expect(await post("ctr", batch)).toEqual({ status: 202, body: { accepted: 0, duplicates: 9, rejected: [], skipped: 3 } });
    const events = JSON.stringify(scenario(agentEvents, "b"));
    expect((await post("agent-events", events)).body).toMatchObject({ accepted: 16, duplicates: 0 });
    expect((await post("agent-events", events)).body).toMatchObject({ accepted: 0, duplicates: 16 });
    const after = metrics("queue:Support-b");
    expect(after.offered).toBe(before.offered);
    expect(after.aht).toBe(before.aht);
  });

  it("gives the same metrics when two versions of a record arrive out of order", async () => {
    await post("ctr", JSON.stringify(scenario(ctrRecords, "c")));
    await post("ctr", JSON.stringify(scenario(ctrUpdate, "c")));
    const newestFirst = await post("ctr", firehose([scenario(ctrUpdate, "d")]));
    expect(newestFirst.body).toMatchObject({ accepted: 4, rejected: [] });
    const olderAfter = await post("ctr", JSON.stringify(scenario(ctrRecords, "d")));
    // C3's older copy adds nothing the newer one did not have.
    expect(olderAfter.body).toMatchObject({ accepted: 6, duplicates: 3, rejected: [] });
    const pick = ({ offered, answered, abandoned, serviceLevel, asa, aht, avgAcw, avgTalk }: Record<string, unknown>) =>
      ({ offered, answered, abandoned, serviceLevel, asa, aht, avgAcw, avgTalk });
    expect(pick(metrics("queue:Support-d"))).toEqual(pick(metrics("queue:Support-c")));
    expect(metrics("queue:Support-d")).toMatchObject({ offered: 3, answered: 2, abandoned: 1, aht: 160 });
  });

  it("reports records it cannot map by index, keeping the others", async () => {
    const [c1Old, c2] = scenario(ctrRecords, "e");
    const body = ["{not json", JSON.stringify(c2), JSON.stringify({ Channel: "VOICE" }), JSON.stringify(c1Old)].join("\n");
    const a = await post("ctr", body, "application/x-ndjson");
    expect(a.status).toBe(202);
    expect(a.body.rejected.map((r: { index: number }) => r.index)).toEqual([0, 2]);
    expect(a.body.rejected[1].error).toBe("ContactId: is required");
    expect(a.body.accepted).toBe(2 + 3); // C2: offered, abandoned; C1's older copy: offered, answered, ended
  });

  it("401 without the ingest key, before reading the body; 415 for another content type", async () => {
    const body = JSON.stringify(scenario(ctrRecords, "f"));
    for (const path of ["ctr", "agent-events"] as const) {
      expect((await post(path, body, "application/json", null)).status).toBe(401);
      expect((await post(path, body, "application/json", "Bearer wrong-key-0123456789")).status).toBe(401);
      expect((await post(path, body, "text/csv")).status).toBe(415);
    }
    expect(metrics("queue:Support-f").offered).toBe(0);
  });
});
