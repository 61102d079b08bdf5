import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import postgres from "postgres";

/**
 * End-to-end tests: real Chromium against the production server (`next build` first).
 * Each run gets its own empty database: a fresh PGlite folder, or — when DATABASE_URL is
 * set — a fresh `vigie_e2e_<random>` database on that PostgreSQL, dropped by the teardown.
 *
 * Playwright starts `webServer` before `globalSetup` runs, so the database is created here,
 * while the config loads. Worker processes load this file too; they inherit the values
 * through process.env and create nothing.
 */

const PORT = Number(process.env.VIGIE_E2E_PORT ?? 3217);
const BASE_URL = `http://127.0.0.1:${PORT}`;

process.env.VIGIE_E2E_INGEST_KEY ??= `e2e-ingest-${randomBytes(12).toString("hex")}`;
// Pages and reads need an identity (CONTRACT §6): the first admin, and a manager key for the read API.
process.env.VIGIE_E2E_API_KEY ??= `e2e-api-${randomBytes(12).toString("hex")}`;
process.env.VIGIE_E2E_ADMIN_EMAIL ??= "admin@e2e.vigie.test";
process.env.VIGIE_E2E_ADMIN_PASSWORD ??= `e2e-${randomBytes(12).toString("hex")}`;
if (!process.env.VIGIE_E2E_DATA_DIR) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "vigie-e2e-"));
  process.env.VIGIE_E2E_DATA_DIR = dataDir;
  // On exit, once Playwright has stopped the server (it stops it after globalTeardown).
  process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));
}
if (process.env.DATABASE_URL && !process.env.VIGIE_E2E_DATABASE_URL) {
  process.env.VIGIE_E2E_DATABASE_URL = await createRunDatabase(process.env.DATABASE_URL);
}

/** CREATE DATABASE vigie_e2e_<random> beside the one `adminUrl` names; returns its URL. */
async function createRunDatabase(adminUrl: string): Promise<string> {
  const name = `vigie_e2e_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await sql.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const serverEnv: Record<string, string> = {
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  PORT: String(PORT),
  VIGIE_INGEST_KEY: process.env.VIGIE_E2E_INGEST_KEY,
  VIGIE_API_KEY: process.env.VIGIE_E2E_API_KEY,
  VIGIE_ADMIN_EMAIL: process.env.VIGIE_E2E_ADMIN_EMAIL,
  VIGIE_ADMIN_PASSWORD: process.env.VIGIE_E2E_ADMIN_PASSWORD,
  // Every suite signs in from 127.0.0.1; the limit itself is tested in lib/auth/rate-limit.integration.test.ts.
  VIGIE_SIGNIN_PER_MINUTE: "1000",
  VIGIE_DATA_DIR: process.env.VIGIE_E2E_DATA_DIR,
  // Unset (empty) keeps the server on the embedded database.
  DATABASE_URL: process.env.VIGIE_E2E_DATABASE_URL ?? "",
};

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.e2e.ts",
  // VIGIE_TEST_DATABASE_ONLY=1 (`.ci/run`'s second pass, on PostgreSQL) skips the tests tagged @browser-only:
  // what they check happens in the browser or the build alone, whatever database the server uses.
  grepInvert: process.env.VIGIE_TEST_DATABASE_ONLY ? /@browser-only/ : undefined,
  outputDir: process.env.VIGIE_E2E_OUTPUT_DIR ?? "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: "list",
  timeout: 30_000,
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL: BASE_URL,
    // The contact centre's language; the tests switch to English and back.
    locale: "fr-FR",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1920, height: 1080 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npx tsx server.ts",
    env: serverEnv,
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    // Let the server close its database cleanly instead of being killed mid-write.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
