import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { openDatabase } from "../../db/client";
import { migrate } from "../../db/migrate";
import { matchesAnyKey } from "../auth/keys";
import type { Env } from "../env";
import { sendJson } from "../http/send";
import { EventWriter } from "../ingest/event-writer";
import { ingestHandler } from "../ingest/http-handler";
import { ingestItems } from "../ingest/ingest";
import { LiveHub, type LiveServer } from "../live/hub";
import { rebuildEngine } from "../live/rebuild";
import { attachSocketHandlers } from "../live/socket-handlers";
import { MetricsEngine } from "../metrics/engine";
import { publishContext } from "./context";
import { HealthProbe } from "./health";

export interface BootOptions {
  env: Env;
  /** Serve the Next app (pages, route handlers). Tests of the API alone leave it out. */
  web?: { dev: boolean; dir: string };
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  hub: LiveHub;
  /** Graceful stop: refuse new work, finish in-flight batches, close sockets and the database. */
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Composes the one process of CONTRACT §1: ingest fast path, Next, socket.io, on one port. */
export async function startServer(opts: BootOptions): Promise<RunningServer> {
  const { env } = opts;
  const log = opts.log ?? ((l: string) => console.log(l));

  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.VIGIE_DATA_DIR });
  await migrate(database);

  const engine = new MetricsEngine({ timeZone: env.VIGIE_TIMEZONE, slSeconds: env.VIGIE_SL_SECONDS });
  const t0 = Date.now();
  const replayed = await rebuildEngine(database, engine, t0);
  log(`Vigie: engine rebuilt from ${replayed} stored events in ${Date.now() - t0} ms`);

  const hub = new LiveHub(engine);
  const writer = new EventWriter(database);
  const health = new HealthProbe(database);
  let accepting = true;
  publishContext({ env, database, hub, health, accepting: () => accepting });

  const ingest = ingestHandler({
    maxBytes: env.VIGIE_INGEST_MAX_BYTES,
    authorize: (token) => matchesAnyKey(token, [env.VIGIE_INGEST_KEY]),
    ingest: (items) => ingestItems({ writer, onStored: (events) => hub.onStored(events), now: Date.now }, items),
    onError: (e) => log(`Vigie: ingest failed: ${(e as Error).message}`),
  });

  let web: Handler = (_req, res) => sendJson(res, 404, { error: "not found" });
  // Ingest requests whose headers arrived before shutdown began are finished, upload included.
  const ingesting = new Set<ServerResponse>();
  let allAnswered: (() => void) | undefined;
  const httpServer = createServer((req, res) => {
    const path = req.url?.split("?", 1)[0];
    if (path === "/api/events") {
      if (!accepting) {
        return sendJson(res, 503, { error: "shutting down; nothing was stored, retry later" }, { "retry-after": "1", connection: "close" });
      }
      ingesting.add(res);
      res.once("close", () => {
        ingesting.delete(res);
        if (ingesting.size === 0) allAnswered?.();
      });
      return void ingest(req, res);
    }
    return void web(req, res);
  });

  if (opts.web) {
    const { default: next } = await import("next");
    const app = next({ dev: opts.web.dev, dir: opts.web.dir, hostname: env.HOST, port: env.PORT, httpServer });
    await app.prepare();
    web = app.getRequestHandler();
  }

  const io: LiveServer = new Server(httpServer, {
    serveClient: false,
    // Next's dev server upgrades its own websocket on this server: leave other upgrades alone.
    destroyUpgrade: false,
    // Notice a silently cut connection within seconds, not the default 45 s.
    pingInterval: 5000,
    pingTimeout: 4000,
  });
  attachSocketHandlers(io, hub);
  hub.start(io);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(env.PORT, env.HOST, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      accepting = false;
      const httpClosed = new Promise<void>((r) => httpServer.close(() => r()));
      httpServer.closeIdleConnections();
      for (const res of ingesting) if (!res.headersSent) res.setHeader("connection", "close");
      if (ingesting.size > 0) {
        await Promise.race([new Promise<void>((r) => (allAnswered = r)), new Promise((r) => setTimeout(r, 10_000).unref())]);
      }
      await writer.drain();
      hub.stop();
      const ioClosed = new Promise<void>((r) => io.close(() => r()));
      // io.close() waits for the http server, which waits for every connection: end them now.
      httpServer.closeAllConnections();
      await ioClosed;
      await httpClosed;
      publishContext(undefined);
      await database.close();
    })());

  return { url: `http://${shownHost}:${port}`, port, hub, close };
}
