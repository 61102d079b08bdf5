/**
 * `npm run retention`: one pass of the retention of raw events, by hand, with
 * the server's configuration (DATABASE_URL or VIGIE_DATA_DIR,
 * VIGIE_EVENTS_RETENTION_MONTHS). The server runs the same pass hourly; on the
 * embedded database, stop the server first (the folder is locked).
 */
import { openDatabase } from "../db/client";
import { migrate } from "../db/migrate";
import { listEventPartitions } from "../db/partitions";
import { EnvError, loadEnv } from "../lib/env";
import { runRetention } from "../lib/retention/runner";

async function main(): Promise<void> {
  const env = loadEnv();
  const months = env.VIGIE_EVENTS_RETENTION_MONTHS;
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.VIGIE_DATA_DIR, writers: 1 });
  try {
    await migrate(database);
    const report = await runRetention(database, { months, now: Date.now(), log: (l) => console.log(l) });
    if (!report) {
      console.log("Another instance is applying the retention right now: nothing done.");
      return;
    }
    const list = (xs: string[]) => (xs.length > 0 ? xs.join(", ") : "none");
    const kept = (await listEventPartitions(database)).map((p) => p.name);
    console.log(`Retention of raw events: ${months} months; events before ${report.horizon.toISOString()} are not kept.`);
    console.log(`  partitions dropped:       ${list(report.dropped)}`);
    console.log(`  event ids forgotten:      ${report.forgottenIds}`);
    console.log(`  partitions created ahead: ${list(report.created)}`);
    console.log(`  partitions kept:          ${kept.length}${kept.length > 0 ? ` (${kept[0]} … ${kept[kept.length - 1]})` : ""}`);
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof EnvError ? e.message : `Retention failed: ${(e as Error).message}`);
  process.exit(1);
});
