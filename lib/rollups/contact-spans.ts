import type { Database } from "../../db/client";
import type { ContactSpan } from "../reports/load-events";

const PREFIX = "rebuild_contact_spans_";
/** A table left by a rebuild that died is dropped by a later one once this old (no rebuild runs this long). */
const LEFTOVER_MS = 2 * 86_400_000;

/**
 * Each contact's first and last stored event (up to `maxSeq`), in a scratch
 * table of this rebuild: with it a week's contacts are searched in the months
 * that hold their events, not in every partition (on PostgreSQL 15 a list of
 * contact ids costs one index descent per id and partition). One pass over the
 * events; the table is unlogged, named after this rebuild (two rebuilds never
 * share one), and dropped by `close`.
 */
export async function contactSpans(database: Database, maxSeq: number): Promise<{ span: ContactSpan; close: () => Promise<void> }> {
  const stamp = Date.now();
  for (const { name } of await database.query<{ name: string }>(`select tablename as name from pg_tables where tablename like $1`, [`${PREFIX}%`])) {
    const made = Number(name.slice(PREFIX.length).split("_")[0]);
    if (Number.isFinite(made) && made < stamp - LEFTOVER_MS) await database.query(`drop table if exists "${name}"`);
  }
  const table = `${PREFIX}${stamp}_${Math.floor(Math.random() * 1e9)}`;
  await database.query(`create unlogged table "${table}" (contact_id text not null, lo timestamptz(3) not null, hi timestamptz(3) not null)`);
  try {
    await database.query(
      `insert into "${table}" select contact_id, min(at), max(at) from events where contact_id is not null and seq <= $1 group by contact_id`,
      [maxSeq],
    );
    await database.query(`create index on "${table}" (contact_id)`);
    await database.query(`analyze "${table}"`);
  } catch (e) {
    await database.query(`drop table if exists "${table}"`);
    throw e;
  }
  return {
    span: async (contactIds) => {
      const [r] = await database.query<{ lo: number | null; hi: number | null }>(
        `select (extract(epoch from min(lo)) * 1000)::float8 as lo, (extract(epoch from max(hi)) * 1000)::float8 as hi
         from "${table}" where contact_id = any($1::text[])`,
        [contactIds],
      );
      // A millisecond wider each side: whatever the rounding of the epoch, the span holds every event.
      return r?.lo == null || r.hi == null ? null : { from: Math.floor(Number(r.lo)) - 1, to: Math.ceil(Number(r.hi)) + 1 };
    },
    close: async () => {
      await database.query(`drop table if exists "${table}"`);
    },
  };
}
