import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { lockFolder } from "./lock";
import * as schema from "./schema";

/**
 * One database handle for the process: drizzle for ordinary queries, and a raw
 * `query` for bulk writes and hot reads, which skip drizzle's query builder.
 * postgres.js gets two clients: drizzle alters the client it is given.
 */

export type Drizzle = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  kind: "postgres" | "pglite";
  /** The PostgreSQL URL, for the postgres kind. */
  url?: string;
  db: Drizzle;
  /** Raw parameterised SQL ($1, $2…); arrays bind as PostgreSQL arrays. */
  query: Query;
  /** Runs `fn` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (query: Query) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Raw parameterised SQL ($1, $2…), answering rows as objects of parsed values. */
export interface Query {
  <T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Visits each row as it arrives (rows are parsed while the next ones are still coming), as its columns' text
   * in UTF-8 bytes (null for NULL), not decoded into strings: for hot reads of long packed text. Resolves once
   * every row was visited; an exception thrown by `visit` stops the visits and rejects, after the statement
   * ends. Select text columns (cast others with `::text`): the embedded database parses values before they
   * are encoded back. The bytes are views of the driver's buffers, valid during the visit only: copy what is kept.
   */
  eachRaw(text: string, params: unknown[], visit: (row: (Uint8Array | null)[]) => void): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — when absent, the embedded PGlite in `dataDir`. */
  url?: string;
  /** Folder of the embedded database; `memory://` for an in-memory one (tests). */
  dataDir?: string;
  /** Connections of the raw client (bulk writes). */
  writers?: number;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.url ? openPostgres(opts.url, opts.writers ?? 4) : openPglite(opts.dataDir ?? "./.vigie");
}

/** Arrays from this length on make a statement planned with its values (see `prepared`). */
export const LARGE_ARRAY = 1000;

/**
 * Whether a statement is sent as a named prepared statement. The hot ones (the ingest INSERT of a few events)
 * are, so they are planned once per connection. One binding a large array is not: after five runs PostgreSQL
 * may keep a generic plan, where `x = any($n)` compares each row with every element instead of hashing the
 * array (seen in a rollup rebuild: the same query took 288 s instead of 2.4 s on the week it switched), and
 * planning is nothing beside such a statement. Behind a transaction-pooling proxy (PgBouncer < 1.21) set its
 * prepared-statement support on.
 */
const prepared = (params: readonly unknown[]): boolean => !params.some((p) => Array.isArray(p) && p.length >= LARGE_ARRAY);

async function openPostgres(url: string, writers: number): Promise<Database> {
  const common = { onnotice: () => {}, connect_timeout: 10, idle_timeout: 60 } as const;
  const raw = postgres(url, { ...common, max: writers });
  const forDrizzle = postgres(url, { ...common, max: 10 });
  // The first array-typed query on a new client fails until its array types are loaded.
  await raw`select 1`;
  return {
    kind: "postgres",
    url,
    db: drizzlePostgres({ client: forDrizzle, schema }),
    query: postgresQuery(raw),
    transaction: async <T>(fn: (query: Query) => Promise<T>) => (await raw.begin((tx) => fn(postgresQuery(tx)))) as T,
    close: async () => {
      await Promise.all([raw.end({ timeout: 5 }), forDrizzle.end({ timeout: 5 })]);
    },
  };
}

function postgresQuery(sql: postgres.Sql | postgres.TransactionSql): Query {
  const run = (text: string, params: unknown[]) => sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: prepared(params) });
  return Object.assign(async <T>(text: string, params: unknown[] = []) => (await run(text, params)) as unknown as T[], {
    eachRaw: async (text: string, params: unknown[], visit: (row: (Uint8Array | null)[]) => void) => {
      // `raw().forEach`: each row handed over as it is received, each value a view of the bytes PostgreSQL sent.
      // A throw inside postgres.js's handler would fail the connection's reading: kept, and thrown at the end.
      let failed: { error: unknown } | undefined;
      await run(text, params)
        .raw()
        .forEach((row) => {
          if (failed) return;
          try {
            visit(row as unknown as (Uint8Array | null)[]);
          } catch (error) {
            failed = { error };
          }
        });
      if (failed) throw failed.error;
    },
  });
}

function pgliteQuery(pg: Pick<PGlite, "query">): Query {
  const encoder = new TextEncoder();
  return Object.assign(async <T>(text: string, params: unknown[] = []) => (await pg.query<T>(text, params)).rows, {
    // PGlite answers once the statement ends, with parsed values: text columns (what `eachRaw` is for) are
    // encoded back, so that callers parse one format on both databases.
    eachRaw: async (text: string, params: unknown[], visit: (row: (Uint8Array | null)[]) => void) => {
      for (const row of (await pg.query<unknown[]>(text, params, { rowMode: "array" })).rows) {
        visit(row.map((v) => (v === null ? null : encoder.encode(typeof v === "string" ? v : String(v)))));
      }
    },
  });
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith("memory://");
  const lock = inMemory ? null : lockFolder(dataDir);
  try {
    const pg = await PGlite.create(inMemory ? dataDir : path.join(dataDir, "pgdata"));
    return {
      kind: "pglite",
      db: drizzlePglite({ client: pg, schema }) as unknown as Drizzle,
      query: pgliteQuery(pg),
      transaction: <T>(fn: (query: Query) => Promise<T>) => pg.transaction((tx) => fn(pgliteQuery(tx))),
      close: async () => {
        try {
          await pg.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}
