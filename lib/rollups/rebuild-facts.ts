import type { Database } from "../../db/client";
import { BatchFold } from "../metrics/batch";
import type { EngineConfig } from "../metrics/engine";
import { DEFAULT_REPEAT_DAYS } from "../metrics/engine";
import { columnOf, FACT_FIELDS, quarterOf } from "../metrics/rollup/fields";
import { factRows } from "../metrics/rollup/rows";
import { loadReportEvents } from "../reports/load-events";
import { catchUpRollups } from "./catch-up";
import { deriveQuarters, derivePeriods } from "./derive";
import { periodsOf } from "./periods";

const FACT_COLS = FACT_FIELDS.map(columnOf);

/**
 * Recomputes the stored contributions placed from `from` on with `config`,
 * after a queue's thresholds changed: the live engine applies new thresholds
 * to the contacts it holds (today), and so do the rollups from `from`; earlier
 * periods keep the numbers measured under the thresholds of their time.
 * Agent time and waiting contacts do not depend on thresholds.
 */
export async function rebuildFactsFrom(database: Database, config: EngineConfig, from: number): Promise<void> {
  const start = quarterOf(from);
  for (;;) {
    await catchUpRollups(database, config);
    const [state] = await database.query<{ watermark: string | number }>(`select watermark from rollup_state where id = 1`);
    const watermark = Number(state?.watermark ?? 0);
    const events = await loadReportEvents(database, { from: start, to: Date.now() + 86_400_000 }, config.repeatDays ?? DEFAULT_REPEAT_DAYS, watermark);
    const rows = [...factRows(new BatchFold(events, config).everyFact().filter((f) => f.at >= start)).values()].filter((r) => r.v.some((x) => x !== 0));
    const done = await database.transaction(async (q) => {
      const [now] = await q<{ watermark: string | number }>(`select watermark from rollup_state where id = 1 for update`);
      if (Number(now?.watermark ?? 0) !== watermark) return false;
      const old = await q<{ b: number }>(
        `delete from rollups where grain = 'q' and level = 0 and bucket >= $1 returning (extract(epoch from bucket) * 1000)::float8 as b`,
        [new Date(start)],
      );
      if (rows.length > 0) {
        await q(
          `insert into rollups (grain, level, bucket, queue, channel, agent, ${FACT_COLS.join(", ")})
           select 'q', 0, to_timestamp(u.b / 1000.0), u.q, u.c, u.a, ${FACT_COLS.map((c) => `u.${c}`).join(", ")}
           from unnest($1::float8[], $2::text[], $3::text[], $4::text[], ${FACT_COLS.map((_, i) => `$${5 + i}::float8[]`).join(", ")})
             as u(b, q, c, a, ${FACT_COLS.join(", ")})`,
          [rows.map((r) => r.bucket), rows.map((r) => r.queue), rows.map((r) => r.channel), rows.map((r) => r.agent), ...FACT_COLS.map((_, i) => rows.map((r) => r.v[i]))],
        );
      }
      const quarters = [...new Set([...old.map((r) => Number(r.b)), ...rows.map((r) => r.bucket)])].sort((a, b) => a - b);
      await deriveQuarters(q, quarters);
      const days = periodsOf(quarters, "day", config.timeZone);
      await derivePeriods(q, "d", "q", days.starts, days.ends);
      const months = periodsOf(days.starts, "month", config.timeZone);
      await derivePeriods(q, "m", "d", months.starts, months.ends);
      return true;
    });
    if (done) return;
  }
}
