import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { createMonthPartition } from "../../db/partitions";
import { migrate } from "../../db/migrate";
import { backendName, createTestDatabase, type TestDatabase } from "../../db/testing";
import { EventWriter } from "../ingest/event-writer";
import { ingestItems, type IngestResult } from "../ingest/ingest";
import { dropExpiredEvents } from "./events-retention";
import { runRetention } from "./runner";

/**
 * Raw-event retention (issue 6) on a real database: `events` partitioned by
 * UTC month, ids unique across partitions through `event_ids`, whole months
 * dropped, too-old events refused, and migration 0005 on a populated database.
 */

const backend = backendName();
const NOW = Date.parse("2026-11-20T10:00:00Z");
const open = (t: TestDatabase) => openDatabase({ url: t.env.DATABASE_URL, dataDir: t.env.VIGIE_DATA_DIR });

let n = 0;
type Raw = Record<string, unknown>;
const offered = (at: string, extra: Raw = {}): Raw => ({
  id: `evt-${++n}`, type: "contact.offered", at, contactId: `c-${n}`, queue: "support", ...extra,
});

function ingester(database: Database, retentionMonths?: number) {
  const writer = new EventWriter(database);
  return (raws: Raw[]): Promise<IngestResult> =>
    ingestItems({ writer, onStored: () => {}, now: () => NOW, retentionMonths }, raws.map((value) => ({ ok: true as const, value })));
}

const partitions = async (database: Database) =>
  (
    await database.query<{ name: string }>(
      `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
       where i.inhparent = 'events'::regclass order by 1`,
    )
  ).map((r) => r.name);
const tableExists = async (database: Database, name: string) =>
  (await database.query<{ n: number }>(`select count(*)::int as n from pg_class where relname = $1`, [name]))[0]!.n > 0;
const stored = (database: Database) =>
  database.query<{ id: string; part: string; at: string }>(
    `select id, tableoid::regclass::text as part, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
     from events order by seq`,
  );
const idCount = async (database: Database) => (await database.query<{ n: number }>(`select count(*)::int as n from event_ids`))[0]!.n;

describe(`events partitioned by month, with retention (${backend})`, () => {
  let t: TestDatabase;
  let database: Database;
  let ingest: ReturnType<typeof ingester>;
  // Spread over months, with backfills of old months, and both sides of the 6-month horizon (2026-06-01).
  const batch = [
    offered("2026-11-20T09:59:00Z"),
    offered("2026-10-31T23:59:59.999Z"),
    offered("2026-11-01T00:00:00.000+01:00"), // 31 October in UTC
    offered("2026-07-14T12:00:00Z"),
    offered("2026-06-01T00:00:00.000Z"),
    offered("2026-05-31T23:59:59.999Z"),
    offered("2025-09-03T08:00:00Z"),
    offered("2024-12-24T18:00:00Z"),
  ];
  const ids = batch.map((e) => e.id as string);

  beforeAll(async () => {
    t = await createTestDatabase();
    database = await open(t);
    await migrate(database);
    ingest = ingester(database, 25);
  });
  afterAll(async () => {
    await database?.close();
    await t?.drop();
  });

  it("creates each month's partition on demand and stores every event in its month, in arrival order", async () => {
    expect(await partitions(database)).toEqual([]);
    expect(await ingest(batch)).toEqual({ accepted: 8, duplicates: 0, rejected: [] });
    expect(await partitions(database)).toEqual([
      "events_p2024_12", "events_p2025_09", "events_p2026_05", "events_p2026_06", "events_p2026_07", "events_p2026_10", "events_p2026_11",
    ]);
    const rows = await stored(database);
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows.map((r) => r.part)).toEqual([
      "events_p2026_11", "events_p2026_10", "events_p2026_10", "events_p2026_07", "events_p2026_06", "events_p2026_05", "events_p2025_09", "events_p2024_12",
    ]);
    expect(await idCount(database)).toBe(8);
  });

  it("keeps seq in arrival order across batches and partitions", async () => {
    const later = [offered("2025-09-04T08:00:00Z"), offered("2026-11-20T09:00:00Z"), offered("2026-06-02T00:00:00Z")];
    expect((await ingest(later)).accepted).toBe(3);
    const rows = await database.query<{ id: string; seq: string }>(`select id, seq::text as seq from events order by events.seq`);
    expect(rows.map((r) => r.id)).toEqual([...ids, ...later.map((e) => e.id)]);
    const seqs = rows.map((r) => Number(r.seq));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it("counts an id already stored as a duplicate, in whatever month it is resent", async () => {
    const [first, , , , , , old] = batch;
    const answer = await ingest([
      first!, // same event again
      { ...first!, at: "2026-07-20T00:00:00Z" }, // same id, another month
      { ...old!, at: "2026-11-19T00:00:00Z", type: "contact.abandoned" }, // an old event's id, dated now
      offered("2026-11-19T00:00:00Z"),
    ]);
    expect(answer).toEqual({ accepted: 1, duplicates: 3, rejected: [] });
    const rows = await stored(database);
    expect(rows.filter((r) => r.id === first!.id)).toEqual([{ id: first!.id, part: "events_p2026_11", at: "2026-11-20T09:59:00.000Z" }]);
    expect(rows.filter((r) => r.id === old!.id)).toEqual([{ id: old!.id, part: "events_p2025_09", at: "2025-09-03T08:00:00.000Z" }]);
  });

  it("stores an id exactly once when batches carrying it are in flight together", async () => {
    // Separate connections on PostgreSQL; PGlite is one connection, its writers take turns.
    const others = backend === "postgres" ? await Promise.all([open(t), open(t)]) : [];
    try {
      const writers = [others[0] ?? database, others[1] ?? database, database].map((d) => new EventWriter(d));
      const parse = (raws: Raw[]) => raws.map((value) => ({ ok: true as const, value }));
      // Months 08 and 09 are new: the writers also race to create their partitions.
      for (const month of ["08", "09", "08", "09"]) {
        const round = Array.from({ length: 200 }, (_, i) => offered(`2026-${i % 2 ? "11" : month}-0${1 + (i % 9)}T10:00:00Z`));
        // Overlapping slices, in opposite orders, written at once through separate connections.
        const results = await Promise.all([
          ingestItems({ writer: writers[0]!, onStored: () => {}, now: () => NOW }, parse(round.slice(0, 150))),
          ingestItems({ writer: writers[1]!, onStored: () => {}, now: () => NOW }, parse(round.slice(50).reverse())),
          ingestItems({ writer: writers[2]!, onStored: () => {}, now: () => NOW }, parse(round.slice(25, 175))),
        ]);
        expect(results.reduce((s, r) => s + r.accepted, 0)).toBe(200);
        expect(results.reduce((s, r) => s + r.duplicates, 0)).toBe(250);
        const [row] = await database.query<{ rows: number; distinct: number }>(
          `select count(*)::int as rows, count(distinct id)::int as distinct from events where id = any($1::text[])`,
          [round.map((e) => e.id)],
        );
        expect(row).toEqual({ rows: 200, distinct: 200 });
      }
    } finally {
      await Promise.all(others.map((d) => d.close()));
    }
  });

  it.runIf(backend === "postgres")("makes a batch wait for an uncommitted one with the same id, then counts it a duplicate (or takes it after a rollback)", async () => {
    const sql = postgres(t.url!, { max: 1, onnotice: () => {} });
    const other = await open(t);
    try {
      const write = ingester(other);
      for (const outcome of ["commit", "rollback"] as const) {
        const e = offered("2026-11-18T00:00:00Z");
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        let inserted!: () => void;
        const holding = new Promise<void>((r) => (inserted = r));
        const tx = sql
          .begin(async (s) => {
            await s`insert into event_ids (id, at) values (${e.id as string}, '2026-11-18T00:00:00Z')`;
            inserted();
            await held;
            if (outcome === "rollback") throw new Error("rollback");
          })
          .catch(() => {});
        await holding;
        const pending = write([e]);
        const early = await Promise.race([pending.then(() => "answered"), new Promise((r) => setTimeout(() => r("waiting"), 300))]);
        expect(early).toBe("waiting");
        release();
        await tx;
        expect(await pending).toEqual(outcome === "commit" ? { accepted: 0, duplicates: 1, rejected: [] } : { accepted: 1, duplicates: 0, rejected: [] });
        // The stand-in batch stored no event: leave no id without one.
        if (outcome === "commit") await sql`delete from event_ids where id = ${e.id as string}`;
      }
    } finally {
      await other.close();
      await sql.end({ timeout: 5 });
    }
  });

  it("drops exactly the months before the horizon, whole, and forgets their ids", async () => {
    const before = await stored(database);
    const expired = new Set(["events_p2024_12", "events_p2025_09", "events_p2026_05"]);
    const report = await dropExpiredEvents(database, { months: 6, now: NOW });
    expect(report.horizon.toISOString()).toBe("2026-06-01T00:00:00.000Z");
    expect(report.dropped).toEqual([...expired]);
    expect(report.created).toEqual(["events_p2026_12"]); // next month, ahead of time
    expect(await partitions(database)).toEqual([
      "events_p2026_06", "events_p2026_07", "events_p2026_08", "events_p2026_09", "events_p2026_10", "events_p2026_11", "events_p2026_12",
    ]);
    for (const name of expired) expect(await tableExists(database, name)).toBe(false);

    const kept = before.filter((r) => !expired.has(r.part));
    expect(await stored(database)).toEqual(kept);
    expect(report.forgottenIds).toBe(before.length - kept.length);
    expect(await idCount(database)).toBe(kept.length);

    // A second pass has nothing left to do.
    expect(await dropExpiredEvents(database, { months: 6, now: NOW })).toMatchObject({ dropped: [], forgottenIds: 0, created: [] });
  });

  it.runIf(backend === "postgres")("runs one pass at a time across instances", async () => {
    const sql = postgres(t.url!, { max: 1, onnotice: () => {} });
    try {
      await sql`select pg_advisory_lock(7361925)`; // what another instance's pass holds
      expect(await runRetention(database, { months: 6, now: NOW })).toBeNull();
      await sql`select pg_advisory_unlock(7361925)`;
      expect(await runRetention(database, { months: 6, now: NOW })).toMatchObject({ dropped: [] });
    } finally {
      await sql.end({ timeout: 5 });
    }
  });

  it("waits an hour into a month before dropping the month that just left the period", async () => {
    const firstOfDecember = Date.parse("2026-12-01T00:30:00Z");
    expect((await dropExpiredEvents(database, { months: 6, now: firstOfDecember })).dropped).toEqual([]);
    expect(await partitions(database)).toContain("events_p2026_06");
  });

  it("refuses, item by item, an event older than the retention period; the rest of the batch is stored", async () => {
    const fresh = offered("2026-11-20T08:00:00Z");
    const answer = await ingester(database, 6)([
      offered("2026-05-31T23:59:59.999Z"), // just before the horizon
      batch[6]!, // a late resend of a dropped event
      fresh,
      batch[0]!, // still a duplicate
      offered("2026-06-01T00:00:00.000Z"), // the horizon itself is kept
    ]);
    const error = "at: older than the retention period of 6 months (events before 2026-06-01T00:00:00.000Z are no longer kept)";
    expect(answer).toEqual({ accepted: 2, duplicates: 1, rejected: [{ index: 0, error }, { index: 1, error }] });
    expect((await stored(database)).some((r) => r.id === batch[6]!.id)).toBe(false);
    expect(await partitions(database)).not.toContain("events_p2026_05");
  });

  it("creates a month again when a writer that knew it finds it dropped", async () => {
    const writer = ingester(database);
    expect((await writer([offered("2026-08-10T00:00:00Z")])).accepted).toBe(1);
    await database.query(`alter table events detach partition events_p2026_08`);
    await database.query(`drop table events_p2026_08`);
    expect((await writer([offered("2026-08-11T00:00:00Z")])).accepted).toBe(1);
    expect(await partitions(database)).toContain("events_p2026_08");
  });

  it.runIf(backend === "postgres")("tolerates two instances creating the same month at the same moment", async () => {
    const sql = postgres(t.url!, { max: 1, onnotice: () => {} });
    const others = await Promise.all([open(t), open(t)]);
    try {
      // Both creations queue behind a reader of `events`, then run at once.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const holding = new Promise<void>((r) => (locked = r));
      const tx = sql.begin(async (s) => {
        await s`lock table events in access share mode`;
        locked();
        await held;
      });
      await holding;
      const both = Promise.all(others.map((d) => createMonthPartition(d, Date.parse("2027-03-01T00:00:00Z"))));
      await new Promise((r) => setTimeout(r, 200));
      release();
      await tx;
      await both;
      expect(await partitions(database)).toContain("events_p2027_03");
    } finally {
      await Promise.all(others.map((d) => d.close()));
      await sql.end({ timeout: 5 });
    }
  });
});

describe(`migration 0005 on a populated database (${backend})`, () => {
  let t: TestDatabase;
  let database: Database;
  let upTo0004: string;

  beforeAll(async () => {
    t = await createTestDatabase({ empty: true });
    database = await open(t);
    // The committed migrations as they stood before 0005.
    const src = fileURLToPath(new URL("../../db/migrations", import.meta.url));
    upTo0004 = await fs.mkdtemp(path.join(os.tmpdir(), "vigie-pre0005-"));
    await fs.mkdir(path.join(upTo0004, "meta"));
    const journal = JSON.parse(await fs.readFile(path.join(src, "meta", "_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.idx <= 4);
    await fs.writeFile(path.join(upTo0004, "meta", "_journal.json"), JSON.stringify(journal));
    for (const e of journal.entries) await fs.copyFile(path.join(src, `${e.tag}.sql`), path.join(upTo0004, `${e.tag}.sql`));
    if (database.kind === "pglite") {
      await migratePglite(database.db as never, { migrationsFolder: upTo0004 });
    } else {
      const client = postgres(t.url!, { max: 1, onnotice: () => {} });
      await migratePostgres(drizzle({ client }), { migrationsFolder: upTo0004 });
      await client.end({ timeout: 5 });
    }
  });
  afterAll(async () => {
    await database?.close();
    await t?.drop();
    if (upTo0004) await fs.rm(upTo0004, { recursive: true, force: true });
  });

  it("keeps every row, its seq and its id's uniqueness, and numbers new events after the old ones", async () => {
    // The pre-0005 writer's statement, on the pre-0005 table.
    const old = (rows: [string, string, string | null][]) =>
      database.query<{ id: string }>(
        `insert into events (id, type, at, contact_id, payload)
         select u.id, 'contact.offered', u.at::timestamptz, u.contact_id, jsonb_build_object('id', u.id, 'type', 'contact.offered', 'at', u.at, 'contactId', u.contact_id, 'queue', 'q')
         from unnest($1::text[], $2::text[], $3::text[]) as u(id, at, contact_id)
         on conflict (id) do nothing returning id`,
        [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
      );
    await old([["m-1", "2026-11-02T10:00:00Z", "c1"], ["m-2", "2025-03-31T23:30:00-02:00", "c2"], ["m-3", "2026-11-01T00:30:00+02:00", "c3"]]);
    await old([["m-1", "2026-11-02T10:00:00Z", "c1"], ["m-4", "2024-12-31T23:59:59.999Z", null]]); // one duplicate: a seq is spent
    await old([["m-5", "2026-10-15T00:00:00Z", "c5"]]);
    const snapshot = `select id, seq::text as seq, type, at, contact_id, agent_id, queue, channel, payload, received_at from events order by events.seq`;
    const before = await database.query(snapshot);
    expect(before.map((r) => r.id)).toEqual(["m-1", "m-2", "m-3", "m-4", "m-5"]);
    const lastSeq = Number(before[before.length - 1]!.seq);

    await migrate(database);

    expect(await database.query(snapshot)).toEqual(before);
    expect(await partitions(database)).toEqual(["events_p2024_12", "events_p2025_04", "events_p2026_10", "events_p2026_11"]);
    expect((await stored(database)).map((r) => [r.id, r.part])).toEqual([
      ["m-1", "events_p2026_11"], ["m-2", "events_p2025_04"], ["m-3", "events_p2026_10"], ["m-4", "events_p2024_12"], ["m-5", "events_p2026_10"],
    ]);
    expect(await idCount(database)).toBe(5);
    const indexes = await database.query<{ name: string }>(
      `select indexname as name from pg_indexes where tablename in ('events', 'event_ids') order by 1`,
    );
    expect(indexes.map((r) => r.name)).toEqual(
      expect.arrayContaining(["event_ids_at_idx", "event_ids_pkey", "events_agent_at_idx", "events_at_idx", "events_contact_idx"]),
    );
    expect(await tableExists(database, "events_pre_0005")).toBe(false);

    const answer = await ingester(database)([
      { id: "m-2", type: "contact.offered", at: "2026-11-20T00:00:00Z", contactId: "c2", queue: "q" },
      { id: "m-6", type: "contact.offered", at: "2026-11-20T00:00:00Z", contactId: "c6", queue: "q" },
    ]);
    expect(answer).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    const [m6] = await database.query<{ seq: string }>(`select seq::text as seq from events where id = 'm-6'`);
    expect(Number(m6!.seq)).toBeGreaterThan(lastSeq);
  });
});
