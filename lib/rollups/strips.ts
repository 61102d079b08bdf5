import type { Database, Query } from "../../db/client";
import type { AggregateField } from "../metrics/aggregate";
import { AGENT_TIME_FIELDS, columnOf, FACT_FIELDS, QUARTER_MS } from "../metrics/rollup/fields";

/**
 * Strips: a read-optimised copy of the level 1 quarter-hours (facts without
 * the agent; agent time and staffed agents per queue, under the channel "" and
 * the queue `*` for every agent), for reports at 15 min / 30 min / hour over
 * many days. One row per (UTC day, field) holding, for every (queue, channel)
 * where the field is non-zero that day, its quarter-hours as text:
 * `queue|channel|slot:value,value,slot:value;queue|channel|…` (slot =
 * quarter-hour from 00:00 UTC, 0–95; a value without `slot:` is in the
 * quarter-hour after the previous value's, so busy hours carry no slots;
 * `\`, `|` and `;` in a queue name escaped as `\\`, `\!`, `\,`). A 90-day
 * report reads ~1,500 rows, only of the fields it needs, instead of 400,000
 * quarter-hour rows with all their sums.
 *
 * Exactness: the rows in `rollups` and `agent_time` stay the truth. Every write to a day's
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

const unpivot = (pairs: readonly (readonly [string, string])[]) => `(values ${pairs.map(([f, c]) => `('${f}', r.${c})`).join(", ")}) as f(name, v)`;

/** A day's non-zero values of level 1 quarter-hours ($2–$3): fact sums per (queue, channel). */
const FACT_VALUES = `select f.name, r.queue, r.channel, r.bucket, f.v
  from rollups r cross join lateral ${unpivot(FACT_FIELDS.map((f) => [f, columnOf(f)]))}
  where r.grain = 'q' and r.level = 1 and r.bucket >= $2 and r.bucket < $3 and f.v <> 0`;

/** Agent time and distinct staffed agents per queue (or `*`, every agent), under the channel "". */
const TIME_VALUES = `select f.name, r.queues as queue, '' as channel, r.bucket, f.v
  from agent_time r cross join lateral ${unpivot([...AGENT_TIME_FIELDS.map((f) => [f, columnOf(f)] as const), ["staffedAgents", "staffed"]])}
  where r.grain = 'q' and r.level = 1 and r.bucket >= $2 and r.bucket < $3 and f.v <> 0`;

/** The strips of day $1 (a UTC day, [$2, $3)) from one of the selects above. */
const insertStrips = (values: string) => `insert into rollup_strips (day, field, vals)
  select $1::date, name, string_agg(replace(replace(replace(queue, '\\', '\\\\'), '|', '\\!'), ';', '\\,') || '|' || channel || '|' || vals, ';' order by queue, channel)
  from (
    select name, queue, channel, string_agg(case when slot = prev + 1 then '' else slot || ':' end || v, ',' order by slot) as vals
    from (
      select name, queue, channel, slot, v, lag(slot) over (partition by name, queue, channel order by slot) as prev
      from (
        select name, queue, channel, (extract(epoch from bucket - $2::timestamptz) * 1000)::bigint / ${QUARTER_MS} as slot, v
        from (${values}) as day_values
      ) values_of_day
    ) with_previous
    group by name, queue, channel
  ) strips
  group by name`;

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
      for (const values of [FACT_VALUES, TIME_VALUES]) await q(insertStrips(values), [day, from, to]);
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

/** One strip as read: its day, quarter-hours and values, in `count` leading entries of reused arrays. */
export interface Strip {
  /** Epoch ms of the UTC midnight starting the day. */
  day: number;
  queue: string;
  channel: string;
  /** Index in the `fields` asked for. */
  field: number;
  /** Quarter-hours of the day (0–95: starting at day + quarter × 15 min). */
  quarters: Int32Array;
  values: Float64Array;
  count: number;
}

/**
 * Visits the strips of `fields` on the built `days` (sorted epoch ms of UTC
 * midnights), of every queue or only `queues`; the `Strip` passed to `visit`
 * is reused: read it before returning.
 */
export async function readStrips(
  q: Query,
  days: readonly number[],
  fields: readonly AggregateField[],
  queues: readonly string[] | null,
  visit: (strip: Strip) => void,
): Promise<void> {
  if (days.length === 0 || fields.length === 0) return;
  const iso = days.map((d) => new Date(d).toISOString().slice(0, 10));
  const index = new Map(fields.map((f, i) => [f as string, i]));
  const only = queues && new Set(queues);
  const strip: Strip = { day: 0, queue: "", channel: "", field: 0, quarters: new Int32Array(128), values: new Float64Array(128), count: 0 };
  const decoder = new TextDecoder();
  const names = new NameCache(decoder);
  // 90 days of 15 fields are ~6 million characters: parsed from the bytes received (twice as fast as from
  // strings), each row as it arrives while PostgreSQL sends the next.
  await q.eachRaw(
    `select (extract(epoch from day) * 1000)::bigint::text, field, vals
     from rollup_strips where day >= $1::date and day <= $2::date and day = any($3::date[]) and field = any($4::text[])`,
    [iso[0], iso[iso.length - 1], iso, [...fields]],
    ([day, field, vals]) => {
      strip.day = Number(decoder.decode(day!));
      strip.field = index.get(decoder.decode(field!))!;
      parseStrips(vals!, names, only, strip, visit);
    },
  );
}

const PIPE = 124, SEMI = 59, COMMA = 44, COLON = 58, MINUS = 45;

/**
 * Queue and channel names as strings, decoded once per read: each (day, field) row names the same queues in
 * the same order, so the name at a row's k-th position is looked for first among those met there before.
 */
class NameCache {
  constructor(private readonly decoder: TextDecoder) {}
  readonly #seen: { bytes: Uint8Array; name: string }[][] = [];
  name(u: Uint8Array, from: number, to: number, position: number): string {
    const seen = (this.#seen[position] ??= []);
    for (const s of seen) if (sameBytes(s.bytes, u, from, to)) return s.name;
    // A copy: `u` may be a view of the driver's receive buffer (a Buffer's `slice` is a view too).
    const bytes = new Uint8Array(u.subarray(from, to));
    const raw = this.decoder.decode(bytes);
    const name = raw.includes("\\") ? unescapeQueue(raw) : raw;
    if (seen.length < 8) seen.push({ bytes, name }); // a few per position: queues come and go from day to day
    return name;
  }
}

function sameBytes(a: Uint8Array, u: Uint8Array, from: number, to: number): boolean {
  if (a.length !== to - from) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== u[from + i]) return false;
  return true;
}

const unescapeQueue = (s: string): string => s.replace(/\\(.)/g, (_, c: string) => (c === "!" ? "|" : c === "," ? ";" : c));

/** Visits the strips of one (day, field) row: `queue|channel|slot:value,…;…`, as UTF-8 bytes. */
function parseStrips(u: Uint8Array, names: NameCache, only: ReadonlySet<string> | null, strip: Strip, visit: (strip: Strip) => void): void {
  const n = u.length;
  for (let i = 0, k = 0; i < n; k++) {
    const a = u.indexOf(PIPE, i);
    const b = u.indexOf(PIPE, a + 1);
    strip.queue = names.name(u, i, a, 2 * k);
    if (only && !only.has(strip.queue)) {
      const end = u.indexOf(SEMI, b);
      i = end < 0 ? n : end + 1;
      continue;
    }
    strip.channel = names.name(u, a + 1, b, 2 * k + 1);
    // "slot:value,value,slot:value" up to ';' or the end — integers (sums of counts and milliseconds); a value
    // without its slot is in the quarter-hour after the previous one.
    let count = 0, next = 0, j = b + 1, ch = j < n ? u[j]! : SEMI;
    for (;;) {
      const neg = ch === MINUS;
      if (neg) ch = ++j < n ? u[j]! : SEMI;
      let num = 0;
      while (ch >= 48 && ch <= 57) {
        num = num * 10 + ch - 48;
        ch = ++j < n ? u[j]! : SEMI;
      }
      if (ch === COLON) {
        next = num; // "slot:", then its value
        ch = ++j < n ? u[j]! : SEMI;
        continue;
      }
      strip.quarters[count] = next++;
      strip.values[count++] = neg ? -num : num;
      if (ch !== COMMA) break; // ';' or the end
      ch = ++j < n ? u[j]! : SEMI;
    }
    strip.count = count;
    visit(strip);
    i = j + 1;
  }
}
