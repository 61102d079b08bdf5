import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { backendName, createTestDatabase, type TestDatabase } from "../../db/testing";
import { loadEnv } from "../env";
import { HISTORICAL_IDS } from "../metrics/registry";
import type { Scope } from "../metrics/scope";
import { AGENTS, CHANNELS, QUEUES, streamArb } from "../metrics/testing/streams";
import { SumsPool } from "../rollups/sums-pool";
import { startServer, type RunningServer } from "../server/boot";
import { reportCsv } from "./csv";
import { reportConfig } from "./report-config";
import { reportQuerySchema } from "./report-query";
import { ComputedReport } from "./computed-report";
import { rowCount } from "./lazy-report";
import { compareReports, previousRange } from "./compare";
import { runMaybeCompared } from "./run-compared";
import { ReportTooLargeError, runReport, type Report } from "./run-report";
import { parseSort, sortRows } from "./sort-rows";

/**
 * Reports read PostgreSQL with the registry's formulas; live numbers come from
 * the engine fed by the same ingest. For today, both must agree on every
 * historical KPI, for every scope (CONTRACT §4: "live today and the report for
 * today agree exactly"), and a reader limited to a queue gets that queue's numbers.
 */

const KEY = "reports-key-for-tests-0123";
const TZ = "Europe/Paris";
let db: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServer({
    env: loadEnv({ ...db.env, NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", VIGIE_INGEST_KEY: KEY, VIGIE_TIMEZONE: TZ, VIGIE_FCR_DAYS: "2" }),
    log: () => {},
  });
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(new Date());

describe(`reports against live (${backendName()})`, () => {
  it("the report for today equals the live today on every KPI and scope, random streams", async () => {
    const now = Date.now();
    const streams = fc.sample(streamArb(now, 120), { seed: 42, numRuns: 40 });
    // Several streams with distinct ids, all in the same database.
    const events = streams.flatMap((s, i) => s.map((e) => ({ ...e, id: `r${i}-${e.id}`, at: e.at })));
    const res = await fetch(`${server.url}/api/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
      body: JSON.stringify(events),
    });
    expect(res.status).toBe(202);
    expect((await res.json()).rejected).toEqual([]);

    const at = Date.now();
    const config = await reportConfig(server.database, loadEnv({ ...db.env, VIGIE_TIMEZONE: TZ, VIGIE_FCR_DAYS: "2" }));
    const day = today();
    const scopes: [Scope, "queue" | "agent" | "channel" | "none", string | null][] = [
      ["all", "none", null],
      ...QUEUES.map((q) => [`queue:${q}`, "queue", q] as [Scope, "queue", string]),
      ...CHANNELS.map((c) => [`channel:${c}`, "channel", c] as [Scope, "channel", string]),
      ...AGENTS.map((a) => [`agent:${a}`, "agent", a] as [Scope, "agent", string]),
    ];
    const reports = new Map<string, Awaited<ReturnType<typeof runReport>>>();
    for (const groupBy of ["none", "queue", "agent", "channel"] as const) {
      const q = reportQuerySchema.parse({ from: day, to: day, granularity: "day", groupBy });
      reports.set(groupBy, await runReport(server.database, q, config, {}, at));
    }
    let compared = 0;
    for (const [scope, groupBy, key] of scopes) {
      const live = server.hub.engine.metrics(scope, "today", at);
      const row = reports.get(groupBy)!.rows.find((r) => r.key === key);
      if (!row) {
        expect(live.offered, `${scope} has contacts live but no report row`).toBe(0);
        continue;
      }
      for (const id of HISTORICAL_IDS) expect(row.metrics[id], `${scope} ${id}`).toBe(live[id]);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);

    // A reader limited to one queue gets that queue's numbers in the ungrouped report.
    const limited = await runReport(server.database, reportQuerySchema.parse({ from: day, to: day }), config, { queues: ["sales"] }, at);
    const live = server.hub.engine.metrics("queue:sales", "today", at);
    for (const id of HISTORICAL_IDS) expect(limited.rows[0]!.metrics[id], `limited ${id}`).toBe(live[id]);
  });

  it("refuses a report too large to answer, before allocating it, and says what to narrow", async () => {
    const at = Date.now() - 3_600_000;
    const queues = Array.from({ length: 15 }, (_, i) => `big-${i}`);
    const res = await fetch(`${server.url}/api/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
      body: JSON.stringify(queues.map((queue, i) => ({ id: `big-${i}`, type: "contact.offered", at: at + i, contactId: `big-c${i}`, queue }))),
    });
    expect(res.status).toBe(202);
    const config = await reportConfig(server.database, loadEnv({ ...db.env, VIGIE_TIMEZONE: TZ }));
    const from = new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(Date.now() - 365 * 86_400_000);
    // A year at 15 minutes is ~35,000 buckets: with every metric (54), 14 queues pass the 25 million values.
    const year = reportQuerySchema.parse({ from, to: today(), granularity: "15m", groupBy: "queue" });
    // The sums of the groups met before the refusal go back to the pool at once, not when the collector runs.
    const leases: { taken: number; released: number }[] = [];
    const lease = SumsPool.prototype.lease;
    const spy = vi.spyOn(SumsPool.prototype, "lease").mockImplementation(function (this: SumsPool) {
      const real = lease.call(this);
      const seen = { taken: 0, released: 0 };
      leases.push(seen);
      return { ...real, take: (n) => (seen.taken++, real.take(n)), release: () => (seen.released++, real.release()) };
    });
    const refused = await runReport(server.database, year, config, {}, Date.now())
      .catch((e: unknown) => e)
      .finally(() => spy.mockRestore());
    expect(leases).toEqual([{ taken: 13, released: 1 }]);
    expect(refused).toBeInstanceOf(ReportTooLargeError);
    expect((refused as ReportTooLargeError).groups).toBe(14);
    expect((refused as Error).message).toMatch(/at least [\d,]+ rows .* of 54 metrics; at most 1,000,000 rows and 25,000,000 values .* coarser granularity/);
    // The same year without grouping, or by hour, or with one metric, is answered.
    expect((await runReport(server.database, { ...year, groupBy: "none" }, config, {}, Date.now())).rows.length).toBeGreaterThan(35_000);
    expect(rowCount(await runReport(server.database, { ...year, granularity: "hour" }, config, {}, Date.now()))).toBeGreaterThan(15 * 8_700);
    expect(rowCount(await runReport(server.database, { ...year, metrics: ["offered"] }, config, {}, Date.now()))).toBeGreaterThan(15 * 35_000);
  });

  it("sorted or compared, reads as sortRows and compareReports of the plain reports, and leaves the release to the reader", async () => {
    const day = today();
    const config = await reportConfig(server.database, loadEnv({ ...db.env, VIGIE_TIMEZONE: TZ }));
    const q = reportQuerySchema.parse({ from: day, to: day, granularity: "hour", groupBy: "queue", metrics: "offered,aht" });
    const plain = (r: Report) => ({ ...r, rows: r.rows });
    const current = plain(await runReport(server.database, q, config, {}, Date.now()));
    const before = plain(await runReport(server.database, { ...q, ...previousRange(day, day) }, config, {}, Date.now()));
    const release = vi.spyOn(ComputedReport.prototype, "release");
    try {
      for (const sort of [undefined, "-offered", "key", "-bucket"]) {
        const sorted = await runMaybeCompared(server.database, { ...q, sort }, config, {}, Date.now(), false);
        const compared = await runMaybeCompared(server.database, { ...q, sort }, config, {}, Date.now(), true);
        const order = sort === undefined ? undefined : parseSort(sort);
        expect(JSON.stringify(sorted)).toBe(JSON.stringify({ ...current, rows: sortRows(current.rows, order) }));
        const expected = compareReports(current, before);
        expect(JSON.stringify(compared)).toBe(JSON.stringify({ ...expected, rows: sortRows(expected.rows, order) }));
      }
      expect(release).toHaveBeenCalledTimes(0);
    } finally {
      release.mockRestore();
    }
  });

  it("answers CSV with one line per row and the registry's names as headers", async () => {
    const day = today();
    const config = await reportConfig(server.database, loadEnv({ ...db.env, VIGIE_TIMEZONE: TZ }));
    const q = reportQuerySchema.parse({ from: day, to: day, granularity: "hour", groupBy: "queue", metrics: "offered,aht,serviceLevel" });
    const report = await runReport(server.database, q, config, {}, Date.now());
    const csv = reportCsv(report).trimEnd().split("\r\n");
    expect(csv[0]).toBe("bucket,key,offered,aht,serviceLevel");
    expect(csv).toHaveLength(report.rows.length + 1);
    expect(reportCsv(report, "fr").split("\r\n")[0]).toBe("bucket,key,Présentés,DMT (s),QoS (0-1)");
  });
});
