import { RollupRunner } from "../rollups/runner";
import { periodsOf } from "../rollups/periods";
import { rebuildFactsFrom } from "../rollups/rebuild-facts";
import { reportConfig } from "../reports/report-config";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { openDatabase, type Database } from "../../db/client";
import { migrate } from "../../db/migrate";
import { AUTH_BASE_PATH, createAuth, type VigieAuth } from "../auth/auth";
import { ensureFirstAdmin } from "../auth/bootstrap";
import { identify, identifyBearer, type ConfiguredKeys } from "../auth/identify";
import { verifyKioskToken } from "../auth/kiosk-links";
import { authNodeHandler } from "../auth/node-handler";
import { isAllowedHandshake } from "../auth/origin";
import { canIngest } from "../auth/permissions";
import { disconnectKiosk, disconnectSession, disconnectUser, revalidateSockets, socketAuthMiddleware, type SocketAuthOptions } from "../auth/socket-auth";
import type { Env } from "../env";
import { StorageUnavailableError } from "../http/errors";
import { sendJson } from "../http/send";
import { EventWriter } from "../ingest/event-writer";
import { ingestHandler } from "../ingest/http-handler";
import { ADAPTER_ENDPOINTS } from "../ingest/adapter-endpoints";
import { adapterHandler } from "../ingest/adapter-http";
import { ingestItems } from "../ingest/ingest";
import type { BodyItem } from "../ingest/parse-body";
import { LiveHub, type LiveServer } from "../live/hub";
import { rebuildEngine } from "../live/rebuild";
import { engineQueueConfig, listQueueSettings } from "../admin/queue-settings";
import { attachSocketHandlers } from "../live/socket-handlers";
import { attachAlertSockets } from "../live/alert-push";
import { lastWeekCache } from "../live/last-week";
import { attachLiveFeeds } from "../live/live-feeds";
import { AlertRunner } from "../live/alert-runner";
import { MetricsEngine } from "../metrics/engine";
import { ScheduleRunner } from "../reports/schedules/runner";
import { RetentionRunner } from "../retention/runner";
import { publishContext } from "./context";
import { HealthProbe } from "./health";
import { securityHeaders } from "./security-headers";

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
  /** Alert rules evaluated on the live numbers (reload after a change of the stored rules). */
  alerts: AlertRunner;
  auth: VigieAuth;
  database: Database;
  /** Origins browsers may use (VIGIE_PUBLIC_URL, else http://localhost:<port> and http://127.0.0.1:<port>). */
  trustedOrigins: string[];
  /** Graceful stop: refuse new work, finish in-flight batches, close sockets and the database. */
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

const REVALIDATE_SOCKETS_MS = 60_000;

/** The origins browsers use: the public URL, or this machine under both of its usual names. */
export function browserOrigins(env: Pick<Env, "VIGIE_PUBLIC_URL">, port: number): string[] {
  return env.VIGIE_PUBLIC_URL ? [env.VIGIE_PUBLIC_URL] : [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
}

/** Composes the one process of CONTRACT §1: ingest fast path, Next, socket.io, on one port. */
export async function startServer(opts: BootOptions): Promise<RunningServer> {
  const { env } = opts;
  const log = opts.log ?? ((l: string) => console.log(l));

  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.VIGIE_DATA_DIR });
  await migrate(database);

  const engine = new MetricsEngine({ timeZone: env.VIGIE_TIMEZONE, slSeconds: env.VIGIE_SL_SECONDS, repeatDays: env.VIGIE_FCR_DAYS });
  const t0 = Date.now();
  // Per-queue thresholds first, so the rebuilt numbers use them.
  engine.configure(engineQueueConfig(await listQueueSettings(database.db)));
  const replayed = await rebuildEngine(database, engine, t0);
  log(`Vigie: engine rebuilt from ${replayed} stored events in ${Date.now() - t0} ms`);

  const hub = new LiveHub(engine);
  const rollups = new RollupRunner({ database, config: () => reportConfig(database, env), log });
  const alerts = new AlertRunner({ db: database.db, live: engine, log });
  await alerts.load();
  const writer = new EventWriter(database);
  const health = new HealthProbe(database);
  let accepting = true;
  const keys: ConfiguredKeys = { ingestKey: env.VIGIE_INGEST_KEY, apiKey: env.VIGIE_API_KEY };

  // The auth origins depend on the port, known once listening (PORT=0 in tests):
  // requests and handshakes arriving before then wait for `ready`.
  let auth: VigieAuth | undefined;
  let trustedOrigins: string[] = [];
  let authRoutes: Handler = (_req, res) => sendJson(res, 503, { error: "starting" });
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  let isReady = false;

  const ingestBatch = (items: BodyItem[]) => ingestItems({ writer, onStored: (events) => {
      hub.onStored(events);
      rollups.poke();
    }, now: Date.now, retentionMonths: env.VIGIE_EVENTS_RETENTION_MONTHS }, items);
  const ingest = ingestHandler({
    maxBytes: env.VIGIE_INGEST_MAX_BYTES,
    // VIGIE_INGEST_KEY or an admin-created `ingest` key; no key configured at all: every request is 401.
    authorize: async (token) => {
      try {
        return canIngest(await identifyBearer(database.db, keys, token));
      } catch (e) {
        throw new StorageUnavailableError(e);
      }
    },
    ingest: ingestBatch,
    onError: (e) => log(`Vigie: ingest failed: ${describeError(e)}`),
  });

  const adapters = adapterHandler(ADAPTER_ENDPOINTS, {
    env,
    maxBytes: env.VIGIE_INGEST_MAX_BYTES,
    authorize: async (token) => {
      try {
        return canIngest(await identifyBearer(database.db, keys, token));
      } catch (e) {
        throw new StorageUnavailableError(e);
      }
    },
    ingest: ingestBatch,
    onError: (e) => log(`Vigie: adapter ingest failed: ${describeError(e)}`),
  });

  let web: Handler = (_req, res) => sendJson(res, 404, { error: "not found" });
  // Ingest requests whose headers arrived before shutdown began are finished, upload included.
  const ingesting = new Set<ServerResponse>();
  let allAnswered: (() => void) | undefined;
  const setSecurityHeaders = securityHeaders({
    dev: opts.web?.dev ?? false,
    publicHttps: env.VIGIE_PUBLIC_URL?.startsWith("https:") ?? false,
  });
  const route: Handler = (req, res) => {
    setSecurityHeaders(req, res);
    // Next's internal middleware-recursion header (CVE-2025-29927): never taken from a client.
    delete req.headers["x-middleware-subrequest"];
    const path = req.url?.split("?", 1)[0];
    if (path === AUTH_BASE_PATH || path?.startsWith(`${AUTH_BASE_PATH}/`)) return void authRoutes(req, res);
    if (path === "/api/events" || (path !== undefined && adapters.handles(path))) {
      if (!accepting) {
        return sendJson(res, 503, { error: "shutting down; nothing was stored, retry later" }, { "retry-after": "1", connection: "close" });
      }
      ingesting.add(res);
      res.once("close", () => {
        ingesting.delete(res);
        if (ingesting.size === 0) allAnswered?.();
      });
      return void (path === "/api/events" ? ingest(req, res) : adapters.serve(req, res));
    }
    return void web(req, res);
  };
  const httpServer = createServer((req, res) => {
    if (isReady) route(req, res);
    else void ready.then(() => route(req, res));
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
    // Cross-site WebSocket hijacking: a browser always sends Origin on a handshake.
    allowRequest: (req, cb) => void ready.then(() => cb(null, isAllowedHandshake(req.headers, trustedOrigins))),
  });
  const socketAuth: SocketAuthOptions = {
    get trustedOrigins() {
      return trustedOrigins;
    },
    identify: (headers) => identify(auth!, database.db, keys, headers),
    verifyKiosk: (token) => verifyKioskToken(database.db, token),
  };
  const authenticate = socketAuthMiddleware(socketAuth);
  io.use((socket, next) => void ready.then(() => authenticate(socket, next)));
  attachSocketHandlers(io, hub);
  attachAlertSockets(io, alerts, { queuesOfAgent: (id) => hub.queuesOfAgent(id) });
  attachLiveFeeds(io, hub, lastWeekCache(database, env));
  hub.start(io);
  const detachAlerts = alerts.attach(hub);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(env.PORT, env.HOST, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;

  trustedOrigins = browserOrigins(env, port);
  try {
    auth = await createAuth({
      database,
      baseURL: trustedOrigins[0]!,
      trustedOrigins: trustedOrigins.slice(1),
      signInRateLimit: { window: 60, max: env.VIGIE_SIGNIN_PER_MINUTE },
      onSessionEnded: ({ sessionId }) => disconnectSession(io, sessionId),
      onUserChanged: (userId) => disconnectUser(io, userId),
    });
    const firstAdmin = await ensureFirstAdmin(auth, database.db, env);
    if (firstAdmin.created) log(`Vigie: created the first admin, ${env.VIGIE_ADMIN_EMAIL}`);
  } catch (e) {
    // Requests already waiting for `ready` are cut with the server.
    hub.stop();
    detachAlerts();
    await alerts.drain();
    const ioClosed = new Promise<void>((r) => io.close(() => r()));
    httpServer.closeAllConnections();
    await ioClosed;
    await database.close();
    throw e;
  }
  authRoutes = authNodeHandler(auth, { trustedProxies: env.VIGIE_TRUSTED_PROXIES });
  const schedules = new ScheduleRunner({ database, env, log });
  const retention = new RetentionRunner({ database, months: env.VIGIE_EVENTS_RETENTION_MONTHS, log });
  // A session revoked or a user changed through another instance loses its sockets here too.
  const revalidate = setInterval(() => {
    void revalidateSockets([...io.of("/").sockets.values()], socketAuth).catch((e: unknown) => log(`Vigie: socket revalidation failed: ${(e as Error).message}`));
  }, REVALIDATE_SOCKETS_MS);
  revalidate.unref();
  publishContext({
    env,
    database,
    hub,
    health,
    accepting: () => accepting,
    ingest: ingestBatch,
    auth,
    keys,
    trustedOrigins,
    queuesOfAgent: (agentId) => hub.queuesOfAgent(agentId),
    disconnectKiosk: (linkId) => disconnectKiosk(io, linkId),
    reloadQueueSettings: async () => {
      engine.configure(engineQueueConfig(await listQueueSettings(database.db)));
      // Today's stored numbers follow the new thresholds too (the live engine recomputes today).
      await rebuildFactsFrom(database, await reportConfig(database, env), periodsOf([Date.now()], "day", env.VIGIE_TIMEZONE).starts[0]!);
    },
    reloadAlertRules: () => alerts.reload(),
    runReportSchedule: (id) => schedules.runNow(id),
  });
  isReady = true;
  markReady();
  schedules.start();
  rollups.start();
  retention.start();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      accepting = false;
      clearInterval(revalidate);
      const httpClosed = new Promise<void>((r) => httpServer.close(() => r()));
      httpServer.closeIdleConnections();
      for (const res of ingesting) if (!res.headersSent) res.setHeader("connection", "close");
      if (ingesting.size > 0) {
        await Promise.race([new Promise<void>((r) => (allAnswered = r)), new Promise((r) => setTimeout(r, 10_000).unref())]);
      }
      await writer.drain();
      await schedules.stop();
      await rollups.stop();
      await retention.stop();
      hub.stop();
      // Alerts firing now stay open in the history: the next start resumes or closes them.
      detachAlerts();
      await alerts.drain();
      const ioClosed = new Promise<void>((r) => io.close(() => r()));
      // io.close() waits for the http server, which waits for every connection: end them now.
      httpServer.closeAllConnections();
      await ioClosed;
      await httpClosed;
      publishContext(undefined);
      await database.close();
    })());

  return { url: `http://${shownHost}:${port}`, port, hub, alerts, auth, database, trustedOrigins, close };
}

/** An error's message followed by its cause's, so that a 503 in the log says what the database answered. */
function describeError(e: unknown): string {
  const err = e as Error;
  const cause = err.cause as Error | undefined;
  return cause?.message ? `${err.message} (${cause.message})` : err.message;
}
