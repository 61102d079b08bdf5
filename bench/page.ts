import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type CDPSession } from "@playwright/test";
import { parseEvent } from "../lib/events/schema";
import { startOfLocalDay } from "../lib/metrics/time";
import { DEMO_PROFILE } from "../lib/sim/demo-profile";
import { createSimulation } from "../lib/sim/engine";
import { freePort } from "./pg";

/**
 * The wallboard as a browser gets it (issue 5): JavaScript shipped and the time
 * to the first numbers, cold, in Debian's Chromium against the real server
 * (server.ts with the production Next build, embedded database, a simulated
 * morning of traffic). Needs `npm run build` first.
 */

export interface PageResult {
  loads: number;
  scripts: number;
  /** Bytes over the wire (compressed as served) and decoded. */
  jsTransferred: number;
  jsDecoded: number;
  cssDecoded: number;
  /** Navigation start → the first tile shows a number, ms. */
  firstNumbers: number[];
  /** Navigation start → the socket is connected, ms. */
  connected: number[];
  events: number;
}

const ROOT = path.resolve(import.meta.dirname, "..");
const ADMIN = { email: "bench@vigie.test", password: `bench-${process.pid}-password` };
const KEY = `bench-page-ingest-${process.pid}-key`;
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export async function measureWallboardPage(log: (line: string) => void, loads = 5): Promise<PageResult> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("the page benchmark needs the production build: npm run build");
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigie-bench-page-"));
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "server.ts")], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1",
      VIGIE_DATA_DIR: dataDir, VIGIE_INGEST_KEY: KEY, VIGIE_ADMIN_EMAIL: ADMIN.email, VIGIE_ADMIN_PASSWORD: ADMIN.password,
      VIGIE_PUBLIC_URL: base,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitHealthy(base, child);
    const events = await postMorning(base);
    log(`page: server up on ${base}, ${events} simulated events posted`);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
    const result: PageResult = { loads, scripts: 0, jsTransferred: 0, jsDecoded: 0, cssDecoded: 0, firstNumbers: [], connected: [], events };
    try {
      for (let i = 0; i < loads; i++) {
        const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
        const res = await context.request.post(`${base}/api/auth/sign-in/email`, { data: ADMIN, headers: { origin: base } });
        if (res.status() !== 200) throw new Error(`sign-in: ${res.status()} ${await res.text()}`);
        const page = await context.newPage();
        const bytes = await countResources(await context.newCDPSession(page));
        await page.goto(`${base}/wallboard`, { waitUntil: "commit" });
        const [firstNumbers, connected] = await Promise.all([
          page.waitForFunction(() => document.querySelector('[data-testid="value-offered"]:not([data-value=""])') && performance.now(), null, { timeout: 60_000, polling: "raf" }),
          page.waitForFunction(() => document.querySelector('[data-testid="connection-status"][data-state="connected"]') && performance.now(), null, { timeout: 60_000, polling: "raf" }),
        ]);
        await page.waitForLoadState("networkidle");
        result.firstNumbers.push(Math.round(Number(await firstNumbers.jsonValue())));
        result.connected.push(Math.round(Number(await connected.jsonValue())));
        const b = bytes();
        if (i === 0) Object.assign(result, { scripts: b.scripts, jsTransferred: b.jsTransferred, jsDecoded: b.jsDecoded, cssDecoded: b.cssDecoded });
        await context.close();
      }
    } finally {
      await browser.close();
    }
    return result;
  } finally {
    child.kill("SIGTERM");
    await once(child, "exit");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function waitHealthy(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("server not healthy within 120 s");
}

/** A simulated center from local midnight to now (capped at 20,000 events), so the board has numbers. */
async function postMorning(base: string): Promise<number> {
  const tz = "Europe/Paris";
  const now = Date.now();
  const sim = createSimulation({ seed: 7, profile: DEMO_PROFILE, startAt: startOfLocalDay(now, tz), timeZone: tz });
  const events = sim.advanceTo(now - 1000).filter((e) => parseEvent(e, now).ok).slice(-20_000);
  for (let i = 0; i < events.length; i += 2000) {
    const res = await fetch(`${base}/api/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
      body: JSON.stringify(events.slice(i, i + 2000)),
    });
    if (res.status !== 202) throw new Error(`ingest: ${res.status}`);
  }
  return events.length;
}

/** Script and style bytes of one page load, from the DevTools protocol. */
async function countResources(cdp: CDPSession): Promise<() => { scripts: number; jsTransferred: number; jsDecoded: number; cssDecoded: number }> {
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const kind = new Map<string, string>();
  const decoded = new Map<string, number>();
  let scripts = 0, jsTransferred = 0, jsDecoded = 0, cssDecoded = 0;
  cdp.on("Network.responseReceived", (e) => kind.set(e.requestId, e.type));
  cdp.on("Network.dataReceived", (e) => decoded.set(e.requestId, (decoded.get(e.requestId) ?? 0) + e.dataLength));
  cdp.on("Network.loadingFinished", (e) => {
    const type = kind.get(e.requestId);
    if (type === "Script") {
      scripts++;
      jsTransferred += e.encodedDataLength;
      jsDecoded += decoded.get(e.requestId) ?? 0;
    } else if (type === "Stylesheet") cssDecoded += decoded.get(e.requestId) ?? 0;
  });
  return () => ({ scripts, jsTransferred, jsDecoded, cssDecoded });
}
