import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendName, createTestDatabase, type TestDatabase } from "../../../../db/testing";
import { listAudit, recordAudit } from "../../../auth/audit";
import { parseCsv } from "../../../csv/parse";
import { loadEnv } from "../../../env";
import type { Scope } from "../../../metrics/scope";
import { startServer, type RunningServer } from "../../../server/boot";
import { serverContext, type ServerContext } from "../../../server/context";
import { EXPECTED, FIXTURE_ROWS, readFixture, retime, shiftToRecent } from "./fixtures/fixtures";
import { guessMapping } from "./guess";
import { importCallChunk, type ChunkReport } from "./import-chunk";
import { ImportTally } from "./import-tally";
import { callMappingSchema } from "./mapping";

/**
 * The calls CSV import against the real server (no Next) on a fresh database:
 * the fixtures, moved to a few minutes ago, go through the ingest operation of
 * `POST /api/events` in chunks, as the route sends them; the live metrics are
 * then those computed by hand (fixtures.ts), and a second import is all
 * duplicates. The route itself (permission, body limits) is tested by e2e/imports.e2e.ts.
 */

const backend = backendName();
let db: TestDatabase;
let server: RunningServer;
let ctx: ServerContext;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServer({ env: loadEnv({ ...db.env, NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1" }), log: () => {} });
  // Taken now: another server started in this process would publish its own context.
  ctx = serverContext();
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

const SHIFT = shiftToRecent(Date.now());

/** Imports a fixture as the page does: guessed mapping, chunks of `size` rows; the chunks' reports added up. */
async function importFixture(name: "calls.csv" | "appels-fr.csv", opts: { dryRun: boolean; size?: number }) {
  const { header, rows } = parseCsv(retime(readFixture(name), SHIFT));
  const mapping = callMappingSchema.parse(guessMapping({ header: header!.cells, sample: rows.slice(0, 50).map((r) => r.cells), timeZone: "Europe/Paris" }));
  const reports: ChunkReport[] = [];
  const size = opts.size ?? 4;
  for (let i = 0; i < rows.length; i += size) {
    reports.push(await importCallChunk({ ingest: ctx.ingest, now: Date.now }, { mapping, header: header!.cells, rows: rows.slice(i, i + size), dryRun: opts.dryRun }));
  }
  const sum = (k: "rows" | "accepted" | "duplicates" | "wouldAccept") => reports.reduce((n, r) => n + r[k], 0);
  return {
    reports,
    rows: sum("rows"),
    accepted: sum("accepted"),
    duplicates: sum("duplicates"),
    wouldAccept: sum("wouldAccept"),
    rejectedLines: reports.flatMap((r) => r.rejected.map((x) => x.line)),
  };
}

const live = (scope: string) => server.hub.snapshot({ scope: scope as Scope, window: "1h" }).metrics;

function expectMetrics(scope: string, expected: Record<string, number>) {
  const m = live(scope);
  for (const [k, v] of Object.entries(expected)) expect(m[k], `${scope} ${k}`).toBeCloseTo(v, 6);
}

async function storedCount(prefix: string): Promise<number> {
  const [row] = await ctx.database.query<{ n: number | string }>(`select count(*) as n from events where id like $1`, [`csv-${prefix}%`]);
  return Number(row!.n);
}

describe(`calls CSV import through the ingest operation (${backend})`, () => {
  it("a dry run reports the three bad rows and stores nothing", async () => {
    const r = await importFixture("calls.csv", { dryRun: true });
    expect(r).toMatchObject({ rows: FIXTURE_ROWS.calls.rows, wouldAccept: FIXTURE_ROWS.calls.valid, accepted: 0, duplicates: 0 });
    expect(r.rejectedLines).toEqual(FIXTURE_ROWS.calls.rejectedLines);
    expect(await storedCount("c-")).toBe(0);
    expect(live("all").offered).toBe(0);
  });

  it("an import stores the eight calls durably and the live metrics are those computed by hand", async () => {
    const r = await importFixture("calls.csv", { dryRun: false });
    expect(r).toMatchObject({ accepted: 8, duplicates: 0 });
    expect(r.rejectedLines).toEqual(FIXTURE_ROWS.calls.rejectedLines);
    expect(await storedCount("c-")).toBe(32);
    expectMetrics("queue:support", EXPECTED.support);
    expectMetrics("queue:sales", EXPECTED.sales);
    expectMetrics("all", EXPECTED.all);
    expect(live("agent:a-101")).toMatchObject({ answered: 2, handled: 2 });
    expect(live("channel:chat")).toMatchObject({ offered: 1, answered: 1 });
  });

  it("importing the same file again gives duplicates, not double counts", async () => {
    const before = live("all");
    const r = await importFixture("calls.csv", { dryRun: false, size: 100 });
    expect(r).toMatchObject({ accepted: 0, duplicates: 8 });
    expect(r.reports[0]!.events).toEqual({ accepted: 0, duplicates: 32 });
    expect(await storedCount("c-")).toBe(32);
    expect(live("all")).toEqual(before);
  });

  it("the French export (`;`, local dates and hours, durations) gives the same calls in its own queues", async () => {
    const dry = await importFixture("appels-fr.csv", { dryRun: true });
    expect(dry).toMatchObject({ rows: FIXTURE_ROWS.fr.rows, wouldAccept: FIXTURE_ROWS.fr.valid });
    expect(dry.rejectedLines).toEqual(FIXTURE_ROWS.fr.rejectedLines);
    const r = await importFixture("appels-fr.csv", { dryRun: false, size: 3 });
    expect(r).toMatchObject({ accepted: 8, duplicates: 0 });
    expect(await storedCount("FR-")).toBe(32);
    expectMetrics("queue:Support", EXPECTED.support);
    expectMetrics("queue:Ventes", EXPECTED.sales);
    expect(live("all").offered).toBe(16);
  });

  it("a run is audited once, with its totals", async () => {
    const tally = new ImportTally(async ({ fileName, actor, ...details }) => {
      await recordAudit(ctx.database.db, { actor, action: "events.import", target: fileName, details });
    });
    const run = { importId: "it-run-0001", actor: { kind: "system" as const }, fileName: "calls.csv" };
    const r = await importFixture("calls.csv", { dryRun: false, size: 5 });
    for (const [i, report] of r.reports.entries()) await tally.add(run, report, { final: i === r.reports.length - 1, cancelled: false });
    const { entries } = await listAudit(ctx.database.db, { limit: 5 });
    const mine = entries.filter((e) => e.action === "events.import");
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      target: "calls.csv",
      details: { importId: "it-run-0001", chunks: 3, rows: 11, accepted: 0, duplicates: 8, rejected: 3, complete: true, cancelled: false },
    });
  });
});
