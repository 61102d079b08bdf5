/**
 * `npm run bench:reports`: how long reports take on a seeded history
 * (`npm run seed:history` first), on DATABASE_URL or the embedded database in
 * VIGIE_DATA_DIR. The issue's two reports — 90 days by queue at 15 minutes,
 * and one year by agent per month — with the report page's default metrics
 * and with every historical metric; the 90-day one also sorted by a column and
 * compared with the previous period (the page's next clicks). The strips of finished days are built
 * first, as the rollup runner does in the background. Each is run a few times to warm up, then
 * repeatedly for a bounded time; the time is what the report page waits for
 * before rendering: `runMaybeCompared` (catch-up check, rollup reads; the
 * sort and the previous period when asked) and `readPage`
 * (the row count, the first 2,000 rows — their formulas and objects: the
 * page's table — and the release of the report's sums for the next one).
 * Then separately, once per report: the JSON the API sends (CONTRACT §4's row
 * objects: every formula of every cell), streamed in pieces as the route
 * does, with the longest piece (the longest the event loop is held); and all
 * its rows built at once, as a sort or a comparison does.
 *
 *   BENCH_REPORT_SECONDS=30 (per report, default 20), BENCH_REPORT_RUNS=20 (at most, default 30),
 *   BENCH_REPORT_SERIES=1 (also print each timed run's ms, in order: a tail that comes every few runs shows)
 */
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, format, startOfDay, startOfMonth } from "date-fns";
import { openDatabase } from "../db/client";
import { migrate } from "../db/migrate";
import { loadEnv } from "../lib/env";
import { HISTORICAL_IDS } from "../lib/metrics/registry";
import { reportConfig } from "../lib/reports/report-config";
import { reportQuerySchema } from "../lib/reports/report-query";
import { DEFAULT_METRICS } from "../lib/reports/report-url";
import { readPage } from "../lib/reports/report-page";
import { chunkStream, jsonChunks } from "../lib/reports/export-chunks";
import { runMaybeCompared } from "../lib/reports/run-compared";
import { catchUpRollups } from "../lib/rollups/catch-up";
import { buildStrips } from "../lib/rollups/strips";

const env = loadEnv();
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.VIGIE_DATA_DIR });
await migrate(database);
const config = await reportConfig(database, env);
const SECONDS = Number(process.env.BENCH_REPORT_SECONDS ?? 20);
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 30);
const tz = env.VIGIE_TIMEZONE;
const today = startOfDay(new TZDate(Date.now(), tz));
const day = (d: Date) => format(d, "yyyy-MM-dd");
const yesterday = day(addDays(today, -1));

const [{ n }] = (await database.query<{ n: string }>(`select count(*) as n from events`)) as [{ n: string }];
const [{ c }] = (await database.query<{ c: string }>(`select count(*) as c from events where type = 'contact.offered'`)) as [{ c: string }];
const t0 = Date.now();
await catchUpRollups(database, config);
console.log(`${database.kind}: ${Number(n).toLocaleString("en")} events, ${Number(c).toLocaleString("en")} contacts; rollups caught up in ${Date.now() - t0} ms`);
// What the rollup runner does in the background after a catch-up (a few days per pass): all at once here.
const t1 = Date.now();
const built = await buildStrips(database, Date.now(), Infinity);
if (built > 0) {
  await database.query(`analyze rollup_strips`);
  console.log(`strips of ${built} finished days built in ${Date.now() - t1} ms`);
}

const cases = [
  { name: "90 days by queue, 15 min", q: { from: day(addDays(today, -90)), to: yesterday, granularity: "15m", groupBy: "queue" } },
  { name: "1 year by agent, per month", q: { from: day(addMonths(startOfMonth(today), -11)), to: yesterday, granularity: "month", groupBy: "agent" } },
];
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const lines: string[] = [
  "| report | metrics | rows | runs | page p50 ms | page p95 ms | page max ms | all rows ms | JSON MB | JSON ms (streamed) | longest JSON piece ms |",
  "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
];
const DEFAULT = DEFAULT_METRICS.join(",");
for (const { name, q } of cases) {
  const variants = [
    { label: "default (9)", metrics: DEFAULT },
    { label: `all (${HISTORICAL_IDS.length})`, metrics: HISTORICAL_IDS.join(",") },
    // What a manager does next on the 90-day report: sort by a column, compare with the 90 days before.
    ...(q.granularity === "15m"
      ? [
          { label: "default, sorted by offered ↓", metrics: DEFAULT, sort: "-offered" },
          { label: "default, compared with the previous period", metrics: DEFAULT, compare: true },
        ]
      : []),
  ];
  for (const { label, metrics, sort, compare = false } of variants as { label: string; metrics: string; sort?: string; compare?: boolean }[]) {
    const query = reportQuerySchema.parse({ ...q, metrics, sort });
    const run = () => runMaybeCompared(database, query, config, {}, Date.now(), compare);
    const page = async () => {
      const { shown, total } = readPage(await run());
      return total + shown.rows.length;
    };
    for (let i = 0; i < 2; i++) await page();
    const times: number[] = [];
    const until = Date.now() + SECONDS * 1000;
    while (times.length < RUNS && Date.now() < until) {
      const s = performance.now();
      await page();
      times.push(performance.now() - s);
    }
    // The API's JSON, streamed as the route does (lib/reports/export-chunks.ts): its total time, and the longest
    // piece — the longest the server's event loop is held (pushes to the wallboards wait that long at most).
    const exported = await run();
    let longest = 0;
    let bytes = 0;
    const pieces = jsonChunks(exported);
    const timed: Iterator<string> = {
      next: () => {
        const s = performance.now();
        const next = pieces.next();
        longest = Math.max(longest, performance.now() - s);
        return next;
      },
    };
    let t = performance.now();
    const reader = chunkStream(timed, () => exported.release()).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.length;
    const jsonMs = performance.now() - t;
    // Every row built at once: what a sort or a comparison does.
    const report = await run();
    t = performance.now();
    const rows = report.rows.length;
    const rowsMs = performance.now() - t;
    report.release();
    const jsonMb = bytes / 1e6;
    if (process.env.BENCH_REPORT_SERIES === "1") console.log(`${name}, ${label}, each run (ms): ${times.map((t) => t.toFixed(0)).join(" ")}`);
    times.sort((a, b) => a - b);
    const line = `| ${name} | ${label} | ${rows.toLocaleString("en")} | ${times.length} | ${pct(times, 50).toFixed(0)} | ${pct(times, 95).toFixed(0)} | ${times[times.length - 1]!.toFixed(0)} | ${rowsMs.toFixed(0)} | ${jsonMb.toFixed(1)} | ${jsonMs.toFixed(0)} | ${longest.toFixed(0)} |`;
    console.log(line);
    lines.push(line);
  }
}
console.log(`\n${lines.join("\n")}`);
await database.close();
