import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LARGE_ARRAY, openDatabase, type Database } from "./client";
import { backendName, createTestDatabase, openMigratedTestDatabase, withAdmin, type MigratedTestDatabase, type TestDatabase } from "./testing";

/**
 * The PostgreSQL client when the server ends a connection in the middle of a
 * transaction (restart, failover, pg_terminate_backend). postgres.js 3.4.9
 * sends the transaction's ROLLBACK on the dead connection: unpatched, that
 * write throws outside any query (an uncaught exception: the server process
 * dies) and leaves the connection slot unable to write again (every later
 * query on it waits for connect_timeout). `patches/postgres+3.4.9.patch`
 * fixes both; this is its test. PGlite has no connections to lose.
 */

const backend = backendName();

describe.runIf(backend === "postgres")("a transaction whose connection the server ends", () => {
  let db: TestDatabase;
  let store: Database;
  const uncaught: unknown[] = [];
  const onUncaught = (e: unknown) => uncaught.push(e);

  beforeAll(async () => {
    db = await createTestDatabase();
    // One connection: the slot that lost its backend is the one the next query uses.
    store = await openDatabase({ url: db.url!, writers: 1 });
    process.on("uncaughtException", onUncaught);
  });

  afterAll(async () => {
    process.off("uncaughtException", onUncaught);
    await store?.close();
    await db?.drop();
  });

  /** Ends the backends running `marker`'s statement, once one is seen. */
  async function terminateWhenRunning(marker: string): Promise<void> {
    await withAdmin(async (sql) => {
      for (let i = 0; i < 100; i++) {
        const [row] = await sql`select count(*)::int as n from pg_stat_activity
          where datname = ${db.name!} and state = 'active' and query like ${`%${marker}%`} and pid <> pg_backend_pid()`;
        if (row!.n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = ${db.name!} and query like ${`%${marker}%`} and pid <> pg_backend_pid()`;
    });
  }

  it("rejects the transaction, throws nothing outside it, and the next statements run at once", async () => {
    for (let round = 0; round < 3; round++) {
      const marker = `vigie_interrupted_${round}`;
      const interrupted = store.transaction((q) => q(`select pg_sleep(5) as ${marker}`)).then(
        () => "committed",
        (e: { code?: string }) => e.code,
      );
      await terminateWhenRunning(marker);
      expect(["CONNECTION_CLOSED", "57P01"]).toContain(await interrupted);
      // The deferred ROLLBACK write runs on the next turn of the event loop.
      await new Promise((r) => setTimeout(r, 50));
      expect(uncaught).toEqual([]);

      const started = Date.now();
      expect(await store.query<{ x: number }>("select 1 as x")).toEqual([{ x: 1 }]);
      expect(await store.transaction((q) => q<{ y: number }>("select 2 as y"))).toEqual([{ y: 2 }]);
      // Unpatched, the slot waits for connect_timeout (10 s) and then fails.
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });
});

describe.runIf(backend === "postgres")("statements binding large arrays", () => {
  let db: TestDatabase;
  let store: Database;

  beforeAll(async () => {
    db = await createTestDatabase();
    // One connection: the statements it has prepared are the ones pg_prepared_statements shows it.
    store = await openDatabase({ url: db.url!, writers: 1 });
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const preparedLike = async (marker: string) =>
    (await store.query<{ n: number }>(`select count(*)::int as n from pg_prepared_statements where statement like $1 and statement not like '%pg_prepared_statements%'`, [`%${marker}%`]))[0]!.n;

  it("are planned with their values (never a generic plan), while small ones stay prepared", async () => {
    const small = Array.from({ length: LARGE_ARRAY - 1 }, (_, i) => `c${i}`);
    const large = [...small, "last"];
    for (let i = 0; i < 7; i++) {
      expect(await store.query(`select count(*)::int as n from unnest($1::text[]) as small_marker(x) where x = any($1::text[])`, [small])).toEqual([{ n: small.length }]);
      expect(await store.query(`select count(*)::int as n from unnest($1::text[]) as large_marker(x) where x = any($1::text[])`, [large])).toEqual([{ n: large.length }]);
      await store.transaction((q) => q(`select count(*)::int as n from unnest($1::text[]) as tx_large_marker(x)`, [large]));
    }
    expect(await preparedLike("small_marker")).toBe(1);
    expect(await preparedLike("large_marker")).toBe(0);
  });
});

describe("rows read as bytes (eachRaw)", () => {
  let m: MigratedTestDatabase;

  beforeAll(async () => {
    m = await openMigratedTestDatabase();
  });

  afterAll(async () => {
    await m?.close();
  });

  const text = new TextDecoder();
  const sql = `select x::text, case when x % 2 = 0 then null else 'é|' || x end from generate_series(1, $1::int) as x`;

  it("visits every row, each column's text as UTF-8 bytes, NULL as null, inside a transaction too", async () => {
    for (const run of [m.database.query, null]) {
      const seen: (string | null)[][] = [];
      const visit = (row: (Uint8Array | null)[]) => seen.push(row.map((v) => (v === null ? null : text.decode(v))));
      if (run) await run.eachRaw(sql, [5000], visit);
      else await m.database.transaction((q) => q.eachRaw(sql, [5000], visit));
      expect(seen).toHaveLength(5000);
      expect(seen[0]).toEqual(["1", "é|1"]);
      expect(seen[1]).toEqual(["2", null]);
      expect(seen[4998]).toEqual(["4999", "é|4999"]);
    }
  });

  it("rejects with what the visitor threw, visits nothing after it, and the connection stays usable", async () => {
    let visits = 0;
    const failure = new Error("too many rows");
    const read = m.database.transaction((q) =>
      q.eachRaw(sql, [5000], () => {
        if (++visits === 10) throw failure;
      }),
    );
    await expect(read).rejects.toBe(failure);
    expect(visits).toBe(10);
    for (let i = 0; i < 5; i++) expect(await m.database.query<{ x: number }>("select 1 as x")).toEqual([{ x: 1 }]);
    expect(await m.database.transaction((q) => q<{ y: number }>("select 2 as y"))).toEqual([{ y: 2 }]);
  });
});
