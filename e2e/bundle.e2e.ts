import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * No secret, and no server-only code, may reach what browsers download. The
 * suite runs after `next build`, so the client chunks are on disk.
 */
const FORBIDDEN = [
  /VIGIE_(INGEST_KEY|API_KEY|ADMIN_PASSWORD|ADMIN_EMAIL)/,
  /DATABASE_URL/,
  /postgres(ql)?:\/\//,
  /@electric-sql\/pglite|drizzle-orm\/pg-core/,
  /better-auth\/adapters/,
  new RegExp(process.env.VIGIE_E2E_ADMIN_PASSWORD ? escape(process.env.VIGIE_E2E_ADMIN_PASSWORD) : "(?!)"),
];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

test("the browser bundle holds no secret and no server-only module", { tag: "@browser-only" }, () => {
  const dir = path.join(process.cwd(), ".next", "static");
  const chunks = files(dir).filter((f) => /\.(js|css|json)$/.test(f));
  expect(chunks.length).toBeGreaterThan(0);
  for (const f of chunks) {
    const text = fs.readFileSync(f, "utf8");
    for (const re of FORBIDDEN) expect(re.test(text), `${path.relative(dir, f)} matches ${re}`).toBe(false);
  }
});
