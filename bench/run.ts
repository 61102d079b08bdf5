/**
 * `npm run bench`: the issue's three measurements, side by side, in one run,
 * written to BENCHMARKS.md. See BENCHMARKS.md "Method" for what each number is.
 *
 * Processes: this one (orchestrator, HTTP load of scenarios 1 and 3, COPY),
 * the server under test (bench/server.ts, its own process), `wrk` (scenario 2),
 * two socket.io client processes (bench/clients.ts, scenario 3), PostgreSQL.
 * Everything targets 127.0.0.1 and every load is bounded in time.
 *
 * Knobs (environment): DATABASE_URL (else a throwaway cluster), BENCH_ONLY
 * (comma list of s1,s2,s3,pglite; default all), BENCH_EVENTS (scenario 1,
 * default 200000), BENCH_S2_SECONDS (10), BENCH_CLIENTS (1000), BENCH_RATE
 * (2000 events/s), BENCH_S3_SECONDS (15), BENCH_QUIET_WAIT_S (45: how long to
 * wait for other processes to leave the CPU before each measurement) and
 * BENCH_QUIET_BUDGET_S (120: in total),
 * BENCH_PROFILE=1 (a CPU profile of the server per scenario, through the
 * inspector, into /tmp/vigie-bench-prof; summarise with bench/profile.ts),
 * BENCH_NO_WRITE=1 (don't touch BENCHMARKS.md), BENCH_JSON_OUT=<file> (raw
 * results).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { machineGroup, postgresGroup, processGroup, startCpuWindow, waitForQuiet, type CpuGroup } from "./cpu";
import { COPY_COLUMNS, copyChunks, history, LiveStream, ndjsonBodies, QUEUES } from "./events";
import { measureWallboardPage, type PageResult } from "./page";
import { freePort, providePostgres, type BenchPostgres } from "./pg";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH_DIR);
const num = (name: string, dflt: number) => (process.env[name] ? Number(process.env[name]) : dflt);
const ONLY = new Set((process.env.BENCH_ONLY ?? "s1,s2,s3,pglite,page").split(",").map((s) => s.trim()));
const N_EVENTS = num("BENCH_EVENTS", 200_000);
const BATCH = 1000;
const S1_CONCURRENCY = 4;
const S1_DEADLINE_MS = 60_000;
const S2_SECONDS = num("BENCH_S2_SECONDS", 10);
const S2_CONNECTIONS = 64;
const S3_CLIENTS = num("BENCH_CLIENTS", 1000);
const S3_RATE = num("BENCH_RATE", 2000);
const S3_SECONDS = num("BENCH_S3_SECONDS", 15);
const S3_INTERVAL_MS = 50;
const QUIET_WAIT_MS = num("BENCH_QUIET_WAIT_S", 45) * 1000;
/** The whole run waits at most this long in total, so that it stays within a few minutes. */
let quietBudgetMs = num("BENCH_QUIET_BUDGET_S", 120) * 1000;
const PROFILE_DIR = process.env.BENCH_PROFILE ? "/tmp/vigie-bench-prof" : undefined;
const KEY = `bench-${randomBytes(12).toString("hex")}`;
/** Read key for the socket clients (sockets need an identity and a same-origin handshake). */
const API_KEY = `bench-api-${randomBytes(12).toString("hex")}`;
const RUN = randomBytes(3).toString("hex");

const started = Date.now();
const log = (line: string) => console.log(`[bench +${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);

// ───────────────────────────── helpers ─────────────────────────────

function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
const sortNum = (xs: number[]) => Float64Array.from(xs).sort();
const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d }) : "n/a");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface PostResult {
  status: number;
  body: string;
}

function post(agent: http.Agent, port: number, body: string, contentType: string): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/events",
        method: "POST",
        agent,
        headers: { "content-type": contentType, authorization: `Bearer ${KEY}`, "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

interface IngestAnswer {
  accepted: number;
  duplicates: number;
  rejected: unknown[];
}

/** Machine load seen just before each scenario (other sessions may share the machine). */
const quietness: Record<string, { waitedMs: number; busyPct: number; quiet: boolean }> = {};

async function settle(name: string): Promise<void> {
  const q = await waitForQuiet(Math.min(QUIET_WAIT_MS, quietBudgetMs));
  quietBudgetMs = Math.max(0, quietBudgetMs - q.waitedMs);
  quietness[name] = q;
  if (!q.quiet) log(`warning: the machine is busy (${q.busyPct.toFixed(0)} % of a core used by other processes) after waiting ${(q.waitedMs / 1000).toFixed(0)} s: ${name} runs anyway`);
  else if (q.waitedMs > 1500) log(`waited ${(q.waitedMs / 1000).toFixed(0)} s for the machine to be quiet before ${name}`);
}

// ───────────────────────────── server child ─────────────────────────────

interface ServerChild {
  label: string;
  pid: number;
  port: number;
  stats(): Promise<{ elu: number; delayP99Ms: number; delayMaxMs: number; rssMb: number }>;
  /** With BENCH_PROFILE: starts a CPU profile of the server; the function returned stops and saves it. */
  profile(): Promise<(name: string) => Promise<void>>;
  stop(): Promise<void>;
  logs: string[];
}

function ipcWait<T>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting for "${type}" from pid ${child.pid}`));
    }, timeoutMs);
    const onMsg = (m: { type?: string }) => {
      if (m?.type === type) {
        cleanup();
        resolve(m as T);
      } else if (m?.type === "error") {
        cleanup();
        reject(new Error(`child ${child.pid}: ${(m as { error?: string }).error}`));
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`pid ${child.pid} exited (${code}) while waiting for "${type}"`));
    };
    const cleanup = () => {
      clearTimeout(t);
      child.off("message", onMsg);
      child.off("exit", onExit);
    };
    child.on("message", onMsg);
    child.once("exit", onExit);
  });
}

const children = new Set<ChildProcess>();
/** Undone on Ctrl-C too: the throwaway cluster or database. */
const cleanups = new Set<() => Promise<void>>();

function baseEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("VIGIE_") && k !== "DATABASE_URL" && k !== "NODE_OPTIONS") env[k] = v;
  return env;
}

async function startServerChild(label: string, extra: Record<string, string>): Promise<ServerChild> {
  const port = await freePort();
  const args = ["--import", "tsx", path.join(BENCH_DIR, "server.ts")];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...baseEnv(), NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", VIGIE_INGEST_KEY: KEY, VIGIE_API_KEY: API_KEY, ...extra },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  const logs: string[] = [];
  child.on("message", (m: { type?: string; line?: string }) => {
    if (m?.type === "log" && m.line) {
      logs.push(m.line);
      log(`server[${label}]: ${m.line}`);
    }
  });
  await ipcWait(child, "ready", 120_000);
  return {
    label,
    pid: child.pid!,
    port,
    logs,
    async stats() {
      const p = ipcWait<{ elu: number; delayP99Ms: number; delayMaxMs: number; rssMb: number }>(child, "stats", 10_000);
      child.send({ type: "stats" });
      return p;
    },
    async profile() {
      if (!PROFILE_DIR) return async () => {};
      const p = ipcWait(child, "profiling", 10_000);
      child.send({ type: "profile-start" });
      await p;
      return async (name: string) => {
        const file = path.join(PROFILE_DIR, `${label}-${name}.cpuprofile`);
        const q = ipcWait(child, "profiled", 60_000);
        child.send({ type: "profile-stop", file });
        await q;
        log(`server CPU profile: ${file}`);
      };
    },
    async stop() {
      const exited = once(child, "exit");
      child.send({ type: "stop" });
      const t = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(t);
    },
  };
}

// ───────────────────────────── scenario 1 ─────────────────────────────

interface BatchedResult {
  requests: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  failed: number;
  seconds: number;
  eventsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  timedOut: boolean;
}

async function batchedIngest(port: number, bodies: string[], eventsPerBody: number): Promise<BatchedResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: S1_CONCURRENCY });
  let next = 0;
  const r = { accepted: 0, duplicates: 0, rejected: 0, failed: 0 };
  const lat: number[] = [];
  const t0 = performance.now();
  const deadline = t0 + S1_DEADLINE_MS;
  await Promise.all(
    Array.from({ length: S1_CONCURRENCY }, async () => {
      while (next < bodies.length && performance.now() < deadline) {
        const body = bodies[next++]!;
        const s = performance.now();
        const res = await post(agent, port, body, "application/x-ndjson");
        lat.push(performance.now() - s);
        if (res.status !== 202) {
          r.failed += eventsPerBody;
          continue;
        }
        const a = JSON.parse(res.body) as IngestAnswer;
        r.accepted += a.accepted;
        r.duplicates += a.duplicates;
        r.rejected += a.rejected.length;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  const sorted = sortNum(lat);
  return {
    requests: next,
    ...r,
    seconds,
    eventsPerSec: r.accepted / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    timedOut: next < bodies.length,
  };
}

interface CopyResult {
  rows: number;
  seconds: number;
  rowsPerSec: number;
  cpu?: Record<string, number>;
}

async function copyPostgres(url: string, chunks: string[], expected: number, groups: CpuGroup[], table: string): Promise<CopyResult> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`create table ${table} (like events including all)`);
    await sql`checkpoint`.catch(() => {});
    const cpu = startCpuWindow(groups);
    const t0 = performance.now();
    const w = await sql.unsafe(`copy ${table} (${COPY_COLUMNS}) from stdin`).writable();
    for (const c of chunks) if (!w.write(c)) await once(w, "drain");
    w.end();
    await finished(w);
    await sql`select 1`; // the one connection is free again: the COPY's transaction has committed
    const seconds = (performance.now() - t0) / 1000;
    const cpuUse = cpu.stop();
    const [row] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`);
    if (row!.n !== expected) throw new Error(`COPY stored ${row!.n} rows, expected ${expected}`);
    return { rows: row!.n, seconds, rowsPerSec: row!.n / seconds, cpu: cpuUse };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

// ───────────────────────────── scenario 2 ─────────────────────────────

interface WrkJson {
  requests: number;
  durationUs: number;
  acked: number;
  other: number;
  errors: Record<string, number>;
  p50Us: number;
  p90Us: number;
  p99Us: number;
  maxUs: number;
  meanUs: number;
}

async function runWrk(port: number, prefix: string): Promise<WrkJson> {
  const child = spawn(
    "wrk",
    ["-t1", `-c${S2_CONNECTIONS}`, `-d${S2_SECONDS}s`, "--timeout", "5s", "--latency", "-s", path.join(BENCH_DIR, "single.lua"), `http://127.0.0.1:${port}/api/events`],
    { env: { ...process.env, VIGIE_BENCH_KEY: KEY, VIGIE_BENCH_PREFIX: prefix }, stdio: ["ignore", "pipe", "inherit"] },
  );
  children.add(child);
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  children.delete(child);
  const line = out.split("\n").find((l) => l.startsWith("BENCH_JSON "));
  if (code !== 0 || !line) throw new Error(`wrk failed (${code}): ${out}`);
  return JSON.parse(line.slice("BENCH_JSON ".length)) as WrkJson;
}

/** Waits until `count()` stops moving (the server finished the requests wrk left in flight). */
async function settledCount(count: () => Promise<number>): Promise<number> {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const n = await count();
    if (n === last) return n;
    last = n;
    await sleep(250);
  }
  return last;
}

// ───────────────────────────── scenario 3 ─────────────────────────────

interface LatencyResult {
  clients: number;
  batches: number;
  events: number;
  seconds: number;
  achievedRate: number;
  samples: number;
  missing: number;
  early: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  firstClientP50: number;
  firstClientP99: number;
  fanoutP50: number;
  fanoutP99: number;
  ackP50: number;
  ackP99: number;
  overlapping: number;
  snapshotsPerClientPerSec: number;
  stored: number;
  accepted: number;
  cpu: Record<string, number>;
  server: { elu: number; delayP99Ms: number; delayMaxMs: number; rssMb: number };
  baselineSpread: number;
}

async function latencyScenario(server: ServerChild, pg: BenchPostgres | undefined, storedCount: (prefix: string) => Promise<number>): Promise<LatencyResult> {
  const url = `http://127.0.0.1:${server.port}`;
  await settle("s3");
  const procs = 2;
  const clientProcs: ChildProcess[] = [];
  const readies: Promise<{ connected: number; baselines: number[] }>[] = [];
  const t0 = Date.now();
  for (let p = 0; p < procs; p++) {
    const count = Math.floor(S3_CLIENTS / procs) + (p < S3_CLIENTS % procs ? 1 : 0);
    const child = spawn(process.execPath, ["--import", "tsx", path.join(BENCH_DIR, "clients.ts")], {
      cwd: ROOT,
      env: { ...baseEnv(), NODE_ENV: "production", BENCH_CLIENTS: JSON.stringify({ url, apiKey: API_KEY, count, first: p * count, queues: QUEUES.map((q) => q.name) }) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    children.add(child);
    child.once("exit", () => children.delete(child));
    clientProcs.push(child);
    readies.push(ipcWait(child, "ready", 120_000));
  }
  const ready = await Promise.all(readies);
  const connected = ready.reduce((s, r) => s + r.connected, 0);
  const baselines = ready.flatMap((r) => r.baselines);
  const baselineSpread = Math.max(...baselines) - Math.min(...baselines);
  log(`S3: ${connected} socket.io clients connected and subscribed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (connected !== S3_CLIENTS) throw new Error(`only ${connected} of ${S3_CLIENTS} clients connected`);
  await sleep(1500); // let the subscribe burst settle
  await Promise.all(clientProcs.map((c) => { const p = ipcWait(c, "recording", 10_000); c.send({ type: "record" }); return p; }));

  const groups: CpuGroup[] = [
    processGroup("server", () => [server.pid]),
    processGroup("socket clients", () => clientProcs.map((c) => c.pid!)),
    processGroup("producer (bench)", () => [process.pid]),
  ];
  if (pg?.postmasterPid) groups.push(postgresGroup(pg.postmasterPid));
  groups.push(machineGroup);
  await server.stats(); // reset the server's event-loop figures
  const prof = await server.profile();
  const cpu = startCpuWindow(groups);

  // Producer: one NDJSON batch every 50 ms, open loop (a slow answer does not delay the next batch).
  const perBatch = Math.round((S3_RATE * S3_INTERVAL_MS) / 1000);
  const nBatches = Math.round((S3_SECONDS * 1000) / S3_INTERVAL_MS);
  const stream = new LiveStream(`s3-${RUN}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const sends: { t: number; cum: number; ack: number; status: number; accepted: number }[] = [];
  const pending: Promise<void>[] = [];
  let inflight = 0;
  let overlapping = 0;
  const start = Date.now() + 20;
  for (let b = 0; b < nBatches; b++) {
    const wait = start + b * S3_INTERVAL_MS - Date.now();
    if (wait > 0) await sleep(wait);
    const { body } = stream.next(Date.now(), perBatch);
    const rec = { t: Date.now(), cum: stream.offeredTotal, ack: 0, status: 0, accepted: 0 };
    sends.push(rec);
    if (inflight > 0) overlapping++;
    inflight++;
    pending.push(
      post(agent, server.port, body, "application/x-ndjson").then(
        (r) => {
          inflight--;
          rec.ack = Date.now();
          rec.status = r.status;
          if (r.status === 202) rec.accepted = (JSON.parse(r.body) as IngestAnswer).accepted;
        },
        () => {
          inflight--;
          rec.ack = Date.now();
        },
      ),
    );
  }
  await Promise.all(pending);
  const seconds = (sends[sends.length - 1]!.t - sends[0]!.t) / 1000 + S3_INTERVAL_MS / 1000;
  await sleep(1500); // the last batches reach the clients (ticks are 250 ms apart)
  const cpuUse = cpu.stop();
  const serverStats = await server.stats();
  await prof("s3");
  agent.destroy();

  const collected = await Promise.all(
    clientProcs.map((c) => {
      const p = ipcWait<{ records: number[][]; counts: { snapshots: number } }>(c, "records", 30_000);
      c.send({ type: "collect" });
      return p;
    }),
  );
  for (const c of clientProcs) c.send({ type: "close" });
  await Promise.all(clientProcs.map((c) => (c.exitCode === null ? once(c, "exit") : Promise.resolve())));

  // Latency of batch b at client k: first snapshot of {all, today} whose `offered`
  // reaches baseline_k + offered sent up to b, minus the time b was sent.
  const records = collected.flatMap((c) => c.records);
  const lat: number[] = [];
  const firstPerBatch = new Array<number>(sends.length).fill(Infinity);
  let missing = 0;
  let early = 0;
  const byVersion = new Map<number, { min: number; max: number }>();
  records.forEach((rec, k) => {
    const base = baselines[k]!;
    let j = 0;
    for (let b = 0; b < sends.length; b++) {
      const s = sends[b]!;
      const target = base + s.cum;
      while (j < rec.length && rec[j + 1]! < target) j += 3;
      if (j >= rec.length) {
        missing += sends.length - b;
        break;
      }
      const l = rec[j]! - s.t;
      if (l < 0) early++;
      lat.push(l);
      if (l < firstPerBatch[b]!) firstPerBatch[b] = l;
    }
    for (let j2 = 0; j2 < rec.length; j2 += 3) {
      const v = rec[j2 + 2]!;
      const a = rec[j2]!;
      const e = byVersion.get(v);
      if (!e) byVersion.set(v, { min: a, max: a });
      else {
        if (a < e.min) e.min = a;
        if (a > e.max) e.max = a;
      }
    }
  });
  const sorted = sortNum(lat);
  const first = sortNum(firstPerBatch.filter(Number.isFinite));
  const fan = sortNum([...byVersion.values()].map((e) => e.max - e.min));
  const acks = sortNum(sends.map((s) => s.ack - s.t));
  const accepted = sends.reduce((s, x) => s + x.accepted, 0);
  const events = stream.eventsTotal;
  const snapshots = collected.reduce((s, c) => s + c.counts.snapshots, 0);
  const stored = await settledCount(() => storedCount(`s3-${RUN}-`));
  return {
    clients: connected,
    batches: sends.length,
    events,
    seconds,
    achievedRate: events / seconds,
    samples: lat.length,
    missing,
    early,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    firstClientP50: percentile(first, 50),
    firstClientP99: percentile(first, 99),
    fanoutP50: percentile(fan, 50),
    fanoutP99: percentile(fan, 99),
    ackP50: percentile(acks, 50),
    ackP99: percentile(acks, 99),
    overlapping,
    snapshotsPerClientPerSec: snapshots / connected / (seconds + 1.5),
    stored,
    accepted,
    cpu: cpuUse,
    server: serverStats,
    baselineSpread,
  };
}

// ───────────────────────────── machine ─────────────────────────────

function machine(): Record<string, string> {
  const cpuModel = /model name\s*:\s*(.+)/.exec(fs.readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? os.cpus()[0]?.model ?? "?";
  let wrk = "?";
  try {
    wrk = execFileSync("wrk", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).split("\n")[0]!;
  } catch (e) {
    wrk = String((e as { stdout?: string }).stdout ?? "").split("\n")[0] || "wrk (version unknown)";
  }
  const pkg = (name: string) => {
    try {
      return (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
    } catch {
      return "?";
    }
  };
  return {
    cpus: `${os.availableParallelism()} (nproc)`,
    cpuModel: cpuModel.trim(),
    ram: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    wrk: wrk.trim().replace(/\s+Copyright.*$/, ""),
    socketio: pkg("socket.io"),
    pglite: pkg("@electric-sql/pglite"),
    postgresJs: pkg("postgres"),
  };
}

// ───────────────────────────── main ─────────────────────────────

interface Results {
  page?: PageResult;
  date: string;
  command: string;
  machine: Record<string, string>;
  pg?: {
    description: string;
    version: string;
    settings: Record<string, string>;
    s1?: { ingest: BatchedResult; copies: [CopyResult, CopyResult]; copyRate: number; stored: number; types: Record<string, number> };
    s2?: { wrk: WrkJson; eventsPerSec: number; stored: number; cpu: Record<string, number>; server: { elu: number }; commits: number };
    s1commits?: number;
    s3?: LatencyResult;
    s1cpu?: Record<string, number>;
    rebuild?: string;
  };
  pglite?: {
    version: string;
    s1?: { ingest: BatchedResult; copy?: CopyResult; stored: number; cpu?: Record<string, number> };
    s2?: { wrk: WrkJson; eventsPerSec: number; stored: number; cpu: Record<string, number> };
  };
  totalSeconds: number;
  quiet?: typeof quietness;
}

async function main() {
  if (os.platform() !== "linux") throw new Error("the benchmark reads /proc: Linux only");
  if (ONLY.has("s2") || ONLY.has("pglite")) {
    try {
      execFileSync("wrk", ["--version"], { stdio: "ignore" });
    } catch (e) {
      // wrk prints its usage and exits 1 on --version; only a missing binary matters here.
      if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new Error("scenario 2 needs wrk (Debian: apt-get install wrk)");
    }
  }
  const results: Results = {
    date: new Date().toISOString(),
    command: `npm run bench${process.env.DATABASE_URL ? " (DATABASE_URL set)" : ""}${process.env.BENCH_ONLY ? ` (BENCH_ONLY=${process.env.BENCH_ONLY})` : ""}`,
    machine: machine(),
    totalSeconds: 0,
  };
  log(`machine: ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.ram}, Node ${results.machine.node}`);

  // Scenario 1 data: the same rows for the server and for COPY, spread over today's elapsed hours.
  const now = Date.now();
  const from = now - 6 * 3_600_000;
  const to = now - 60_000;
  const genT = performance.now();
  const hist = history(N_EVENTS, from, to, `s1-${RUN}`);
  const bodies = ndjsonBodies(hist.lines, BATCH);
  const chunks = copyChunks(hist.copyRows);
  const mb = bodies.reduce((s, b) => s + b.length, 0) / 2 ** 20;
  log(`S1 data: ${fmt(N_EVENTS)} events (${fmt(hist.offered)} contacts offered), ${bodies.length} NDJSON bodies, ${mb.toFixed(1)} MiB, built in ${((performance.now() - genT) / 1000).toFixed(1)} s`);

  const bench = process.pid;
  const loadgen = (): CpuGroup => processGroup("load generator (bench + wrk)", () => [bench], true);

  // ── PostgreSQL ──
  if (ONLY.has("s1") || ONLY.has("s2") || ONLY.has("s3")) {
    const pg = await providePostgres(log);
    const cleanup = pg.cleanup;
    cleanups.add(cleanup);
    let server: ServerChild | undefined;
    const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
    try {
      const [v] = await admin<{ v: string }[]>`select version() as v`;
      const settings: Record<string, string> = {};
      for (const s of ["shared_buffers", "synchronous_commit", "fsync", "wal_level", "max_wal_size", "checkpoint_timeout"]) {
        const [r] = await admin.unsafe<{ [k: string]: string }[]>(`show ${s}`);
        settings[s] = String(Object.values(r!)[0]);
      }
      results.pg = { description: pg.description, version: v!.v.split(",")[0]!, settings };
      server = await startServerChild("postgres", { DATABASE_URL: pg.url });
      const groups = (): CpuGroup[] => [processGroup("server", () => [server!.pid]), loadgen(), ...(pg.postmasterPid ? [postgresGroup(pg.postmasterPid)] : []), machineGroup];
      const count = async (prefix: string) => {
        const [r] = await admin<{ n: number }[]>`select count(*)::int as n from events where id like ${prefix + "%"}`;
        return r!.n;
      };
      /**
       * Write transactions so far (group-commit efficiency: events per commit): each one takes a
       * transaction id, and so does this call. Cluster-wide: exact on the throwaway cluster.
       */
      const commits = async () => {
        const [r] = await admin<{ n: string }[]>`select txid_current()::text as n`;
        return Number(r!.n);
      };

      if (ONLY.has("s1")) {
        // COPY before and after the ingest (each into its own empty copy of the table): the machine's
        // state drifts during a run, and the reference should bracket the measurement it is compared with.
        await settle("s1 COPY before");
        log(`S1 COPY: the same ${fmt(N_EVENTS)} rows into events_copy_a (LIKE events INCLUDING ALL)…`);
        const copyA = await copyPostgres(pg.url, chunks, N_EVENTS, groups(), "events_copy_a");
        log(`S1 COPY before: ${fmt(copyA.rows)} rows in ${copyA.seconds.toFixed(2)} s = ${fmt(copyA.rowsPerSec)} rows/s`);
        await admin`checkpoint`.catch(() => {});
        await settle("s1");
        log(`S1 (PostgreSQL): ${bodies.length} NDJSON POSTs of ${BATCH} events, ${S1_CONCURRENCY} concurrent…`);
        const c0 = await commits();
        const prof = await server.profile();
        const cpu = startCpuWindow(groups());
        const ingest = await batchedIngest(server.port, bodies, BATCH);
        results.pg.s1cpu = cpu.stop();
        await prof("s1");
        results.pg.s1commits = (await commits()) - c0 - 1;
        const stored = await count(`s1-${RUN}-`);
        log(`S1 ingest: ${fmt(ingest.accepted)} accepted in ${ingest.seconds.toFixed(2)} s = ${fmt(ingest.eventsPerSec)} events/s; stored ${fmt(stored)}`);
        await settle("s1 COPY after");
        const copyB = await copyPostgres(pg.url, chunks, N_EVENTS, groups(), "events_copy_b");
        log(`S1 COPY after: ${fmt(copyB.rows)} rows in ${copyB.seconds.toFixed(2)} s = ${fmt(copyB.rowsPerSec)} rows/s`);
        const copyRate = (copyA.rowsPerSec + copyB.rowsPerSec) / 2;
        log(`S1: ingest / COPY = ${(ingest.eventsPerSec / copyRate).toFixed(2)} (COPY = mean of before and after)`);
        results.pg.s1 = { ingest, copies: [copyA, copyB], copyRate, stored, types: hist.types };
      }

      if (ONLY.has("s2")) {
        const prefix = `s2-${RUN}`;
        await settle("s2");
        log(`S2 (PostgreSQL): wrk, ${S2_CONNECTIONS} keep-alive connections, one event per POST, ${S2_SECONDS} s…`);
        await server.stats();
        const c0 = await commits();
        const prof = await server.profile();
        const cpu = startCpuWindow(groups());
        const w = await runWrk(server.port, prefix);
        const cpuUse = cpu.stop();
        await prof("s2");
        const s2commits = (await commits()) - c0 - 1;
        const st = await server.stats();
        const stored = await settledCount(() => count(`${prefix}-`));
        const eventsPerSec = w.acked / (w.durationUs / 1e6);
        log(`S2: ${fmt(w.acked)} × 202 in ${(w.durationUs / 1e6).toFixed(2)} s = ${fmt(eventsPerSec)} events/s, p50 ${(w.p50Us / 1000).toFixed(1)} ms, p99 ${(w.p99Us / 1000).toFixed(1)} ms; stored ${fmt(stored)}`);
        results.pg.s2 = { wrk: w, eventsPerSec, stored, cpu: cpuUse, server: { elu: st.elu }, commits: s2commits };
      }

      if (ONLY.has("s3")) {
        log(`S3 (PostgreSQL): ${S3_CLIENTS} socket.io clients, producer ${S3_RATE} events/s in batches every ${S3_INTERVAL_MS} ms, ${S3_SECONDS} s…`);
        const s3 = await latencyScenario(server, pg, count);
        log(`S3: latency p50 ${fmt(s3.p50)} ms, p99 ${fmt(s3.p99)} ms, max ${fmt(s3.max)} ms over ${fmt(s3.samples)} samples; server CPU ${fmt(s3.cpu.server ?? NaN)} %`);
        results.pg.s3 = s3;
      }
      await server.stop();
      server = undefined;
    } finally {
      if (server) await server.stop().catch(() => {});
      await admin.end({ timeout: 5 }).catch(() => {});
      cleanups.delete(cleanup);
      await cleanup();
      log("PostgreSQL: benchmark database removed");
    }
  }

  // ── PGlite (embedded), for comparison ──
  if (ONLY.has("pglite")) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigie-bench-pglite-"));
    let server: ServerChild | undefined;
    try {
      server = await startServerChild("pglite", { VIGIE_DATA_DIR: dir });
      const groups = (): CpuGroup[] => [processGroup("server", () => [server!.pid]), loadgen(), machineGroup];
      results.pglite = { version: results.machine.pglite! };
      let s1: BatchedResult | undefined;
      let s1cpu: Record<string, number> | undefined;
      let s2: { wrk: WrkJson; eventsPerSec: number; cpu: Record<string, number> } | undefined;
      {
        await settle("PGlite s1");
        log(`S1 (PGlite): ${bodies.length} NDJSON POSTs of ${BATCH} events, ${S1_CONCURRENCY} concurrent (bounded at ${S1_DEADLINE_MS / 1000} s)…`);
        const prof = await server.profile();
        const cpu = startCpuWindow(groups());
        s1 = await batchedIngest(server.port, bodies, BATCH);
        s1cpu = cpu.stop();
        await prof("s1");
        log(`S1 PGlite ingest: ${fmt(s1.accepted)} accepted in ${s1.seconds.toFixed(2)} s = ${fmt(s1.eventsPerSec)} events/s`);
      }
      {
        await settle("PGlite s2");
        log(`S2 (PGlite): wrk, ${S2_CONNECTIONS} connections, ${S2_SECONDS} s…`);
        const prof = await server.profile();
        const cpu = startCpuWindow(groups());
        const w = await runWrk(server.port, `s2l-${RUN}`);
        await prof("s2");
        const eventsPerSec = w.acked / (w.durationUs / 1e6);
        s2 = { wrk: w, eventsPerSec, cpu: cpu.stop() };
        log(`S2 PGlite: ${fmt(eventsPerSec)} events/s, p50 ${(w.p50Us / 1000).toFixed(1)} ms, p99 ${(w.p99Us / 1000).toFixed(1)} ms`);
      }
      await server.stop();
      server = undefined;

      // One process per PGlite folder: count and COPY once the server is gone.
      const { PGlite } = await import("@electric-sql/pglite");
      const db = await PGlite.create(path.join(dir, "pgdata"));
      try {
        const n = async (prefix: string) => (await db.query<{ n: number }>(`select count(*)::int as n from events where id like $1`, [prefix + "%"])).rows[0]!.n;
        const [ver] = (await db.query<{ v: string }>("select version() as v")).rows;
        results.pglite.version = `PGlite ${results.machine.pglite} (${ver!.v.split(",")[0]})`;
        if (s1) {
          const stored = await n(`s1-${RUN}-`);
          let copy: CopyResult | undefined;
          if (!s1.timedOut) {
            await db.exec("create table events_copy (like events including all)");
            const t0 = performance.now();
            await db.query(`copy events_copy (${COPY_COLUMNS}) from '/dev/blob'`, [], { blob: new Blob(chunks) });
            const seconds = (performance.now() - t0) / 1000;
            const rows = (await db.query<{ n: number }>("select count(*)::int as n from events_copy")).rows[0]!.n;
            copy = { rows, seconds, rowsPerSec: rows / seconds };
            log(`S1 PGlite COPY: ${fmt(rows)} rows in ${seconds.toFixed(2)} s = ${fmt(copy.rowsPerSec)} rows/s`);
          }
          results.pglite.s1 = { ingest: s1, copy, stored, cpu: s1cpu };
        }
        if (s2) results.pglite.s2 = { ...s2, stored: await n(`s2l-${RUN}-`) };
      } finally {
        await db.close();
      }
    } finally {
      if (server) await server.stop().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  if (ONLY.has("page")) {
    await settle("page");
    log("Page: the wallboard in Chromium, cold, 5 loads…");
    results.page = await measureWallboardPage(log);
    log(`Page: ${fmt(results.page.jsTransferred / 1024)} KiB of JavaScript transferred, first numbers ${results.page.firstNumbers.join(", ")} ms`);
  }

  results.totalSeconds = (Date.now() - started) / 1000;
  results.quiet = quietness;
  const md = report(results);
  console.log("\n" + md.table);
  if (!process.env.BENCH_NO_WRITE) {
    const file = path.join(ROOT, "BENCHMARKS.md");
    fs.writeFileSync(file, md.document(fs.existsSync(file) ? fs.readFileSync(file, "utf8") : ""));
    log(`written ${path.relative(process.cwd(), file) || file}`);
  }
  if (process.env.BENCH_JSON_OUT) fs.writeFileSync(process.env.BENCH_JSON_OUT, JSON.stringify(results, null, 2));
  if (PROFILE_DIR) log(`CPU profiles of the server in ${PROFILE_DIR} (summarise: npx tsx bench/profile.ts <file>); numbers of a profiled run are lower`);
}

// ───────────────────────────── report ─────────────────────────────

const verdict = (ok: boolean) => (ok ? "**PASS**" : "**MISS**");

function report(r: Results): { table: string; document(previous: string): string } {
  const rows: string[][] = [];
  const pg = r.pg;
  if (pg?.s1) {
    const ratio = pg.s1.ingest.eventsPerSec / pg.s1.copyRate;
    const [ca, cb] = pg.s1.copies;
    rows.push(["1. Batched ingest, NDJSON 1000/request, 4 concurrent (PostgreSQL)", `${fmt(pg.s1.ingest.eventsPerSec)} events/s`, "", ""]);
    rows.push([
      "   raw `COPY … FROM STDIN` of the same rows, same run (mean of one COPY before and one after the ingest)",
      `${fmt(pg.s1.copyRate)} rows/s (${fmt(ca.rowsPerSec)} before, ${fmt(cb.rowsPerSec)} after)`,
      "",
      "",
    ]);
    rows.push(["   ratio ingest / COPY", `${ratio.toFixed(2)}×`, "≥ 0.5×", verdict(ratio >= 0.5)]);
  }
  if (pg?.s2) {
    rows.push([
      "2. Single-event POSTs, 64 connections, durable (PostgreSQL)",
      `${fmt(pg.s2.eventsPerSec)} events/s (p50 ${fmt(pg.s2.wrk.p50Us / 1000, 1)} ms, p99 ${fmt(pg.s2.wrk.p99Us / 1000, 1)} ms)`,
      "≥ 20,000 events/s",
      verdict(pg.s2.eventsPerSec >= 20_000),
    ]);
  }
  if (pg?.s3) {
    const s = pg.s3;
    rows.push([
      `3. Event → socket.io latency, ${fmt(s.clients)} clients, ${fmt(s.achievedRate)} events/s (PostgreSQL)`,
      `p50 ${fmt(s.p50)} ms, p99 ${fmt(s.p99)} ms, max ${fmt(s.max)} ms; server CPU ${fmt(s.cpu.server ?? NaN)} %`,
      "p99 ≤ 100 ms",
      verdict(s.p99 <= 100),
    ]);
  }
  const lite = r.pglite;
  if (lite?.s1) {
    rows.push([
      "PGlite (embedded) — batched ingest, same data, for comparison",
      `${fmt(lite.s1.ingest.eventsPerSec)} events/s${lite.s1.copy ? ` (PGlite COPY ${fmt(lite.s1.copy.rowsPerSec)} rows/s, ratio ${(lite.s1.ingest.eventsPerSec / lite.s1.copy.rowsPerSec).toFixed(2)}×)` : ""}`,
      "(none)",
      "",
    ]);
  }
  if (lite?.s2) {
    rows.push([
      "PGlite (embedded) — single-event POSTs, 64 connections",
      `${fmt(lite.s2.eventsPerSec)} events/s (p50 ${fmt(lite.s2.wrk.p50Us / 1000, 1)} ms, p99 ${fmt(lite.s2.wrk.p99Us / 1000, 1)} ms)`,
      "(none)",
      "",
    ]);
  }
  if (r.page) {
    const p = r.page;
    const sorted = [...p.firstNumbers].sort((a, b) => a - b);
    rows.push([
      "4. Wallboard page (Chromium, cold cache, 1920×1080): JavaScript",
      `${p.scripts} scripts, ${fmt(p.jsTransferred / 1024)} KiB transferred (${fmt(p.jsDecoded / 1024)} KiB decoded); CSS ${fmt(p.cssDecoded / 1024)} KiB`,
      "(none)",
      "",
    ]);
    rows.push([
      "   navigation → first numbers on the tiles",
      `median ${fmt(sorted[Math.floor(sorted.length / 2)]!)} ms, max ${fmt(sorted[sorted.length - 1]!)} ms over ${p.loads} loads (socket connected: ${p.connected.join(", ")} ms)`,
      "(none)",
      "",
    ]);
  }
  const table = ["| measurement | result | target | verdict |", "|---|---|---|---|", ...rows.map((x) => `| ${x.join(" | ")} |`)].join("\n");

  const checks: string[] = [];
  if (pg?.s1) {
    const i = pg.s1.ingest;
    checks.push(
      `- Scenario 1 (PostgreSQL): ${fmt(i.requests)} requests, accepted ${fmt(i.accepted)}, duplicates ${fmt(i.duplicates)}, rejected ${fmt(i.rejected)}, failed ${fmt(i.failed)}; ` +
        `rows stored ${fmt(pg.s1.stored)} (${pg.s1.stored === i.accepted ? "= accepted ✔" : "≠ accepted ✘"}); each COPY stored ${fmt(pg.s1.copies[0].rows)} and ${fmt(pg.s1.copies[1].rows)} of ${fmt(N_EVENTS)}. ` +
        `${fmt(pg.s1commits ?? NaN)} transactions committed (${fmt(i.accepted / (pg.s1commits ?? NaN), 0)} events each). Ingest ${i.seconds.toFixed(2)} s, request latency p50 ${fmt(i.p50Ms)} ms / p99 ${fmt(i.p99Ms)} ms; COPY ${pg.s1.copies[0].seconds.toFixed(2)} s and ${pg.s1.copies[1].seconds.toFixed(2)} s.`,
    );
  }
  if (pg?.s2) {
    const w = pg.s2.wrk;
    const diff = pg.s2.stored - w.acked;
    checks.push(
      `- Scenario 2 (PostgreSQL): ${fmt(w.requests)} requests completed, ${fmt(w.acked)} answered 202, ${fmt(w.other)} other statuses, socket errors ${JSON.stringify(w.errors)}; ` +
        `rows stored ${fmt(pg.s2.stored)} (${diff === 0 ? "= 202 count ✔" : diff > 0 && diff <= S2_CONNECTIONS ? `202 count + ${diff}: requests in flight when wrk stopped, stored but never acknowledged ✔` : "✘ mismatch"}). ` +
        `Latency p50 ${fmt(w.p50Us / 1000, 1)} ms, p90 ${fmt(w.p90Us / 1000, 1)} ms, p99 ${fmt(w.p99Us / 1000, 1)} ms, max ${fmt(w.maxUs / 1000, 1)} ms. ` +
        `${fmt(pg.s2.commits)} transactions committed: ${fmt(pg.s2.stored / pg.s2.commits, 1)} events per commit (group commit). Server event loop busy ${fmt(pg.s2.server.elu * 100)} % of the time.`,
    );
  }
  if (pg?.s3) {
    const s = pg.s3;
    checks.push(
      `- Scenario 3 (PostgreSQL): ${fmt(s.clients)} clients × 2 subscriptions ({all, today} + one queue), ${fmt(s.batches)} batches / ${fmt(s.events)} events in ${s.seconds.toFixed(1)} s ` +
        `(${fmt(s.achievedRate)} events/s); accepted ${fmt(s.accepted)}, stored ${fmt(s.stored)} (${s.stored === s.accepted ? "✔" : "✘"}). ` +
        `${fmt(s.samples)} latency samples (client × batch), ${fmt(s.missing)} never delivered, ${fmt(s.early)} early (batch reordering); baseline spread ${s.baselineSpread}. ` +
        `Breakdown: POST → 202 p50 ${fmt(s.ackP50)} ms / p99 ${fmt(s.ackP99)} ms; fastest client per batch p50 ${fmt(s.firstClientP50)} ms / p99 ${fmt(s.firstClientP99)} ms; ` +
        `spread of one snapshot's arrival across clients (fan-out) p50 ${fmt(s.fanoutP50)} ms / p99 ${fmt(s.fanoutP99)} ms; ` +
        `${fmt(s.snapshotsPerClientPerSec, 1)} snapshots per client per second (both subscriptions). ` +
        `Server event loop busy ${fmt(s.server.elu * 100)} %, loop delay p99 ${fmt(s.server.delayP99Ms)} ms (max ${fmt(s.server.delayMaxMs)} ms), RSS ${fmt(s.server.rssMb)} MiB.`,
    );
  }
  if (lite?.s1) {
    const i = lite.s1.ingest;
    checks.push(
      `- PGlite scenario 1: ${fmt(i.requests)} requests${i.timedOut ? ` (stopped at the ${S1_DEADLINE_MS / 1000} s bound)` : ""}, accepted ${fmt(i.accepted)}, stored ${fmt(lite.s1.stored)} (${lite.s1.stored === i.accepted ? "✔" : "✘"}), ` +
        `${i.seconds.toFixed(2)} s, request p50 ${fmt(i.p50Ms)} ms / p99 ${fmt(i.p99Ms)} ms.`,
    );
  }
  if (lite?.s2) {
    const w = lite.s2.wrk;
    const diff = lite.s2.stored - w.acked;
    checks.push(
      `- PGlite scenario 2: ${fmt(w.acked)} × 202, ${fmt(w.other)} other, errors ${JSON.stringify(w.errors)}; stored ${fmt(lite.s2.stored)} (${diff === 0 ? "✔" : diff > 0 && diff <= S2_CONNECTIONS ? `+${diff} in flight at the stop ✔` : "✘"}).`,
    );
  }

  // CPU over each measurement window, and the server's CPU per event (robust to the machine's other load).
  const cpuRows: string[] = [];
  const cpuRow = (name: string, c: Record<string, number> | undefined, events: number, seconds: number) => {
    if (!c) return;
    const cell = (k: string) => (c[k] === undefined ? "–" : fmt(c[k]!));
    const perEvent = (k: string) => (c[k] === undefined || !events ? "–" : fmt((c[k]! / 100) * seconds * 1e6 / events, 0));
    cpuRows.push(
      `| ${name} | ${cell("server")} | ${cell("postgres")} | ${c["load generator (bench + wrk)"] !== undefined ? fmt(c["load generator (bench + wrk)"]!) : c["producer (bench)"] !== undefined ? fmt(c["producer (bench)"]!) : "–"} | ${cell("socket clients")} | ${cell("other processes")} | ${cell("machine")} | ${perEvent("server")} | ${perEvent("postgres")} |`,
    );
  };
  if (pg?.s1) {
    const [a, b] = pg.s1.copies;
    cpuRow("1. COPY before (PostgreSQL)", a.cpu, a.rows, a.seconds);
    cpuRow("1. batched ingest (PostgreSQL)", pg.s1cpu, pg.s1.ingest.accepted, pg.s1.ingest.seconds);
    cpuRow("1. COPY after (PostgreSQL)", b.cpu, b.rows, b.seconds);
  }
  if (pg?.s2) cpuRow("2. single-event POSTs (PostgreSQL)", pg.s2.cpu, pg.s2.wrk.acked, pg.s2.wrk.durationUs / 1e6);
  if (pg?.s3) cpuRow("3. socket latency (PostgreSQL)", pg.s3.cpu, pg.s3.events, pg.s3.seconds + 1.5);
  if (lite?.s1) cpuRow("PGlite batched ingest", lite.s1.cpu, lite.s1.ingest.accepted, lite.s1.ingest.seconds);
  if (lite?.s2) cpuRow("PGlite single-event POSTs", lite.s2.cpu, lite.s2.wrk.acked, lite.s2.wrk.durationUs / 1e6);
  const cpuTable = [
    "| window | server | PostgreSQL | load generator | socket clients | other processes | machine | server µs CPU / event | PostgreSQL µs CPU / event |",
    "|---|---|---|---|---|---|---|---|---|",
    ...cpuRows,
  ].join("\n");
  const busy = Object.entries(r.quiet ?? {}).filter(([, q]) => !q.quiet);

  const m = r.machine;
  const body = `# Benchmarks

Measured by \`npm run bench\` (\`bench/run.ts\`) — every number below comes from one run of that command;
nothing here is edited by hand except the "Analysis" section at the end, which the command keeps.

- **Date**: ${r.date}
- **Command**: \`${r.command}\` (took ${fmt(r.totalSeconds)} s)
- **Machine**: ${m.cpus} × ${m.cpuModel}, ${m.ram} RAM, ${m.kernel}
- **Software**: Node ${m.node}; ${pg ? `${pg.version}` : "PostgreSQL not run"}; ${lite ? lite.version : "PGlite not run"}; socket.io ${m.socketio}; postgres.js ${m.postgresJs}; ${m.wrk}
${pg ? `- **PostgreSQL**: ${pg.description}; ${Object.entries(pg.settings).map(([k, v]) => `${k}=${v}`).join(", ")}\n` : ""}
## Results

${table}

PASS/MISS compare with the issue's targets.
${busy.length ? `\n> **Warning — shared machine.** Other processes were using the CPU before ${busy.map(([k, q]) => `${k} (${fmt(q.busyPct)} % of a core)`).join(", ")}, after waiting up to ${QUIET_WAIT_MS / 1000} s for quiet: those numbers are pessimistic. See "other processes" below.\n` : ""}
### CPU during each measurement

% of one core (${os.availableParallelism()} cores: ${os.availableParallelism() * 100} % is the whole machine), from \`/proc\`. "other processes" is what the rest of the machine used
meanwhile (other sessions, the kernel's unattributed work). "µs CPU / event" divides a process's CPU time by the events it handled:
it does not depend on how busy the machine was, and shows what a target costs.

${cpuTable}

## Checks and details

${checks.join("\n")}

## Method

- **Processes.** The server under test runs alone in a child process (\`bench/server.ts\`: \`startServer\` without the
  Next app, \`NODE_ENV=production\`, \`HOST=127.0.0.1\`, a free port, \`VIGIE_INGEST_KEY\`). The load comes from
  other processes on the same ${os.availableParallelism()}-core machine, so the server, PostgreSQL and the load generator compete
  for the same cores: the CPU lines above say how much each took. Everything goes over loopback.
- **Scenario 1** — ${fmt(N_EVENTS)} generated events (\`bench/events.ts\`: contact lifecycles offered → answered →
  ended → wrapped or abandoned, agent states, resolutions, csat/nps surveys, spread over the last 6 hours; mix:
  ${pg?.s1 ? Object.entries(pg.s1.types).map(([k, v]) => `${k} ${fmt(v)}`).join(", ") : "see bench/events.ts"}). Posted as NDJSON
  bodies of ${BATCH} events by ${S1_CONCURRENCY} concurrent keep-alive requests from the bench process (bodies pre-built); the rate is
  accepted events / wall time from the first request to the last 202. In the same run and the same database, once
  just before and once just after the ingest, the same rows (the columns the server writes: ${COPY_COLUMNS};
  \`payload\` = the event as sent) are streamed by the bench process with postgres.js \`COPY … FROM STDIN\`
  (\`.writable()\`, text format, pre-built chunks) into an empty table created \`LIKE events INCLUDING ALL\` (same primary
  key, indexes, identity, defaults); a COPY's time ends once its transaction has committed. The reference is the mean of
  the two COPY rates. A \`CHECKPOINT\` precedes each of the three loads.
- **Scenario 2** — \`wrk -t1 -c${S2_CONNECTIONS} -d${S2_SECONDS}s\` with \`bench/single.lua\`: one JSON event per POST, unique ids, each
  wrk thread cycling offered → answered → ended → wrapped. Rate = number of 202 answers / wrk's run time; latency
  percentiles are wrk's (closed loop: ${S2_CONNECTIONS} requests in flight at all times). wrk is C with one thread: it costs far less CPU
  per request than a Node load generator, which matters when it shares 2 cores with the server and PostgreSQL.
  Stored rows are counted after the server settles; requests wrk abandons at the end may be stored without a 202 counted.
- **Scenario 3** — ${fmt(S3_CLIENTS)} socket.io clients (websocket transport, one connection each) in 2 child processes
  (\`bench/clients.ts\`), each subscribed to \`{scope: "all", window: "today"}\` and to one \`queue:<name>\`. The bench process
  posts ${fmt(S3_RATE)} events/s as NDJSON batches of ${Math.round((S3_RATE * S3_INTERVAL_MS) / 1000)} every ${S3_INTERVAL_MS} ms (open loop) for ${S3_SECONDS} s; every batch has
  new \`contact.offered\` events dated now. Latency of batch *b* at client *k* = arrival time (at *k*) of the first
  \`{all, today}\` snapshot whose \`offered\` ≥ *k*'s baseline (from its subscribe answer) + the offers sent up to *b*,
  minus the time *b*'s POST was sent. All processes read \`Date.now()\` of one machine clock. p50/p99/max are over every
  (client, batch) pair. Server CPU is read from \`/proc/<pid>/stat\` over the producing window (+1.5 s drain).
- **Page (4)** — \`bench/page.ts\`: \`server.ts\` with the production Next build (\`npm run build\` first) on a fresh embedded
  database, fed a simulated morning (up to 20,000 events); Debian's Chromium (headless, 1920×1080) signs in as an
  admin and opens \`/wallboard\` in a new context each time (cache disabled). JavaScript = every script response of the
  first load (bytes over the wire as served, and decoded); first numbers = \`performance.now()\` when the "offered" tile
  first holds a value, from navigation start.
- **Durability** is the server's: a 202 is sent after the batch's transaction committed (PostgreSQL with
  \`synchronous_commit=on\`, \`fsync=on\`). PGlite runs are labelled as such, in-process WASM PostgreSQL with its own
  storage; they have no target and are there for comparison.
- **Caveats.** One machine runs everything: the load generators' CPU is taken from the server's budget (see CPU lines).
  Loopback has no network latency. The socket clients decode every message in 2 Node processes, which can add
  queueing to the latency they record. Batches of scenario 3 that commit out of order would shorten a sample
  (counted as "early" above). The machine is a VM: run-to-run noise of ±10 % is usual.
`;

  const document = (previous: string) => {
    const start = previous.indexOf("<!-- analysis:start -->");
    const end = previous.indexOf("<!-- analysis:end -->");
    const analysis =
      start >= 0 && end > start
        ? previous.slice(start, end + "<!-- analysis:end -->".length)
        : "<!-- analysis:start -->\n## Analysis\n\n(Hand-written notes on the numbers go here; `npm run bench` keeps this section.)\n<!-- analysis:end -->";
    return `${body}\n${analysis}\n`;
  };
  return { table, document };
}

// ───────────────────────────── entry ─────────────────────────────

function killChildren() {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
}
process.on("SIGINT", () => {
  killChildren();
  void Promise.allSettled([...cleanups].map((c) => c())).then(() => process.exit(130));
});

main().then(
  () => {
    log(`done in ${fmt((Date.now() - started) / 1000)} s`);
    process.exit(0);
  },
  (e: unknown) => {
    console.error(`bench failed: ${(e as Error)?.stack ?? e}`);
    killChildren();
    void Promise.allSettled([...cleanups].map((c) => c())).then(() => process.exit(1));
  },
);

