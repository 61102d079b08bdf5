// Adds to package-lock.json the other platforms' optional binaries (@next/swc-darwin-*,
// @tailwindcss/oxide-win32-*…) that this machine's npm registry does not serve, so that a
// lock written here still satisfies `npm ci`. Each entry takes the exact version its parent
// declares and the os/cpu of its name: npm skips it on every other platform without fetching.
// Run after `npm install`: node scripts/complete-lock.mjs
import fs from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const pkgs = lock.packages;
const PLATFORM = /-(android|darwin|freebsd|linux|win32)-(arm64|x64|arm|ia32)|-(wasm32)-wasi/;
let added = 0;
for (const parent of Object.values(pkgs)) {
  for (const [name, spec] of Object.entries(parent.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const m = PLATFORM.exec(name);
    if (pkgs[key] || !m || !/^\d+\.\d+\.\d+$/.test(spec)) continue;
    pkgs[key] = m[3] ? { version: spec, optional: true, cpu: ["wasm32"] } : { version: spec, optional: true, os: [m[1]], cpu: [m[2]] };
    added++;
  }
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lock: ${added} platform entr${added === 1 ? "y" : "ies"} added`);
