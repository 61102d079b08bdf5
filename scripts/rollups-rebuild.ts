/**
 * `npm run rollups:rebuild`: computes the rollups again from the raw events
 * still kept (docs/operations.md, "Pre-aggregated history"), with the server's
 * configuration. On the embedded database, stop the server first (its folder
 * is locked); on PostgreSQL a running server may keep ingesting meanwhile.
 */
import { openDatabase } from "../db/client";
import { migrate } from "../db/migrate";
import { loadEnv } from "../lib/env";
import { reportConfig } from "../lib/reports/report-config";
import { catchUpRollups } from "../lib/rollups/catch-up";
import { rebuildAllRollups } from "../lib/rollups/rebuild-all";

const env = loadEnv();
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.VIGIE_DATA_DIR });
try {
  await migrate(database);
  const config = await reportConfig(database, env);
  const t0 = Date.now();
  await rebuildAllRollups(database, config, (line) => console.log(line));
  const folded = await catchUpRollups(database, config);
  console.log(`Rollups rebuilt in ${((Date.now() - t0) / 1000).toFixed(1)} s (${folded} events stored meanwhile folded in after).`);
} finally {
  await database.close();
}
