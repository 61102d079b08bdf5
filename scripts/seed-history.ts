/**
 * `npm run seed:history`: a realistic year of a large contact center (default
 * 10 million contacts, 50 queues, 500 agents, the 365 days before today in
 * VIGIE_TIMEZONE), written through the real write path — each event validated
 * by the ingest schema and stored by the event writer (group commit,
 * idempotent ids) — then the rollups are built from the stored events in one
 * pass (`rebuildAllRollups`, what an upgrade of a database with history does;
 * a running server keeps them up event by event instead). Runs again safely:
 * stored ids are duplicates. Uses DATABASE_URL, else the embedded database in
 * VIGIE_DATA_DIR.
 *
 *   npm run seed:history -- --contacts 1000000 --days 90
 *   npm run seed:history -- --skip-rollups   (events only; then npm run rollups:rebuild)
 */
import { parseArgs } from "node:util";
import { TZDate } from "@date-fns/tz";
import { addDays, startOfDay } from "date-fns";
import { z } from "zod";
import { center, dayEvents, type HistoryShape } from "../bench/history/generate";
import { openDatabase } from "../db/client";
import { migrate } from "../db/migrate";
import { loadEnv } from "../lib/env";
import { parseEvent } from "../lib/events/schema";
import { EventWriter, type EventRow } from "../lib/ingest/event-writer";
import { reportConfig } from "../lib/reports/report-config";
import { rebuildAllRollups } from "../lib/rollups/rebuild-all";

const USAGE = `npm run seed:history -- [--contacts N] [--queues Q] [--agents A] [--days D] [--seed S] [--skip-rollups]
  defaults: 10,000,000 contacts, 50 queues, 500 agents, 365 days, seed 2026; DATABASE_URL, else the embedded database in VIGIE_DATA_DIR`;
const options = { contacts: { type: "string" }, queues: { type: "string" }, agents: { type: "string" }, days: { type: "string" }, seed: { type: "string" }, "skip-rollups": { type: "boolean" }, help: { type: "boolean" } } as const;
let raw: ReturnType<typeof parseArgs<{ options: typeof options }>>["values"];
try {
  raw = parseArgs({ options }).values;
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (raw.help) {
  console.log(USAGE);
  process.exit(0);
}
const { help: _, ...given } = raw;
const parsed = z
  .object({
    contacts: z.coerce.number().int().min(1).default(10_000_000),
    queues: z.coerce.number().int().min(1).max(500).default(50),
    agents: z.coerce.number().int().min(1).max(10_000).default(500),
    days: z.coerce.number().int().min(1).max(366).default(365),
    seed: z.coerce.number().int().default(2026),
    "skip-rollups": z.boolean().default(false),
  })
  .safeParse(given);
if (!parsed.success) {
  console.error(`${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n")}\n${USAGE}`);
  process.exit(2);
}
const args = parsed.data;

const env = loadEnv();
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.VIGIE_DATA_DIR });
await migrate(database);
const tz = env.VIGIE_TIMEZONE;
const today = startOfDay(new TZDate(Date.now(), tz));
const shape: HistoryShape = { ...args, start: addDays(today, -args.days).getTime(), timeZone: tz };
const c = center(shape);
const writer = new EventWriter(database);
const config = await reportConfig(database, env);
console.log(
  `Seeding ${args.contacts.toLocaleString("en")} contacts over ${args.days} days (${args.queues} queues, ${args.agents} agents) into ${database.kind === "postgres" ? "PostgreSQL" : `PGlite (${env.VIGIE_DATA_DIR})`}, zone ${tz}`,
);

const t0 = Date.now();
let written = 0, rejected = 0;
for (let d = 0; d < args.days; d++) {
  const now = Date.now();
  const rows: EventRow[] = [];
  for (const raw of dayEvents(shape, c, d)) {
    const r = parseEvent(raw, now);
    if (!r.ok) {
      rejected++;
      continue;
    }
    rows.push({ event: r.event, payload: r.payload });
  }
  const chunks: Promise<Set<string>>[] = [];
  for (let i = 0; i < rows.length; i += 5000) chunks.push(writer.write(rows.slice(i, i + 5000)));
  for (const inserted of await Promise.all(chunks)) written += inserted.size;
  if ((d + 1) % 10 === 0 || d + 1 === args.days) {
    const s = (Date.now() - t0) / 1000;
    console.log(
      `day ${d + 1}/${args.days}: ${written.toLocaleString("en")} events stored (${Math.round(written / s).toLocaleString("en")}/s)`,
    );
  }
}
const stored = (Date.now() - t0) / 1000;
if (args["skip-rollups"]) {
  console.log(`Events written in ${stored.toFixed(0)} s; rollups not built (--skip-rollups): run npm run rollups:rebuild.`);
} else {
  const r0 = Date.now();
  await rebuildAllRollups(database, config, (line) => console.log(line));
  console.log(`Rollups built in ${((Date.now() - r0) / 1000).toFixed(0)} s (events written in ${stored.toFixed(0)} s).`);
}
const [{ n }] = (await database.query<{ n: string }>(`select count(*) as n from events`)) as [{ n: string }];
console.log(`Done in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${Number(n).toLocaleString("en")} events in the database, ${written.toLocaleString("en")} new, ${rejected} rejected.`);
await database.close();
