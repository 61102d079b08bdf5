import { openDatabase, type Database } from "../../db/client";
import { migrate } from "../../db/migrate";
import { createTestDatabase } from "../../db/testing";

/**
 * Test-only: a fresh, migrated database for one suite (in-memory PGlite, or a
 * database of its own on DATABASE_URL's server, as CI runs both).
 */
export async function openMigratedTestDatabase(): Promise<{ database: Database; dispose(): Promise<void> }> {
  const test = await createTestDatabase({ memory: true });
  const database = await openDatabase({ url: test.url, dataDir: test.env.VIGIE_DATA_DIR });
  await migrate(database);
  return {
    database,
    dispose: async () => {
      await database.close();
      await test.drop();
    },
  };
}
