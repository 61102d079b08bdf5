import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendName, createTestDatabase, type TestDatabase } from "../../db/testing";
import { loadEnv } from "../env";
import { streamArb } from "../metrics/testing/streams";
import { startServer, type RunningServer } from "../server/boot";
import { contactTimeline } from "./contact-timeline";
import { drillDown, drillQuerySchema } from "./drill-down";
import { reportConfig } from "./report-config";
import { reportQuerySchema } from "./report-query";
import { runReport } from "./run-report";
import { searchContacts } from "./search";

/**
 * Drill-down through ingest and the database: for every cell of today's
 * reports, the listed entities add up to the cell; a contact's timeline is its
 * stored events in time order; search finds contacts by id and customer id;
 * reader limits hold on the three. (The routes are thin; e2e/drill.e2e.ts goes through them.)
 */

const KEY = "drill-ingest-key-for-tests-0123";
const TZ = "Europe/Paris";
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

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(new Date());
const post = async (events: unknown[]) => {
  const res = await fetch(`${server.url}/api/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
    body: JSON.stringify(events),
  });
  expect(res.status).toBe(202);
  expect((await res.json()).rejected).toEqual([]);
};
const config = () => reportConfig(server.database, loadEnv({ ...db.env, VIGIE_TIMEZONE: TZ }));

describe(`drill-down (${backendName()})`, () => {
  it("every cell of today's reports: the entities sum to the cell", async () => {
    const now = Date.now();
    const streams = fc.sample(streamArb(now, 100), { seed: 7, numRuns: 20 });
    await post(streams.flatMap((s, i) => s.map((e) => ({ ...e, id: `d${i}-${e.id}`, contactId: "contactId" in e && e.contactId ? `d${i}-${e.contactId}` : undefined }))));
    const at = Date.now();
    const cfg = await config();
    const day = today();
    let cells = 0;
    for (const groupBy of ["none", "queue", "agent"] as const) {
      for (const only of [{}, { queues: ["sales"] }]) {
        const q = reportQuerySchema.parse({ from: day, to: day, granularity: "hour", groupBy, metrics: "offered,asa,aht,serviceLevel,csat" });
        const report = await runReport(server.database, q, cfg, only, at);
        // The busiest rows: each drill-down reloads the report's events.
        const rows = [...report.rows].sort((a, b) => (b.metrics.offered ?? 0) - (a.metrics.offered ?? 0)).slice(0, 6);
        for (const row of rows) {
          for (const metric of report.metrics) {
            const dq = drillQuerySchema.parse({ from: day, to: day, granularity: "hour", groupBy, bucket: row.bucket, key: row.key ?? undefined, metric, limit: "500" });
            const d = (await drillDown(server.database, dq, cfg, only, at))!;
            expect(d.value, `${groupBy} ${row.key} ${row.bucket} ${metric}`).toBe(row.metrics[metric]);
            for (const f of d.fields.filter((x) => !d.notFromEntities.includes(x))) {
              expect(d.totals[f]).toBe(d.cell[f]);
              expect(d.entities.reduce((s, e) => s + e.fields[f]!, 0), `${metric} ${f}`).toBe(d.cell[f]);
            }
            cells++;
          }
        }
      }
    }
    expect(cells).toBeGreaterThan(20);
  });

  it("a contact's timeline, search by contact and customer id, the drill of its cell, and reader limits", async () => {
    const t0 = Date.now() - 600_000;
    const c = (n: number) => `tl-${n}-${t0}`;
    await post([
      { id: `${c(1)}-e3`, type: "contact.wrapped", at: t0 + 90_000, contactId: c(1) },
      { id: `${c(1)}-e1`, type: "contact.offered", at: t0, contactId: c(1), queue: "tl-support", customerId: `cust-${t0}` },
      { id: `${c(1)}-e2`, type: "contact.answered", at: t0 + 12_000, contactId: c(1), agentId: "tl-agent" },
      { id: `${c(1)}-e4`, type: "contact.ended", at: t0 + 70_000, contactId: c(1) },
      { id: `${c(2)}-e1`, type: "contact.offered", at: t0 + 1_000, contactId: c(2), queue: "tl-other", customerId: `cust-${t0}` },
    ]);
    const cfg = await config();
    const tl = (await contactTimeline(server.database, c(1), cfg, {}))!;
    expect(tl.events.map((e) => e.type)).toEqual(["contact.offered", "contact.answered", "contact.ended", "contact.wrapped"]);
    expect(tl.events[0]!.fields).toMatchObject({ queue: "tl-support", customerId: `cust-${t0}` });
    expect(tl.contact).toMatchObject({ queue: "tl-support", agentId: "tl-agent", status: "answered", waitMs: 12_000, handleMs: 78_000, customerId: `cust-${t0}` });
    expect(await contactTimeline(server.database, c(1), cfg, { queues: ["tl-other"] })).toBeNull();
    expect(await contactTimeline(server.database, c(1), cfg, { agentId: "someone-else" })).toBeNull();
    expect(await contactTimeline(server.database, c(1), cfg, { agentId: "tl-agent" })).not.toBeNull();
    expect(await contactTimeline(server.database, "no-such-contact", cfg, {})).toBeNull();

    expect((await searchContacts(server.database, `cust-${t0}`, {})).map((h) => h.contactId)).toEqual([c(2), c(1)]);
    expect((await searchContacts(server.database, c(1), {})).map((h) => h.contactId)).toEqual([c(1)]);
    expect((await searchContacts(server.database, `cust-${t0}`, { queues: ["tl-other"] })).map((h) => h.contactId)).toEqual([c(2)]);
    expect((await searchContacts(server.database, `cust-${t0}`, { agentId: "tl-agent" })).map((h) => h.contactId)).toEqual([c(1)]);

    const day = today();
    const report = await runReport(server.database, reportQuerySchema.parse({ from: day, to: day, groupBy: "queue", metrics: "offered" }), cfg, {}, Date.now());
    const row = report.rows.find((r) => r.key === "tl-support")!;
    const dq = drillQuerySchema.parse({ from: day, to: day, groupBy: "queue", bucket: row.bucket, key: "tl-support", metric: "offered" });
    const drill = (await drillDown(server.database, dq, cfg, {}, Date.now()))!;
    expect(drill.entities.map((e) => [e.id, e.href])).toEqual([[c(1), `/contacts/${c(1)}`]]);
    expect(await drillDown(server.database, dq, cfg, { queues: ["tl-other"] }, Date.now())).toBeNull();
    expect(await drillDown(server.database, { ...dq, bucket: "2001-01-01T00:00:00+01:00" }, cfg, {}, Date.now())).toBeNull();
    expect(drillQuerySchema.safeParse({ from: day, to: day, groupBy: "queue", bucket: row.bucket, metric: "offered" }).success).toBe(false);
  });
});
