import fs from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { loadEnv } from "../lib/env";
import { startServer } from "../lib/server/boot";

/**
 * The server under test, in its own process (spawned by bench/run.ts with an
 * IPC channel): the ingest fast path and socket.io, without the Next app.
 * Messages: "stats" → event-loop figures since the last "stats";
 * "profile-start" / "profile-stop" {file} → a V8 CPU profile of the window
 * between them (inspector, in this process); "stop" → graceful close, exit.
 */

type Msg = { type: "stats" } | { type: "stop" } | { type: "profile-start" } | { type: "profile-stop"; file: string };

const send = (m: unknown) => process.send?.(m);

async function main() {
  const env = loadEnv();
  const server = await startServer({ env, log: (line) => send({ type: "log", line }) });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let elu = performance.eventLoopUtilization();

  let session: Session | undefined;
  process.on("message", async (m: Msg) => {
    if (m.type === "profile-start") {
      session = new Session();
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.setSamplingInterval", { interval: 250 });
      await session.post("Profiler.start");
      send({ type: "profiling" });
    } else if (m.type === "profile-stop" && session) {
      const { profile } = await session.post("Profiler.stop");
      session.disconnect();
      session = undefined;
      fs.mkdirSync(path.dirname(m.file), { recursive: true });
      fs.writeFileSync(m.file, JSON.stringify(profile));
      send({ type: "profiled", file: m.file });
    } else if (m.type === "stats") {
      const now = performance.eventLoopUtilization();
      const d = performance.eventLoopUtilization(now, elu);
      elu = now;
      send({
        type: "stats",
        elu: d.utilization,
        delayP99Ms: delay.percentile(99) / 1e6,
        delayMaxMs: delay.max / 1e6,
        rssMb: process.memoryUsage().rss / 2 ** 20,
      });
      delay.reset();
    } else if (m.type === "stop") {
      void server.close().then(
        () => {
          send({ type: "stopped" });
          process.exit(0);
        },
        (e: unknown) => {
          send({ type: "log", line: `close failed: ${(e as Error).message}` });
          process.exit(1);
        },
      );
    }
  });
  process.on("disconnect", () => process.exit(0)); // the bench died: don't linger
  send({ type: "ready", url: server.url, port: server.port });
}

main().catch((e: unknown) => {
  send({ type: "log", line: `server failed to start: ${(e as Error)?.stack ?? String(e)}` });
  process.exit(1);
});
