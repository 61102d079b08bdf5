import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendName, createTestDatabase, type TestDatabase } from "../../db/testing";
import { loadEnv } from "../env";
import { parseEvent } from "../events/schema";
import type { ClientToServerEvents, ServerToClientEvents, Subscription } from "../live/socket-events";
import { MetricsEngine } from "../metrics/engine";
import type { Snapshot } from "../metrics/snapshot";

/**
 * The server as a process of its own (lib/server/testing/api-server.ts: what
 * server.ts runs, without Next): what it acknowledged survives SIGKILL, a
 * second process cannot open a PGlite folder in use, and SIGTERM finishes the
 * batch being written before exiting 0. After a restart, "stored" is checked
 * twice over: resending answers only duplicates, and the rebuilt engine's
 * snapshots equal those of an engine fed the acknowledged events here (the
 * same engine that, before the kill, agreed with the server's own snapshots).
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURE = path.join(ROOT, "lib/server/testing/api-server.ts");
const KEY = "durability-key-0123456789";
/** VIGIE_API_KEY: the `manager` role reads every scope (CONTRACT §6). */
const API_KEY = "durability-api-key-0123456789";
const backend = backendName();
const defaults = loadEnv({});
const SUBS: Subscription[] = [
  { scope: "all", window: "1h" },
  { scope: "queue:sales", window: "1h" },
  { scope: "agent:a1", window: "1h" },
  { scope: "channel:chat", window: "1h" },
];

type Raw = Record<string, unknown>;
type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Answer = { status: number; body: any };

let db: TestDatabase;
const children = new Set<ChildProcess>();
const sockets = new Set<LiveSocket>();
/** Every event some server answered 202 for, in order. */
const acknowledged: Raw[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  for (const s of sockets) s.close();
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await db?.drop();
});

// ---------------------------------------------------------------------------

interface Child {
  proc: ChildProcess;
  lines: string[];
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first stdout line (past or future) matching `re`; rejects if the process exits first. */
  line(re: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
}

function launch(): Child {
  const env: NodeJS.ProcessEnv = { NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", VIGIE_INGEST_KEY: KEY, VIGIE_API_KEY: API_KEY };
  for (const k of ["PATH", "HOME", "TMPDIR"]) if (process.env[k]) env[k] = process.env[k]!;
  Object.assign(env, db.env);
  const proc = spawn(process.execPath, ["--import", "tsx", FIXTURE, "--trace-writes"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(proc);
  const lines: string[] = [];
  let err = "";
  let partial = "";
  const waiters = new Set<() => void>();
  proc.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop()!;
    lines.push(...parts);
    for (const w of waiters) w();
  });
  proc.stderr!.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once("exit", (code, signal) => {
      for (const w of waiters) w();
      resolve({ code, signal });
    }),
  );
  const line = (re: RegExp, timeoutMs = 30_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        for (const l of lines) {
          const m = re.exec(l);
          if (m) return done(() => resolve(m));
        }
        if (proc.exitCode !== null || proc.signalCode !== null) {
          done(() => reject(new Error(`server exited (${proc.exitCode ?? proc.signalCode}) before printing ${re}:\n${err}`)));
        }
      };
      const timer = setTimeout(() => done(() => reject(new Error(`no line ${re} within ${timeoutMs} ms:\n${err}`))), timeoutMs);
      const done = (f: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        f();
      };
      waiters.add(check);
      check();
    });
  return { proc, lines, stderr: () => err, exited, line };
}

async function start(): Promise<{ child: Child; url: string }> {
  const child = launch();
  const m = await child.line(/^VIGIE_READY (\d+)$/);
  return { child, url: `http://127.0.0.1:${m[1]}` };
}

async function post(url: string, events: Raw[]): Promise<Answer> {
  const res = await fetch(`${url}/api/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/x-ndjson" },
    body: events.map((e) => JSON.stringify(e)).join("\n"),
  });
  return { status: res.status, body: await res.json() };
}

function expectAll(a: Answer, accepted: number, duplicates: number): void {
  expect(a.status).toBe(202);
  expect(a.body).toEqual({ accepted, duplicates, rejected: [] });
}

async function connect(url: string): Promise<LiveSocket> {
  const socket: LiveSocket = io(url, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin: url, authorization: `Bearer ${API_KEY}` },
  });
  sockets.add(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

async function snapshots(socket: LiveSocket): Promise<Snapshot[]> {
  return Promise.all(
    SUBS.map(async (sub) => {
      const ack = await socket.timeout(10_000).emitWithAck("subscribe", sub);
      if (!ack.ok) throw new Error(ack.error);
      return ack.snapshot;
    }),
  );
}

/** The numbers `events` imply at each snapshot's instant, from the pure engine the server runs. */
function expectNumbersOf(events: Raw[], snaps: Snapshot[]): void {
  const now = Date.now();
  const engine = new MetricsEngine({ timeZone: defaults.VIGIE_TIMEZONE, slSeconds: defaults.VIGIE_SL_SECONDS });
  for (const raw of events) {
    const p = parseEvent(raw, now);
    if (!p.ok) throw new Error(p.error);
    engine.apply(p.event, now);
  }
  for (const s of snaps) {
    const at = Date.parse(s.at);
    engine.tick(at);
    expect({ scope: s.scope, metrics: s.metrics }).toEqual({ scope: s.scope, metrics: engine.metrics(s.scope, s.window, at) });
  }
}

/** A deterministic mix of contact lifecycles over the last two minutes, shuffled (arrival order ≠ event order). */
function traffic(prefix: string, contacts: number, seed: number): Raw[] {
  let x = seed;
  const rnd = () => ((x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const base = Date.now() - 120_000;
  const out: Raw[] = [];
  let n = 0;
  const ev = (type: string, at: number, extra: Raw) => out.push({ id: `${prefix}-${n++}`, type, at: Math.round(at), ...extra });
  for (const agent of ["a1", "a2", "a3"]) {
    ev("agent.state", base - 60_000, { agentId: agent, state: pick(["available", "busy", "paused"] as const), queues: ["sales", "support"] });
  }
  for (let i = 0; i < contacts; i++) {
    const contactId = `${prefix}-c${i}`;
    const t0 = base + rnd() * 60_000;
    ev("contact.offered", t0, { contactId, queue: pick(["sales", "support"]), channel: pick(["voice", "chat"]) });
    const fate = rnd();
    if (fate < 0.15) continue; // still waiting
    if (fate < 0.3) {
      ev("contact.abandoned", t0 + rnd() * 40_000, { contactId });
      continue;
    }
    const answered = t0 + rnd() * 30_000;
    const agentId = pick(["a1", "a2", "a3"]);
    ev("contact.answered", answered, { contactId, agentId });
    if (fate < 0.45) continue; // still talking
    if (rnd() < 0.3) {
      ev("contact.held", answered + 2000, { contactId });
      ev("contact.resumed", answered + 2000 + rnd() * 5000, { contactId });
    }
    const ended = answered + 10_000 + rnd() * 15_000;
    ev("contact.ended", ended, { contactId });
    if (fate < 0.6) continue; // in after-contact work
    ev("contact.wrapped", ended + rnd() * 5000, { contactId });
    if (rnd() < 0.4) ev("survey.response", ended + 6000, { contactId, kind: pick(["csat", "nps"] as const), score: 4 + Math.floor(rnd() * 2) });
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * A POST of NDJSON through node:http, with Connection: close. With `split`, it
 * waits for the server's 100 Continue (the server has parsed the headers and
 * runs its handler), sends half of the body, and the rest only on `rest()`.
 */
function rawPost(url: string, events: Raw[], opts: { split?: boolean } = {}): { answer: Promise<Answer>; halfSent: Promise<void>; rest(): void } {
  const body = events.map((e) => JSON.stringify(e)).join("\n");
  const req = http.request(`${url}/api/events`, {
    method: "POST",
    agent: false,
    headers: {
      authorization: `Bearer ${KEY}`,
      "content-type": "application/x-ndjson",
      connection: "close",
      ...(opts.split ? { expect: "100-continue", "transfer-encoding": "chunked" } : {}),
    },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on("error", reject);
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
  });
  if (!opts.split) {
    req.end(body);
    return { answer, halfSent: Promise.resolve(), rest: () => {} };
  }
  const cut = body.indexOf("\n", body.length >> 1);
  const halfSent = new Promise<void>((resolve) => req.once("continue", () => req.write(body.slice(0, cut), () => resolve())));
  return { answer, halfSent, rest: () => req.end(body.slice(cut)) };
}

/** Holds a lock that blocks inserts into `events` (PostgreSQL) until released. */
async function lockEvents(url: string): Promise<{ release(): Promise<void> }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const holding = new Promise<void>((r) => (locked = r));
  const tx = sql.begin(async (t) => {
    await t`lock table events in share row exclusive mode`;
    locked();
    await released;
  });
  await Promise.race([holding, tx]);
  return {
    release: async () => {
      release();
      await tx;
      await sql.end({ timeout: 5 });
    },
  };
}

// ---------------------------------------------------------------------------

describe(`server process durability (${backend})`, () => {
  let current: { child: Child; url: string };

  it("keeps every acknowledged event across SIGKILL; the rebuilt engine shows the same numbers", async () => {
    const all = traffic("k", 400, 7);
    const [first, second] = [all.slice(0, all.length >> 1), all.slice(all.length >> 1)];

    const a = await start();
    const socketA = await connect(a.url);
    for (const s of await snapshots(socketA)) expect(s.metrics.offered).toBe(0);

    expectAll(await post(a.url, first), first.length, 0);
    acknowledged.push(...first);
    const before = await snapshots(socketA);
    expectNumbersOf(acknowledged, before);
    expect(before[0]!.metrics.offered).toBeGreaterThan(100);

    // The second batch: killed as soon as its 202 is read, with no chance to flush anything later.
    const res = await post(a.url, second);
    a.child.proc.kill("SIGKILL");
    expectAll(res, second.length, 0);
    acknowledged.push(...second);
    expect(await a.child.exited).toEqual({ code: null, signal: "SIGKILL" });
    socketA.close();

    current = await start();
    const socketB = await connect(current.url);
    const after = await snapshots(socketB);
    expectNumbersOf(acknowledged, after);
    after.forEach((s, i) => expect(s.version).toBeGreaterThan(before[i]!.version));

    expectAll(await post(current.url, first), 0, first.length);
    expectAll(await post(current.url, second), 0, second.length);
    expectNumbersOf(acknowledged, await snapshots(socketB));
    socketB.close();
  });

  it.runIf(backend === "pglite")("refuses a second process on the same PGlite folder, naming the folder", async () => {
    const intruder = launch();
    const { code } = await intruder.exited;
    expect(code).not.toBe(0);
    expect(intruder.lines.some((l) => l.startsWith("VIGIE_READY"))).toBe(false);
    expect(intruder.stderr()).toContain(path.resolve(db.dataDir!));
    expect(intruder.stderr()).toContain(`pid ${current.child.proc.pid}`);

    const more = traffic("p", 5, 11);
    expectAll(await post(current.url, more), more.length, 0);
    acknowledged.push(...more);
  });

  it.runIf(backend === "postgres")("lets two processes share one PostgreSQL database, each id acknowledged once", async () => {
    const second = await start();
    const batch = traffic("two", 150, 13);
    const [x, y] = await Promise.all([post(current.url, batch), post(second.url, batch)]);
    expect([x.status, y.status]).toEqual([202, 202]);
    expect(x.body.accepted + y.body.accepted).toBe(batch.length);
    expect(x.body.duplicates + y.body.duplicates).toBe(batch.length);
    acknowledged.push(...batch);
    second.child.proc.kill("SIGTERM");
    expect((await second.child.exited).code).toBe(0);
  });

  describe("SIGTERM with one batch being written and another still being uploaded", () => {
    const written = traffic("t", 1000, 17);
    const uploaded = traffic("u", 300, 19);
    let r: {
      write: Answer;
      upload: Answer;
      exit: { code: number | null; signal: NodeJS.Signals | null };
      lines: string[];
      resent: { write: Answer; upload: Answer };
      after: Snapshot[];
    };

    beforeAll(async () => {
      const { child, url } = current;
      // On PostgreSQL a lock holds the insert until the signal has been handled: no race.
      // PGlite runs the statement synchronously on the server's main thread, so there the
      // signal, sent once the write has begun, is handled after it.
      const lock = backend === "postgres" ? await lockEvents(db.url!) : undefined;
      const upload = rawPost(url, uploaded, { split: true });
      await upload.halfSent;
      const write = rawPost(url, written);
      await child.line(new RegExp(`^VIGIE_WRITING ${written.length}$`));
      child.proc.kill("SIGTERM");
      await child.line(/^VIGIE_STOPPING$/);
      await lock?.release();
      upload.rest();
      const [w, u] = await Promise.all([write.answer, upload.answer]);
      const exit = await child.exited;

      current = await start();
      const resent = { write: await post(current.url, written), upload: await post(current.url, uploaded) };
      acknowledged.push(...written, ...uploaded); // by their first answer, or else by the resend
      const socket = await connect(current.url);
      r = { write: w, upload: u, exit, lines: child.lines, resent, after: await snapshots(socket) };
      socket.close();
    });

    it("finishes the batch being written (202, stored) and exits 0", () => {
      expectAll(r.write, written.length, 0);
      expect(r.exit).toEqual({ code: 0, signal: null });
      expectAll(r.resent.write, 0, written.length);
      expectNumbersOf(acknowledged, r.after);

      const at = (re: RegExp) => r.lines.findIndex((l) => re.test(l));
      const writing = at(new RegExp(`^VIGIE_WRITING ${written.length}$`));
      const stopping = at(/^VIGIE_STOPPING$/);
      const done = at(new RegExp(`^VIGIE_WRITTEN ${written.length}$`));
      expect(writing, "the write began before the signal").toBeLessThan(stopping);
      if (backend === "postgres") expect(stopping, "the signal was handled while the write was in flight").toBeLessThan(done);
    });

    it("never acknowledges an upload it did not store", () => {
      expect([202, 503]).toContain(r.upload.status);
      if (r.upload.status === 202) expectAll(r.resent.upload, 0, uploaded.length);
      else expectAll(r.resent.upload, uploaded.length, 0);
    });

    // Known defect in boot.ts close(): `accepting` turns false at once and the ingest
    // callback then throws StorageUnavailableError, so a request whose upload is under
    // way when the signal arrives gets 503 instead of being finished. Drop `.fails` once fixed.
    it("finishes the upload under way too: 202 and stored", () => {
      expectAll(r.upload, uploaded.length, 0);
      expectAll(r.resent.upload, 0, uploaded.length);
    });
  });

  afterAll(async () => {
    if (current && current.child.proc.exitCode === null) {
      current.child.proc.kill("SIGTERM");
      expect((await current.child.exited).code).toBe(0);
    }
  });
});
