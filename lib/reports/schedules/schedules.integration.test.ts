import fs from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../../db/client";
import { reportSchedules } from "../../../db/schema";
import { backendName, createTestDatabase, type TestDatabase } from "../../../db/testing";
import { loadEnv, type Env } from "../../env";
import { startServer, type RunningServer } from "../../server/boot";
import { reportCsv } from "../csv";
import { dayIn, presetRange } from "../presets";
import { reportConfig } from "../report-config";
import { reportQuerySchema } from "../report-query";
import { runReport } from "../run-report";
import { verifySignature } from "./destination";
import { lastDue } from "./due";
import { ScheduleRunner } from "./runner";
import type { ScheduleInput } from "./schedule-input";
import { createSchedule } from "./store";

/**
 * Scheduled reports on a real server and database: a due schedule writes the
 * same CSV as `GET /api/reports` (same operation, same query), a webhook receives it signed, and two runners
 * on one database run a due schedule once.
 */

const KEY = "schedules-ingest-key-0123";
const API_KEY = "schedules-api-key-0123456";
const TZ = "Europe/Paris";
let db: TestDatabase;
let server: RunningServer;
let env: Env;
let reportsDir: string;
let hook: Server;
const received: { body: string; headers: Record<string, string | string[] | undefined> }[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  reportsDir = await fs.mkdtemp(path.join(os.tmpdir(), "vigie-reports-"));
  env = loadEnv({ ...db.env, NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", VIGIE_INGEST_KEY: KEY, VIGIE_API_KEY: API_KEY, VIGIE_TIMEZONE: TZ, VIGIE_REPORTS_DIR: reportsDir });
  server = await startServer({ env, log: () => {} });
  hook = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      received.push({ body, headers: req.headers });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
  // Yesterday at noon, local: a few contacts for the report to count.
  const noon = Date.parse(`${presetRange("yesterday", dayIn(Date.now(), TZ)).from}T11:00:00Z`);
  const events = [
    { id: "s1", type: "contact.offered", at: noon, contactId: "c1", queue: "sales" },
    { id: "s2", type: "contact.answered", at: noon + 5000, contactId: "c1", agentId: "a1" },
    { id: "s3", type: "contact.ended", at: noon + 65_000, contactId: "c1" },
    { id: "s4", type: "contact.offered", at: noon + 1000, contactId: "c2", queue: "support" },
    { id: "s5", type: "contact.abandoned", at: noon + 40_000, contactId: "c2" },
  ];
  const res = await fetch(`${server.url}/api/events`, { method: "POST", headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" }, body: JSON.stringify(events) });
  expect(res.status).toBe(202);
});

afterAll(async () => {
  await new Promise<void>((r) => hook?.close(() => r()));
  await server?.close();
  await db?.drop();
  await fs.rm(reportsDir, { recursive: true, force: true });
});

const system = { kind: "system" } as const;
/** A daily schedule due two minutes ago, created (as if) two days ago. */
async function dueNow(name: string, destination: ScheduleInput["destination"], due = true) {
  const t = new Date(Date.now() - 120_000);
  const local = new Intl.DateTimeFormat("en-GB", { timeZone: TZ, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(t);
  const input: ScheduleInput = {
    name,
    query: { preset: "yesterday", granularity: "hour", groupBy: "queue", metrics: "offered,answered,abandonRate,aht", lang: "en" },
    frequency: { kind: "daily", time: local },
    destination,
    enabled: true,
  };
  const created = await createSchedule(server.database.db, input, null, system);
  // Created after its due time, a schedule waits for the next one: "run now" alone runs it.
  if (due) await server.database.db.update(reportSchedules).set({ createdAt: sql`now() - interval '2 days'` }).where(eq(reportSchedules.id, created.id));
  return { ...created, range: presetRange("yesterday", lastDue(input.frequency, Date.now(), TZ).day) };
}

const runner = (database: Database = server.database) => new ScheduleRunner({ database, env, log: () => {}, retryDelayMs: 50 });

async function statusOf(id: string) {
  const [row] = await server.database.db.select().from(reportSchedules).where(eq(reportSchedules.id, id));
  return row!;
}

describe(`scheduled reports (${backendName()})`, () => {
  it("a schedule due now writes the CSV that /api/reports answers for the same query", async () => {
    const s = await dueNow("Daily sales", { kind: "folder", path: "daily/ops" });
    await runner().tick();
    await expect.poll(async () => (await statusOf(s.id)).lastStatus, { timeout: 10_000 }).toBe("ok");
    const file = path.join(reportsDir, "daily/ops", `vigie-daily-sales-${s.range.from}-${s.range.to}.csv`);
    const written = await fs.readFile(file, "utf8");
    // What GET /api/reports?…&format=csv answers (this server runs without Next: its operation, called the same way).
    const params = `from=${s.range.from}&to=${s.range.to}&granularity=hour&groupBy=queue&metrics=offered,answered,abandonRate,aht&lang=en&format=csv`;
    const query = reportQuerySchema.parse(Object.fromEntries(new URLSearchParams(params)));
    const api = reportCsv(await runReport(server.database, query, await reportConfig(server.database, env), { queues: null, agentId: null }, Date.now()), query.lang);
    expect(written).toBe(api);
    expect(written).toContain("sales");
    // No temp file left behind, and the run is not repeated.
    expect((await fs.readdir(path.dirname(file))).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const ranAt = (await statusOf(s.id)).lastRunAt;
    await runner().tick();
    expect((await statusOf(s.id)).lastRunAt).toEqual(ranAt);
  });

  it("a webhook receives the CSV, signed with the schedule's secret", async () => {
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/in`;
    const s = await dueNow("Hook", { kind: "webhook", url }, false);
    received.length = 0;
    const outcome = await runner().runNow(s.id);
    expect(outcome).toMatchObject({ status: "ok", target: url });
    expect(received).toHaveLength(1);
    const [got] = received;
    expect(got!.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(got!.headers["content-disposition"]).toBe(`attachment; filename="vigie-hook-${s.range.from}-${s.range.to}.csv"`);
    expect(verifySignature(got!.body, s.secret, got!.headers["x-vigie-signature"] as string)).toBe(true);
    expect(got!.body.startsWith("bucket,key,")).toBe(true);
  });

  it("two runners on one database run a due schedule once", async () => {
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/twice`;
    const s = await dueNow("Twice", { kind: "webhook", url });
    received.length = 0;
    const other = db.url ? await openDatabase({ url: db.url }) : server.database;
    try {
      await Promise.all([runner().tick(), runner(other).tick(), runner().tick()]);
      await expect.poll(async () => (await statusOf(s.id)).lastStatus, { timeout: 10_000 }).toBe("ok");
      expect(received.filter((r) => r.headers["x-vigie-schedule"] === s.id)).toHaveLength(1);
    } finally {
      if (other !== server.database) await other.close();
    }
  });

  it("records a failed delivery", async () => {
    const s = await dueNow("Broken", { kind: "webhook", url: "http://127.0.0.1:9/nothing" }, false);
    const outcome = await runner().runNow(s.id);
    expect(outcome?.status).toBe("error");
    const row = await statusOf(s.id);
    expect(row.lastStatus).toBe("error");
    expect(row.lastError).toBeTruthy();
  });
});
