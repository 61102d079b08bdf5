import postgres from "postgres";

/**
 * Drops the run's `vigie_e2e_*` database (created by playwright.config.ts). Playwright
 * runs this before it stops the web server, hence FORCE (PostgreSQL 13+), which closes
 * the server's connections. The embedded data folder is removed by the config on exit.
 */
export default async function globalTeardown(): Promise<void> {
  const runUrl = process.env.VIGIE_E2E_DATABASE_URL;
  const adminUrl = process.env.DATABASE_URL;
  if (!runUrl || !adminUrl) return;
  const name = decodeURIComponent(new URL(runUrl).pathname.slice(1));
  if (!/^vigie_e2e_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop unexpected database "${name}"`);
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
