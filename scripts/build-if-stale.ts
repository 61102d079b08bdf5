import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * Builds the Next app when there is no production build, or when a file it is
 * built from is newer than it. `npm run demo` and `npm test` use it, so a second
 * test run on an unchanged tree (CI's PostgreSQL suite) does not build again.
 *
 *   tsx scripts/build-if-stale.ts
 */

const root = path.resolve(import.meta.dirname, "..");
const SOURCES = ["app", "components", "lib", "db", "public"];
const FILES = ["next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), stat.mtimeMs);
}

export function buildIfStale(): void {
  const marker = path.join(root, ".next", "BUILD_ID");
  const builtAt = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
  const sources = Math.max(...[...SOURCES, ...FILES].map((p) => newest(path.join(root, p))));
  if (builtAt > sources) {
    console.log("The web app's production build is up to date.");
    return;
  }
  console.log("Building the web app (next build)…");
  execFileSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) buildIfStale();
