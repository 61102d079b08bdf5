import { defineConfig } from "vitest/config";

/**
 * VIGIE_TEST_DATABASE_ONLY=1 runs only the suites that use a database (named
 * `*.integration.test.ts`, checked by db/test-names.test.ts): what `.ci/run`
 * runs again on PostgreSQL after the whole suite passed on the embedded one.
 */
const databaseOnly = !!process.env.VIGIE_TEST_DATABASE_ONLY;

export default defineConfig({
  test: {
    include: [databaseOnly ? "**/*.integration.test.ts" : "**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**"],
    environment: "node",
    // Integration suites spawn servers and open databases: give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
