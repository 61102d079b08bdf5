import type { Query } from "../../db/client";
import { AGENT_TIME_FIELDS, columnOf, FACT_FIELDS } from "../metrics/rollup/fields";
import { markStale } from "./strips";

const FACT_COLS = FACT_FIELDS.map(columnOf);
const TIME_COLS = AGENT_TIME_FIELDS.map(columnOf);
/** An array of instants passed as epoch ms (postgres.js does not bind arrays of dates). */
export const instants = (n: number) => `array(select to_timestamp(x / 1000.0) from unnest($${n}::float8[]) as x)`;
const sumsOf = (cols: readonly string[]) => cols.map((c) => `sum(${c})`).join(", ");

/**
 * Sums kept from level 0 (see db/schema/rollups.ts), recomputed for the
 * periods a batch touched, in the batch's transaction: a reader never sees
 * level 0 ahead of the sums derived from it.
 */

/** Levels 1 and 2 of the given quarter-hours (facts without the agent, and per agent alone; agent time per queue with distinct agents). */
export async function deriveQuarters(q: Query, quarters: readonly number[]): Promise<void> {
  if (quarters.length === 0) return;
  const at = [...quarters];
  await markStale(q, at);
  await q(`delete from rollups where grain = 'q' and level = 1 and bucket = any(${instants(1)})`, [at]);
  await q(
    `insert into rollups (grain, level, bucket, queue, channel, agent, ${FACT_COLS.join(", ")})
     select 'q', 1, bucket, queue, channel, '', ${sumsOf(FACT_COLS)} from rollups
     where grain = 'q' and level = 0 and bucket = any(${instants(1)}) group by bucket, queue, channel`,
    [at],
  );
  await q(`delete from rollups where grain = 'q' and level = 2 and bucket = any(${instants(1)})`, [at]);
  await q(
    `insert into rollups (grain, level, bucket, queue, channel, agent, ${FACT_COLS.join(", ")})
     select 'q', 2, bucket, '', '', agent, ${sumsOf(FACT_COLS)} from rollups
     where grain = 'q' and level = 0 and bucket = any(${instants(1)}) group by bucket, agent`,
    [at],
  );
  await q(`delete from agent_time where grain = 'q' and level = 1 and bucket = any(${instants(1)})`, [at]);
  await q(
    `insert into agent_time (grain, level, bucket, agent, queues, ${TIME_COLS.join(", ")}, staffed)
     select 'q', 1, bucket, '', member, ${sumsOf(TIME_COLS)}, count(distinct agent) from agent_time
     cross join lateral unnest(array_append(string_to_array(nullif(queues, ''), ','), '*')) as member
     where grain = 'q' and level = 0 and bucket = any(${instants(1)}) group by bucket, member`,
    [at],
  );
}

/**
 * Days or months (`grain` d or m) starting at `starts` and ending at `ends`,
 * summed from the finer grain (`from`: q for days, d for months). Agent
 * distinct counts come from the finer level 0, which names the agents.
 */
export async function derivePeriods(q: Query, grain: "d" | "m", from: "q" | "d", starts: readonly number[], ends: readonly number[]): Promise<void> {
  if (starts.length === 0) return;
  const s = [...starts];
  const e = [...ends];
  const periods = `with p(start, stop) as (select to_timestamp(a / 1000.0), to_timestamp(b / 1000.0) from unnest($1::float8[], $2::float8[]) as u(a, b))`;
  await q(`delete from rollups where grain = '${grain}' and bucket = any(${instants(1)})`, [s]);
  await q(`delete from agent_time where grain = '${grain}' and bucket = any(${instants(1)})`, [s]);
  await q(
    `${periods} insert into rollups (grain, level, bucket, queue, channel, agent, ${FACT_COLS.join(", ")})
     select '${grain}', r.level, p.start, r.queue, r.channel, r.agent, ${sumsOf(FACT_COLS.map((c) => `r.${c}`))}
     from p join rollups r on r.grain = '${from}' and r.bucket >= p.start and r.bucket < p.stop
     group by r.level, p.start, r.queue, r.channel, r.agent`,
    [s, e],
  );
  await q(
    `${periods} insert into agent_time (grain, level, bucket, agent, queues, ${TIME_COLS.join(", ")}, staffed)
     select '${grain}', 0, p.start, t.agent, t.queues, ${sumsOf(TIME_COLS.map((c) => `t.${c}`))}, 0
     from p join agent_time t on t.grain = '${from}' and t.level = 0 and t.bucket >= p.start and t.bucket < p.stop
     group by p.start, t.agent, t.queues`,
    [s, e],
  );
  await q(
    `${periods} insert into agent_time (grain, level, bucket, agent, queues, ${TIME_COLS.join(", ")}, staffed)
     select '${grain}', 1, p.start, '', member, ${sumsOf(TIME_COLS.map((c) => `t.${c}`))}, count(distinct t.agent)
     from p join agent_time t on t.grain = '${from}' and t.level = 0 and t.bucket >= p.start and t.bucket < p.stop
     cross join lateral unnest(array_append(string_to_array(nullif(t.queues, ''), ','), '*')) as member
     group by p.start, member`,
    [s, e],
  );
}
