import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendName, createTestDatabase, type TestDatabase } from "../../../../db/testing";
import { loadEnv } from "../../../env";
import type { Scope } from "../../../metrics/scope";
import { startServer, type RunningServer } from "../../../server/boot";
import { FIXTURE_LAST, middayZone, shiftExport, shiftLog } from "./testing";

/**
 * POST /api/ingest/asterisk against the real server (ingest fast path, no
 * Next) on a fresh database: the morning fixture, moved to today, gives the
 * hand-counted metrics of the snapshot GET /api/live serves; resending it, or
 * its database export, changes nothing.
 */
const KEY = "asterisk-key-for-tests-0123";
const backend = backendName();
const NOW = Date.now();
const TZ = middayZone(NOW);
const DELTA = Math.floor(NOW / 1000) - 60 - FIXTURE_LAST;
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
const LOG = shiftLog(fixture("morning.queue_log"), DELTA);
const EXPORT = shiftExport(fixture("morning-export.csv"), DELTA, "Europe/Paris", TZ);

let db: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServer({
    env: loadEnv({ ...db.env, NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", VIGIE_INGEST_KEY: KEY, VIGIE_TIMEZONE: TZ }),
    log: () => {},
  });
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

async function post(body: string, opts: { type?: string; auth?: string | null; query?: string } = {}) {
  const headers: Record<string, string> = { "content-type": opts.type ?? "text/plain; charset=utf-8" };
  if (opts.auth !== null) headers.authorization = opts.auth ?? `Bearer ${KEY}`;
  const res = await fetch(`${server.url}/api/ingest/asterisk${opts.query ?? ""}`, { method: "POST", headers, body });
  return { status: res.status, body: (await res.json()) as any };
}

/** What GET /api/live?scope=…&window=today answers (the route returns this snapshot as is). */
const live = (scope: string) => server.hub.snapshot({ scope: scope as Scope, window: "today" }).metrics;

describe(`POST /api/ingest/asterisk (${backend})`, () => {
  it("takes the morning queue_log: every event stored, every other line counted by reason", async () => {
    const a = await post(LOG);
    expect(a.status).toBe(202);
    expect(a.body).toEqual({
      accepted: 62,
      duplicates: 0,
      rejected: [],
      skipped: {
        total: 12,
        byReason: {
          malformed: 1, "not-mapped:CONFIGRELOAD": 1, "not-mapped:QUEUESTART": 2, "not-mapped:RINGCANCELED": 1,
          "not-mapped:RINGNOANSWER": 1, "nul-bytes": 1, "unknown-verb:DID": 4, "unknown-verb:INFO": 1,
        },
      },
    });
    const rows = await server.database.query<{ n: number }>(`select count(*)::int as n from events where id like 'ast-%'`);
    expect(rows[0]?.n).toBe(62);
  });

  it("gives the hand-counted live metrics", () => {
    const all = live("all");
    expect(all).toMatchObject({
      offered: 12, answered: 6, abandoned: 2, abandonRate: 2 / 12, serviceLevel: 5 / 12, asa: 56 / 6, aht: 200,
      waiting: 1, agentsAvailable: 2, agentsBusy: 0, agentsWrapUp: 0, agentsPaused: 1,
    });
    // The last call entered the queue a minute before NOW and still waits.
    expect(all.longestWait).toBeGreaterThanOrEqual(60);
    expect(all.longestWait).toBeLessThan(60 + (Date.now() - NOW) / 1000 + 2);
    expect(live("queue:support")).toMatchObject({ offered: 8, answered: 4, abandoned: 1, serviceLevel: 3 / 8, asa: 10.5, aht: 210, agentsAvailable: 2, agentsPaused: 0 });
    expect(live("queue:ventes")).toMatchObject({ offered: 4, answered: 2, abandoned: 1, serviceLevel: 0.5, asa: 7, aht: 180, agentsAvailable: 0, agentsPaused: 1 });
    expect(live("agent:1002")).toMatchObject({ answered: 3, aht: 220 });
  });

  it("counts a resend, and the database export of the same lines, as duplicates", async () => {
    expect((await post(LOG)).body).toMatchObject({ accepted: 0, duplicates: 62, rejected: [] });
    const csv = await post(EXPORT, { type: "text/csv", query: `?timeZone=${encodeURIComponent(TZ)}` });
    expect(csv.status).toBe(202);
    expect(csv.body).toMatchObject({ accepted: 0, duplicates: 25, rejected: [], skipped: { total: 6 } });
    expect(live("all")).toMatchObject({ offered: 12, answered: 6 });
  });

  it("reports a rejected event by the line it comes from", async () => {
    const future = Math.floor(Date.now() / 1000) + 3600;
    const a = await post(`${future - 7200}|1.1|q|NONE|DID|0155\n${future}|7.7|q|NONE|ENTERQUEUE||0600000000|1\n`);
    expect(a.status).toBe(202);
    expect(a.body).toEqual({
      accepted: 0,
      duplicates: 0,
      rejected: [{ index: 2, error: "contact.offered: at: more than 5 minutes ahead of the server's clock" }],
      skipped: { total: 1, byReason: { "unknown-verb:DID": 1 } },
    });
  });

  it("checks the key first, then the body", async () => {
    expect((await post(LOG, { auth: null })).status).toBe(401);
    expect((await post(LOG, { auth: "Bearer wrong-key-wrong-key-0000" })).status).toBe(401);
    expect(await post("{}", { type: "application/json" })).toMatchObject({ status: 415, body: { error: expect.stringMatching(/text\/plain/) } });
    expect(await post(LOG, { query: "?timeZone=Mars/Olympus" })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^timeZone: /) } });
    expect(await post(" \n")).toMatchObject({ status: 400, body: { error: "empty body" } });
  });
});
