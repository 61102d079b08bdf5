import type { Query } from "../../db/client";
import type { RollupDelta } from "../metrics/rollup/delta";
import { AGENT_TIME_FIELDS, columnOf, FACT_FIELDS } from "../metrics/rollup/fields";
import type { AgentTimeRow } from "../metrics/rollup/rows";
import { periodsOf } from "./periods";
import { markStale } from "./strips";

const FACT_COLS = FACT_FIELDS.map(columnOf);
const TIME_COLS = AGENT_TIME_FIELDS.map(columnOf);
const allZero = (table: string, cols: readonly string[]) => `(${cols.map((c) => `${table}.${c} = 0`).join(" and ")})`;
const arrays = (from: number, n: number) => Array.from({ length: n }, (_, i) => `$${from + i}::float8[]`).join(", ");

/**
 * A delta's quarter-hour rows (level 0) are sent once; the database adds them
 * into every row they feed: levels 0, 1 (without the agent) and 2 (the agent
 * alone), in the quarter-hour, the local day and the local month ($1–$3 map
 * each quarter-hour to its day and month, computed here as reports compute them).
 */
const UPSERT_FACTS = `
  with up as (with u as (
    select to_timestamp(u.b / 1000.0) as b, u.q, u.c, u.a, to_timestamp(p.d / 1000.0) as d, to_timestamp(p.m / 1000.0) as m,
      ${FACT_COLS.map((c) => `u.${c}`).join(", ")}
    from unnest($4::float8[], $5::text[], $6::text[], $7::text[], ${arrays(8, FACT_COLS.length)}) as u(b, q, c, a, ${FACT_COLS.join(", ")})
    join unnest($1::float8[], $2::float8[], $3::float8[]) as p(qb, d, m) on p.qb = u.b),
  lv as (
    select 0 as l, q, c, a, b, d, m, ${FACT_COLS.join(", ")} from u
    union all select 1, q, c, '', b, d, m, ${FACT_COLS.join(", ")} from u
    union all select 2, '', '', a, b, d, m, ${FACT_COLS.join(", ")} from u),
  gr as (
    select 'q' as g, l, b as t, q, c, a, ${FACT_COLS.join(", ")} from lv
    union all select 'd', l, d, q, c, a, ${FACT_COLS.join(", ")} from lv
    union all select 'm', l, m, q, c, a, ${FACT_COLS.join(", ")} from lv)
  insert into rollups (grain, level, bucket, queue, channel, agent, ${FACT_COLS.join(", ")})
  select g, l, t, q, c, a, ${FACT_COLS.map((c) => `sum(${c})`).join(", ")} from gr group by g, l, t, q, c, a
  on conflict (grain, level, bucket, queue, channel, agent) do update set
    ${FACT_COLS.map((c) => `${c} = rollups.${c} + excluded.${c}`).join(", ")}
  returning grain, level, (extract(epoch from bucket) * 1000)::float8 as b, queue, channel, agent, ${allZero("rollups", FACT_COLS)} as empty)
  select grain, level, b, queue, channel, agent from up where empty`;

const UPSERT_TIME = `
  with up as (insert into agent_time (grain, level, bucket, agent, queues, ${TIME_COLS.join(", ")})
  select u.g, 0, to_timestamp(u.b / 1000.0), u.a, u.qs, ${TIME_COLS.map((c) => `u.${c}`).join(", ")}
  from unnest($1::text[], $2::float8[], $3::text[], $4::text[], ${arrays(5, TIME_COLS.length)}) as u(g, b, a, qs, ${TIME_COLS.join(", ")})
  on conflict (grain, level, bucket, agent, queues) do update set
    ${TIME_COLS.map((c) => `${c} = agent_time.${c} + excluded.${c}`).join(", ")}
  returning grain, (extract(epoch from bucket) * 1000)::float8 as b, agent, queues, ${allZero("agent_time", TIME_COLS)} as empty)
  select grain, b, agent, queues from up where empty`;

const TOUCHED = `with t(g, b) as (select u.g::char(1), to_timestamp(u.b / 1000.0) from unnest($1::text[], $2::float8[]) as u(g, b))`;

/**
 * Rows whose every sum went back to zero are removed: they would list empty groups and count absent agents. The
 * upserts answer which rows they left at zero (usually none): those are deleted by their key, so that a fold's cost
 * does not grow with the rows already in its day and month.
 */
const DROP_EMPTY_FACTS = `delete from rollups r
  using unnest($1::char(1)[], $2::smallint[], $3::float8[], $4::text[], $5::text[], $6::text[]) as k(g, l, b, q, c, a)
  where r.grain = k.g and r.level = k.l and r.bucket = to_timestamp(k.b / 1000.0) and r.queue = k.q and r.channel = k.c and r.agent = k.a
    and ${allZero("r", FACT_COLS)}`;
const DROP_EMPTY_TIME = `delete from agent_time r
  using unnest($1::char(1)[], $2::float8[], $3::text[], $4::text[]) as k(g, b, a, qs)
  where r.grain = k.g and r.level = 0 and r.bucket = to_timestamp(k.b / 1000.0) and r.agent = k.a and r.queues = k.qs
    and ${allZero("r", TIME_COLS)}`;

/** Level 1 of agent time (per queue, with distinct agents) again from level 0 of the same period. */
const REDERIVE_TIME = [
  `${TOUCHED} delete from agent_time r using t where r.grain = t.g and r.bucket = t.b and r.level = 1`,
  `${TOUCHED} insert into agent_time (grain, level, bucket, agent, queues, ${TIME_COLS.join(", ")}, staffed)
   select r.grain, 1, r.bucket, '', member, ${TIME_COLS.map((c) => `sum(r.${c})`).join(", ")}, count(distinct r.agent)
   from t join agent_time r on r.grain = t.g and r.bucket = t.b and r.level = 0
   cross join lateral unnest(array_append(string_to_array(nullif(r.queues, ''), ','), '*')) as member
   group by r.grain, r.bucket, member`,
];

/**
 * Writes a batch's delta in the caller's transaction: the quarter-hour rows
 * (level 0, the truth) and, by the same deltas, the local days and months and
 * the rows without the agent (level 1), marking their strips stale. Distinct agent counts are not
 * additive: they are counted again from level 0 for the periods touched.
 */
export async function applyDelta(q: Query, delta: RollupDelta, timeZone: string): Promise<void> {
  const periods = periodIndex([...delta.facts.map((r) => r.bucket), ...delta.agentTime.map((r) => r.bucket)], timeZone);
  const touched = new Map<string, [string, number]>();
  const touch = (g: string, b: number) => touched.set(`${g}${b}`, [g, b]);

  if (delta.facts.length > 0) {
    const quarters = [...new Set(delta.facts.map((r) => r.bucket))];
    await markStale(q, quarters);
    const f = delta.facts;
    const emptied = await q<{ grain: string; level: number; b: number; queue: string; channel: string; agent: string }>(UPSERT_FACTS, [
      quarters,
      quarters.map((b) => periods.get(b)!.day),
      quarters.map((b) => periods.get(b)!.month),
      f.map((r) => r.bucket),
      f.map((r) => r.queue),
      f.map((r) => r.channel),
      f.map((r) => r.agent),
      ...FACT_COLS.map((_, i) => f.map((r) => r.v[i])),
    ]);
    if (emptied.length > 0) {
      const e = emptied;
      await q(DROP_EMPTY_FACTS, [e.map((r) => r.grain), e.map((r) => r.level), e.map((r) => r.b), e.map((r) => r.queue), e.map((r) => r.channel), e.map((r) => r.agent)]);
    }
  }
  if (delta.agentTime.length > 0) {
    const rows = new Map<string, { g: string; r: AgentTimeRow }>();
    const add = (g: string, b: number, r: AgentTimeRow) => {
      const key = `${g}\u0000${b}\u0000${r.agent}\u0000${r.queues}`;
      const cur = rows.get(key);
      if (cur) for (let i = 0; i < r.v.length; i++) cur.r.v[i]! += r.v[i]!;
      else rows.set(key, { g, r: { bucket: b, agent: r.agent, queues: r.queues, v: Float64Array.from(r.v) } });
      touch(g, b);
    };
    for (const r of delta.agentTime) {
      const { day, month } = periods.get(r.bucket)!;
      add("q", r.bucket, r);
      add("d", day, r);
      add("m", month, r);
    }
    // Level 1 of these quarter-hours is derived again below: their days' strips are stale.
    await markStale(q, delta.agentTime.map((r) => r.bucket));
    const list = [...rows.values()];
    const emptied = await q<{ grain: string; b: number; agent: string; queues: string }>(UPSERT_TIME, [
      list.map((x) => x.g),
      list.map((x) => x.r.bucket),
      list.map((x) => x.r.agent),
      list.map((x) => x.r.queues),
      ...TIME_COLS.map((_, i) => list.map((x) => x.r.v[i])),
    ]);
    // Before level 1 is derived again: an emptied row would count its agent as staffed.
    if (emptied.length > 0) await q(DROP_EMPTY_TIME, [emptied.map((r) => r.grain), emptied.map((r) => r.b), emptied.map((r) => r.agent), emptied.map((r) => r.queues)]);
  }
  if (delta.waitingTouched.length > 0) {
    await q(`delete from waiting_contacts where contact_id = any($1::text[])`, [delta.waitingTouched]);
    const w = delta.waiting;
    if (w.length > 0) {
      await q(
        `insert into waiting_contacts (contact_id, queue, channel, offered_at, queued_at)
         select id, q, c, to_timestamp(o / 1000.0), to_timestamp(s / 1000.0) from unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[]) as u(id, q, c, o, s)`,
        [w.map((x) => x.contactId), w.map((x) => x.queue), w.map((x) => x.channel), w.map((x) => x.at), w.map((x) => x.queuedAt)],
      );
    }
  }
  if (delta.tails.length > 0) {
    const t = delta.tails;
    await q(
      `insert into agent_tails (agent_id, at, state, queues)
       select a, to_timestamp(at / 1000.0), s, qs from unnest($1::text[], $2::float8[], $3::text[], $4::text[]) as u(a, at, s, qs)
       on conflict (agent_id) do update set at = excluded.at, state = excluded.state, queues = excluded.queues`,
      [t.map((x) => x.agentId), t.map((x) => x.at), t.map((x) => x.state), t.map((x) => [...x.queues].sort().join(","))],
    );
  }
  if (delta.agentTime.length > 0) {
    const list = [...touched.values()];
    const params = [list.map(([g]) => g), list.map(([, b]) => b)];
    for (const sql of REDERIVE_TIME) await q(sql, params);
  }
}

/** The local day and month of each quarter-hour. */
function periodIndex(quarters: readonly number[], timeZone: string): Map<number, { day: number; month: number }> {
  const out = new Map<number, { day: number; month: number }>();
  for (const b of quarters) {
    if (out.has(b)) continue;
    const day = periodsOf([b], "day", timeZone).starts[0]!;
    out.set(b, { day, month: periodsOf([b], "month", timeZone).starts[0]! });
  }
  return out;
}
