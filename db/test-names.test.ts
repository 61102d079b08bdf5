import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Suites that open a database or start a server are named
 * `*.integration.test.ts`: `.ci/run` runs again, on PostgreSQL, only those
 * (VIGIE_TEST_DATABASE_ONLY, vitest.config.ts). A suite using a database under
 * another name would silently run on the embedded database alone.
 */
const ROOTS = ["lib", "db", "app", "components", "scripts", "bench"];
/** A value import of the test databases or the client (type imports aside), or a server started. */
const USES_DATABASE = /^import (?!type )[^;]*from "(?:[./]+\/db|\.)\/(?:testing|client)"|\bstartServer\(|\bopenDatabase\(/m;

function testFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "node_modules" ? [] : testFiles(p);
    return p.endsWith(".test.ts") ? [p] : [];
  });
}

describe("test file names", () => {
  it("every suite that uses a database or a server is an integration suite", () => {
    const files = ROOTS.flatMap(testFiles);
    expect(files.length).toBeGreaterThan(50);
    const misnamed = files.filter((f) => !f.endsWith(".integration.test.ts") && USES_DATABASE.test(fs.readFileSync(f, "utf8")));
    expect(misnamed).toEqual([]);
  });
});
