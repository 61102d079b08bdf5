import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendName, createTestDatabase, type TestDatabase } from "../../db/testing";
import { loadEnv } from "../env";
import { startServer, type RunningServer } from "../server/boot";
import { reportConfig } from "./report-config";
import { reportQuerySchema } from "./report-query";
import { runReport } from "./run-report";

/**
 * The days clocks change have 23 and 25 hours (CONTRACT §4: buckets in VIGIE_TIMEZONE), and a contact lands in
 * the local hour it was offered in — on the fall-back day, 02:30 happens twice and the two are kept apart.
 */

const KEY = "reports-dst-key-for-tests-01";
const TZ = "Europe/Paris";
let db: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServer({
    env: loadEnv({ ...db.env, NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", VIGIE_INGEST_KEY: KEY, VIGIE_TIMEZONE: TZ }),
    log: () => {},
  });
  const offered = (id: string, at: string) => ({ id, type: "contact.offered", at, contactId: id, queue: "dst" });
  const res = await fetch(`${server.url}/api/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
    body: JSON.stringify([
      offered("s1", "2026-03-29T01:30:00+01:00"), // before the jump
      offered("s2", "2026-03-29T03:30:00+02:00"), // after it: 02:00–03:00 does not exist
      offered("f1", "2026-10-25T02:30:00+02:00"), // the first 02:30
      offered("f2", "2026-10-25T02:30:00+01:00"), // the second 02:30, an hour later
      offered("f3", "2026-10-25T23:30:00+01:00"),
    ]),
  });
  expect(res.status).toBe(202);
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

async function hourly(day: string) {
  const config = await reportConfig(server.database, loadEnv({ ...db.env, VIGIE_TIMEZONE: TZ }));
  const q = reportQuerySchema.parse({ from: day, to: day, granularity: "hour", metrics: "offered" });
  return (await runReport(server.database, q, config, {}, Date.now())).rows;
}

describe(`reports across clock changes (${backendName()})`, () => {
  it("gives the spring-forward day 23 hours, with no 02:00", async () => {
    const rows = await hourly("2026-03-29");
    expect(rows).toHaveLength(23);
    expect(rows.map((r) => r.bucket)).not.toContain("2026-03-29T02:00:00+01:00");
    expect(rows.find((r) => r.bucket === "2026-03-29T01:00:00+01:00")!.metrics.offered).toBe(1);
    expect(rows.find((r) => r.bucket === "2026-03-29T03:00:00+02:00")!.metrics.offered).toBe(1);
    expect(rows.reduce((n, r) => n + (r.metrics.offered ?? 0), 0)).toBe(2);
  });

  it("gives the fall-back day 25 hours, the two 02:00 hours apart", async () => {
    const rows = await hourly("2026-10-25");
    expect(rows).toHaveLength(25);
    expect(rows.find((r) => r.bucket === "2026-10-25T02:00:00+02:00")!.metrics.offered).toBe(1);
    expect(rows.find((r) => r.bucket === "2026-10-25T02:00:00+01:00")!.metrics.offered).toBe(1);
    expect(rows.find((r) => r.bucket === "2026-10-25T23:00:00+01:00")!.metrics.offered).toBe(1);
  });

  it("counts each of those days once in a daily report of the week", async () => {
    const config = await reportConfig(server.database, loadEnv({ ...db.env, VIGIE_TIMEZONE: TZ }));
    const q = reportQuerySchema.parse({ from: "2026-10-24", to: "2026-10-26", granularity: "day", metrics: "offered" });
    const rows = (await runReport(server.database, q, config, {}, Date.now())).rows;
    expect(rows.map((r) => [r.bucket, r.metrics.offered])).toEqual([
      ["2026-10-24T00:00:00+02:00", 0],
      ["2026-10-25T00:00:00+02:00", 3],
      ["2026-10-26T00:00:00+01:00", 0],
    ]);
  });
});
