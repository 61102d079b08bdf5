import type { Database, Query } from "../../db/client";
import type { AggregateField } from "../metrics/aggregate";
import { columnOf, FACT_FIELDS, QUARTER_MS } from "../metrics/rollup/fields";

/**
 * Strips: a read-optimised copy of the level 1 quarter-hours (facts without
 * the agent), for reports at 15 min / 30 min / hour over many days. One row
 * per (UTC day, field, queue, channel) holding that day's non-zero
 * quarter-hours as text `slot:value,…` (slot = quarter-hour from 00:00 UTC,
 * 0–95): a 90-day report by queue reads ~100× fewer rows, each only for the
 * fields it needs, instead of every (quarter-hour, queue, channel) row with all
 * its sums.
 *
 * Exactness: the rows in `rollups` stay the truth. Every write to a day's
 * level 1 quarter-hours marks the day stale in the same transaction
 * (`markStale`); reports read strips only for days marked built, in the same
 * snapshot as everything else, and the quarter-hours themselves for the other
 * days. The rollup runner builds the strips of finished days (`buildStrips`).
 * Days are UTC days (always 96 quarter-hours), so the strips do not depend on
 * VIGIE_TIMEZONE.
 */

const DAY_MS = 86_400_000;
const dayOf = (at: number): string => new Date(at - (((at % DAY_MS) + DAY_MS) % DAY_MS)).toISOString().slice(0, 10);

/** Marks stale the UTC days of these quarter-hours (their level 1 rows are being written). */
export async function markStale(q: Query, quarters: Iterable<number>): Promise<void> {
  const days = [...new Set([...quarters].map(dayOf))];
  if (days.length === 0) return;
  await q(
    `insert into rollup_strip_days (day, built) select d, false from unnest($1::date[]) as d
     on conflict (day) do update set built = false where rollup_strip_days.built`,
    [days],
  );
}

/** Marks stale every day from the UTC day of `at` on, and forgets their strips: the rows they copy are being rebuilt. */
export async function staleFrom(q: Query, at: number): Promise<void> {
  await q(`delete from rollup_strips where day >= $1::date`, [dayOf(at)]);
  await q(`update rollup_strip_days set built = false where day >= $1::date and built`, [dayOf(at)]);
}

const UNPIVOT = `(values ${FACT_FIELDS.map((f) => `('${f}', r.${columnOf(f)})`).join(", ")}) as f(name, v)`;

/**
 * Builds the strips of up to `limit` stale days that ended before `now`
 * (today keeps changing: reports read its quarter-hours). Each day in its own
 * transaction, serialised with the rollup writers by the lock on
 * `rollup_state`; nothing is built while a full rebuild is under way.
 * Resolves with the number of days built.
 */
export async function buildStrips(database: Database, now: number, limit = 31): Promise<number> {
  const today = dayOf(now);
  const stale = await database.query<{ day: string }>(
    `select to_char(day, 'YYYY-MM-DD') as day from rollup_strip_days where not built and day < $1::date order by day desc limit $2`,
    [today, Number.isFinite(limit) ? limit : null],
  );
  let built = 0;
  for (const { day } of stale) {
    const done = await database.transaction(async (q) => {
      const [state] = await q<{ watermark: string | number }>(`select watermark from rollup_state where id = 1 for update`);
      if (!state || Number(state.watermark) < 0) return false;
      const [mark] = await q<{ built: boolean }>(`select built from rollup_strip_days where day = $1::date`, [day]);
      if (!mark || mark.built) return false;
      const from = new Date(`${day}T00:00:00Z`);
      const to = new Date(from.getTime() + DAY_MS);
      await q(`delete from rollup_strips where day = $1::date`, [day]);
      // Ordered by field: one field's rows sit together, and a report reads only its fields.
      await q(
        `insert into rollup_strips (day, field, queue, channel, vals)
         select $1::date, f.name, r.queue, r.channel,
           string_agg(((extract(epoch from r.bucket - $2::timestamptz) * 1000)::bigint / ${QUARTER_MS}) || ':' || f.v, ',' order by r.bucket)
         from rollups r cross join lateral ${UNPIVOT}
         where r.grain = 'q' and r.level = 1 and r.bucket >= $2 and r.bucket < $3 and f.v <> 0
         group by f.name, r.queue, r.channel
         order by f.name, r.queue, r.channel`,
        [day, from, to],
      );
      await q(`update rollup_strip_days set built = true where day = $1::date`, [day]);
      return true;
    });
    if (done) built++;
  }
  return built;
}

/**
 * The UTC days in [from, to) whose strips are up to date, as epoch ms of
 * their midnight. Read in the caller's snapshot, with the strips themselves.
 */
export async function builtDays(q: Query, from: number, to: number): Promise<number[]> {
  const rows = await q<{ d: string }>(
    `select to_char(day, 'YYYY-MM-DD') as d from rollup_strip_days where built and day >= $1::date and day <= $2::date order by day`,
    [dayOf(from), dayOf(to - 1)],
  );
  return rows.map((r) => Date.parse(`${r.d}T00:00:00Z`));
}

/**
 * Visits every stored quarter-hour value of `fields` on the built `days`:
 * `visit(queue, channel, fieldIndex, quarterStart, value)`. PostgreSQL joins
 * each (field, queue, channel)'s days into one string, parsed here without
 * splitting.
 */
export async function readStrips(
  q: Query,
  days: readonly number[],
  fields: readonly AggregateField[],
  queues: readonly string[] | null,
  visit: (queue: string, channel: string, field: number, quarter: number, value: number) => void,
): Promise<void> {
  if (days.length === 0 || fields.length === 0) return;
  const params: unknown[] = [days.map((d) => new Date(d).toISOString().slice(0, 10)), [...fields]];
  const rows = await q<{ field: string; queue: string; channel: string; packed: string }>(
    `select field, queue, channel, string_agg(((extract(epoch from day) * 1000)::bigint) || '|' || vals, ';') as packed
     from rollup_strips where day = any($1::date[]) and field = any($2::text[])
       ${queues ? `and queue = any($${params.push([...queues])}::text[])` : ""}
     group by field, queue, channel`,
    params,
  );
  const index = new Map(fields.map((f, i) => [f as string, i]));
  for (const row of rows) {
    const f = index.get(row.field)!;
    const s = row.packed;
    // "day|slot:value,slot:value;day|…" — integers only (sums of counts and milliseconds).
    let day = 0, slot = 0, num = 0, neg = false;
    for (let i = 0, n = s.length; i <= n; i++) {
      const c = i < n ? s.charCodeAt(i) : 59; // ';' ends the last group
      if (c >= 48 && c <= 57) num = num * 10 + (c - 48);
      else if (c === 45) neg = true;
      else {
        const v = neg ? -num : num;
        num = 0;
        neg = false;
        if (c === 124) day = v; // '|'
        else if (c === 58) slot = v; // ':'
        else visit(row.queue, row.channel, f, day + slot * QUARTER_MS, v); // ',' or ';'
      }
    }
  }
}
