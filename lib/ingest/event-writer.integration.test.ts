import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { backendName, openMigratedTestDatabase, type MigratedTestDatabase } from "../../db/testing";
import { parseEvent } from "../events/schema";
import { EventWriter, type EventRow } from "./event-writer";

/**
 * How the writer meets a connection the database ended (restart, failover,
 * pg_terminate_backend): the real database, behind a wrapper that makes chosen
 * inserts fail as PostgreSQL's admin shutdown (57P01) fails them.
 */

const backend = backendName();
let fresh: MigratedTestDatabase | undefined;
let database: Database;

beforeAll(async () => {
  fresh = await openMigratedTestDatabase();
  database = fresh.database;
});
afterAll(() => fresh?.close());

let n = 0;
function row(): EventRow {
  const raw = { id: `w-${++n}`, type: "contact.offered", at: new Date().toISOString(), contactId: `c-${n}`, queue: "support" };
  const parsed = parseEvent(raw, Date.now());
  if (!parsed.ok) throw new Error(parsed.error);
  return { event: parsed.event, payload: parsed.payload };
}

/** `database` whose next `failures` inserts into events fail with `code`. */
function failing(failures: number, code: string): Database {
  return {
    ...database,
    query: async (text, params) => {
      if (/insert into events/.test(text) && failures-- > 0)
        throw Object.assign(new Error("terminating connection due to administrator command"), { code });
      return database.query(text, params);
    },
  } as Database;
}

const storedIds = async (ids: string[]) =>
  (await database.query<{ id: string }>(`select id from events where id = any($1) order by id`, [ids])).map((r) => r.id);

describe(`EventWriter and ended connections (${backend})`, () => {
  it("writes again once on a fresh connection when the pooled one was ended, and acknowledges the rows", async () => {
    const rows = [row(), row()];
    const ids = rows.map((r) => r.event.id);
    expect(await new EventWriter(failing(1, "57P01")).write(rows)).toEqual(new Set(ids));
    expect(await storedIds(ids)).toEqual([...ids].sort());
  });

  it("answers storage unavailable when the second try fails too, and has stored nothing", async () => {
    const rows = [row()];
    await expect(new EventWriter(failing(2, "57P01")).write(rows)).rejects.toMatchObject({ status: 503 });
    expect(await storedIds([rows[0]!.event.id])).toEqual([]);
  });

  it("does not try again when the database cannot be reached at all", async () => {
    const rows = [row()];
    // One failure only: a second try would have succeeded, so a stored row would show a retry.
    await expect(new EventWriter(failing(1, "ECONNREFUSED")).write(rows)).rejects.toMatchObject({ status: 503 });
    expect(await storedIds([rows[0]!.event.id])).toEqual([]);
  });
});
