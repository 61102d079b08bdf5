import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents, Subscription } from "../lib/live/socket-events";

/**
 * A child process holding many socket.io clients (websocket transport, one
 * connection each), spawned by bench/run.ts. Each client subscribes to
 * {all, today} and to one queue scope, and records, for every `snapshot` of
 * {all, today}, its arrival time (Date.now(): one clock for every process of
 * the machine), `offered` and `version`.
 *
 * Config: env BENCH_CLIENTS = {url, count, first, queues}. Messages in:
 * "record" (forget what came so far), "collect" (send the records), "close".
 */

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const cfg = JSON.parse(process.env.BENCH_CLIENTS ?? "{}") as { url: string; apiKey: string; count: number; first: number; queues: string[] };
const send = (m: unknown) => process.send?.(m);

const sockets: Client[] = [];
/** Per client: flat [arrivalMs, offered, version, …] of {all, today} snapshots. */
const records: number[][] = [];
const counts = { snapshots: 0, series: 0, heartbeats: 0, disconnects: 0, connectErrors: 0 };
const baselines: number[] = [];

function subscribe(s: Client, sub: Subscription): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("subscribe timed out")), 30_000);
    s.emit("subscribe", sub, (res) => {
      clearTimeout(t);
      if (res.ok) resolve(Number(res.snapshot.metrics.offered ?? 0));
      else reject(new Error(res.error));
    });
  });
}

async function connectOne(i: number): Promise<void> {
  const s: Client = io(cfg.url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    timeout: 30_000,
    extraHeaders: { origin: new URL(cfg.url).origin, authorization: `Bearer ${cfg.apiKey}` },
  });
  const rec: number[] = [];
  records[i] = rec;
  sockets[i] = s;
  s.on("snapshot", (snap) => {
    counts.snapshots++;
    if (snap.scope === "all" && snap.window === "today") rec.push(Date.now(), Number(snap.metrics.offered ?? 0), snap.version);
  });
  s.on("series", () => counts.series++);
  s.on("heartbeat", () => counts.heartbeats++);
  s.on("disconnect", () => counts.disconnects++);
  await new Promise<void>((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", (e) => {
      counts.connectErrors++;
      reject(e);
    });
  });
  const [base] = await Promise.all([
    subscribe(s, { scope: "all", window: "today" }),
    subscribe(s, { scope: `queue:${cfg.queues[(cfg.first + i) % cfg.queues.length]}`, window: "today" }),
  ]);
  baselines[i] = base;
}

async function main() {
  const WAVE = 50;
  for (let i = 0; i < cfg.count; i += WAVE) {
    await Promise.all(Array.from({ length: Math.min(WAVE, cfg.count - i) }, (_, k) => connectOne(i + k)));
  }
  send({ type: "ready", connected: sockets.filter((s) => s.connected).length, baselines });
}

process.on("message", (m: { type: string }) => {
  if (m.type === "record") {
    for (const r of records) r.length = 0;
    counts.snapshots = counts.series = counts.heartbeats = 0;
    send({ type: "recording" });
  } else if (m.type === "collect") {
    send({ type: "records", records, counts, connected: sockets.filter((s) => s.connected).length });
  } else if (m.type === "close") {
    for (const s of sockets) s.disconnect();
    setTimeout(() => process.exit(0), 200);
  }
});
process.on("disconnect", () => process.exit(0));

main().catch((e: unknown) => {
  send({ type: "error", error: (e as Error).message });
  process.exit(1);
});
