import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { openDatabase, type Database } from "./client";
import { migrate } from "./migrate";

/**
 * Test-only: a fresh, empty database per suite (STYLE §12). With DATABASE_URL
 * (a superuser URL, as CI provides it) each suite gets its own database on that
 * server; without it, its own PGlite folder under the system temp folder.
 * Nothing here is imported by the application.
 */

export type TestBackend = "postgres" | "pglite";

export interface TestDatabase {
  backend: TestBackend;
  /** Overrides for `loadEnv`: DATABASE_URL or VIGIE_DATA_DIR. */
  env: { DATABASE_URL?: string; VIGIE_DATA_DIR?: string };
  /** The fresh database's URL (postgres backend). */
  url?: string;
  /** The fresh database's name (postgres backend), for admin statements. */
  name?: string;
  /** The fresh PGlite folder (pglite backend, unless in memory). */
  dataDir?: string;
  /** Removes the database (WITH (FORCE): connections left open do not stop it) or the folder. */
  drop(): Promise<void>;
}

/** The server the suites run against: the superuser URL of a real PostgreSQL, or none (PGlite). */
const serverUrl = (): string | undefined => process.env.DATABASE_URL || undefined;

export function backendName(): TestBackend {
  return serverUrl() ? "postgres" : "pglite";
}

/** Runs `fn` on a one-connection client to the server's maintenance database (postgres backend only). */
export async function withAdmin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const url = serverUrl();
  if (!url) throw new Error("withAdmin needs DATABASE_URL (a PostgreSQL server)");
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * A fresh database. On PGlite it is a copy of a template already migrated to
 * the committed migrations (`empty: true`: a copy of a bare cluster, for tests
 * of the migrations themselves); on PostgreSQL it is empty. Either way the
 * caller runs `migrate` (or starts a server, which does): on the migrated copy
 * that finds nothing to apply. `memory: true` gives PGlite an in-memory
 * database (`memory://`, no files; on PostgreSQL it changes nothing) — slower
 * to open than a copy: it runs initdb every time.
 */
export async function createTestDatabase(opts: { memory?: boolean; empty?: boolean } = {}): Promise<TestDatabase> {
  const url = serverUrl();
  if (url) return createPostgres(url);
  if (opts.memory) return { backend: "pglite", env: { VIGIE_DATA_DIR: "memory://" }, drop: async () => {} };
  return createPglite(opts.empty ? "empty" : "migrated");
}

/** A fresh database, opened and migrated, for a suite that reads and writes through `Database`. */
export interface MigratedTestDatabase {
  test: TestDatabase;
  database: Database;
  /** Closes the database, then drops it. */
  close(): Promise<void>;
}

export async function openMigratedTestDatabase(): Promise<MigratedTestDatabase> {
  const test = await createTestDatabase();
  try {
    const database = await openDatabase({ url: test.env.DATABASE_URL, dataDir: test.env.VIGIE_DATA_DIR });
    await migrate(database);
    return {
      test,
      database,
      close: async () => {
        try {
          await database.close();
        } finally {
          await test.drop();
        }
      },
    };
  } catch (e) {
    await test.drop();
    throw e;
  }
}

async function createPostgres(serverUrl: string): Promise<TestDatabase> {
  const name = `vigie_t_${randomBytes(6).toString("hex")}`;
  await withAdmin((sql) => sql.unsafe(`create database ${name}`));
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  return {
    backend: "postgres",
    env: { DATABASE_URL: url },
    url,
    name,
    drop: () => withAdmin(async (sql) => void (await sql.unsafe(`drop database if exists ${name} with (force)`))),
  };
}

async function createPglite(kind: "empty" | "migrated"): Promise<TestDatabase> {
  const template = await pgliteTemplate(kind);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "vigie-t-"));
  await fs.cp(path.join(template, "pgdata"), path.join(dataDir, "pgdata"), { recursive: true });
  return {
    backend: "pglite",
    env: { VIGIE_DATA_DIR: dataDir },
    dataDir,
    drop: () => fs.rm(dataDir, { recursive: true, force: true }),
  };
}

/**
 * PGlite's initdb takes seconds (over 7 s on a busy 2-core machine), and the
 * migrations 1.5–2 s more; copying a cleanly closed cluster takes well under
 * one. Two templates: a bare cluster (like PostgreSQL's template1) and one
 * migrated to the committed migrations. Each is built once per PGlite version
 * (and, migrated, per content of db/migrations) and published with an atomic
 * rename, so concurrent workers never see half of one.
 */
async function pgliteTemplate(kind: "empty" | "migrated"): Promise<string> {
  const version = kind === "empty" ? await pgliteVersion() : `${await pgliteVersion()}-${await migrationsHash()}`;
  const dir = path.join(os.tmpdir(), `vigie-pglite-template-${kind === "empty" ? "" : "migrated-"}${version}`);
  if (await exists(path.join(dir, "ready"))) return dir;
  const source = kind === "migrated" ? await pgliteTemplate("empty") : null;
  const building = await fs.mkdtemp(path.join(os.tmpdir(), "vigie-pglite-building-"));
  try {
    if (source) {
      await fs.cp(path.join(source, "pgdata"), path.join(building, "pgdata"), { recursive: true });
      const database = await openDatabase({ dataDir: building });
      try {
        await migrate(database);
      } finally {
        await database.close();
      }
    } else {
      const { PGlite } = await import("@electric-sql/pglite");
      const pg = await PGlite.create(path.join(building, "pgdata"));
      await pg.close();
    }
    await fs.writeFile(path.join(building, "ready"), `${version}\n`);
    await fs.rename(building, dir);
  } catch (e) {
    await fs.rm(building, { recursive: true, force: true });
    // Another worker published it first; anything else is a real failure.
    if (!(await exists(path.join(dir, "ready")))) throw e;
  }
  return dir;
}

/** A digest of the committed migrations (file names and contents): a changed or added migration makes a new template. */
async function migrationsHash(): Promise<string> {
  const root = fileURLToPath(new URL("./migrations", import.meta.url));
  const hash = createHash("sha256");
  const walk = async (dir: string): Promise<void> => {
    for (const d of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) await walk(p);
      else hash.update(`${path.relative(root, p)}\0`).update(await fs.readFile(p)).update("\0");
    }
  };
  await walk(root);
  return hash.digest("hex").slice(0, 16);
}

async function pgliteVersion(): Promise<string> {
  let dir = path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  for (;;) {
    try {
      const pkg = JSON.parse(await fs.readFile(path.join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "@electric-sql/pglite" && pkg.version) return pkg.version;
    } catch {
      /* not the package root yet */
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error("cannot find @electric-sql/pglite's package.json");
    dir = up;
  }
}

const exists = (p: string) => fs.access(p).then(() => true, () => false);

/**
 * Sends again, once a second as Retry-After asks, while the answer is a 503,
 * for at most `seconds`: what a sender does once the database is back. After an
 * outage postgres.js may need a few seconds to give up a connection it was
 * opening while the database refused them (porsager/postgres#1193).
 */
export async function resendWhileUnavailable<T extends { status: number }>(send: () => Promise<T>, seconds = 20): Promise<T> {
  const until = Date.now() + seconds * 1000;
  let answer = await send();
  while (answer.status === 503 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 1000));
    answer = await send();
  }
  return answer;
}
