import type { Query } from "../../db/client";
import { derivePeriods } from "./derive";
import { periodsOf } from "./periods";

/** Every day and month again from the quarter-hours, after VIGIE_TIMEZONE changed (days are local). */
export async function rederiveAllPeriods(q: Query, timeZone: string): Promise<void> {
  await q(`delete from rollups where grain in ('d', 'm')`);
  await q(`delete from agent_time where grain in ('d', 'm')`);
  const quarters = (
    await q<{ b: number }>(
      `select distinct (extract(epoch from bucket) * 1000)::float8 as b from rollups where grain = 'q'
       union select distinct (extract(epoch from bucket) * 1000)::float8 from agent_time where grain = 'q'`,
    )
  ).map((r) => Number(r.b));
  const days = periodsOf(quarters, "day", timeZone);
  await derivePeriods(q, "d", "q", days.starts, days.ends);
  const months = periodsOf(days.starts, "month", timeZone);
  await derivePeriods(q, "m", "d", months.starts, months.ends);
}
