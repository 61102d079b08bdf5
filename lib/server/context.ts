import type { Database } from "../../db/client";
import type { VigieAuth } from "../auth/auth";
import type { ConfiguredKeys } from "../auth/identify";
import type { Env } from "../env";
import type { IngestResult } from "../ingest/ingest";
import type { BodyItem } from "../ingest/parse-body";
import type { LiveHub } from "../live/hub";
import type { HealthProbe } from "./health";

/**
 * What server.ts shares with Next's route handlers and pages. Next bundles its
 * own copy of every module, so module-level singletons are not shared: the
 * running server publishes its context on globalThis.
 */
export interface ServerContext {
  env: Env;
  database: Database;
  hub: LiveHub;
  health: HealthProbe;
  /** False once shutdown has begun. */
  accepting: () => boolean;
  /**
   * The ingest operation of `POST /api/events` (validation, idempotency, group
   * commit, live push), for the adapters' routes: resolves after the commit.
   */
  ingest: (items: BodyItem[]) => Promise<IngestResult>;
  auth: VigieAuth;
  /** VIGIE_INGEST_KEY and VIGIE_API_KEY, for `identify`. */
  keys: ConfiguredKeys;
  /** Origins browsers use to reach this server (VIGIE_PUBLIC_URL, else localhost). */
  trustedOrigins: string[];
  /** The queues an agent currently serves, for `canViewScope`. */
  queuesOfAgent: (agentId: string) => readonly string[];
  /** Disconnects the screens of a kiosk link (after its revocation). */
  disconnectKiosk: (linkId: string) => void;
  /** Applies the stored per-queue thresholds to the live engine (after an admin change). */
  reloadQueueSettings: () => Promise<void>;
  /** Makes the live alert runner take the stored alert rules again (after an admin change). */
  reloadAlertRules: () => Promise<void>;
  /** Runs a report schedule now ("run now"); null when it does not exist. */
  runReportSchedule: (id: string) => Promise<{ status: "ok" | "error"; error: string | null; target: string | null } | null>;
}

const KEY = Symbol.for("vigie.server-context");

export function publishContext(ctx: ServerContext | undefined): void {
  (globalThis as Record<symbol, unknown>)[KEY] = ctx;
}

export function serverContext(): ServerContext {
  const ctx = (globalThis as Record<symbol, unknown>)[KEY] as ServerContext | undefined;
  if (!ctx) throw new Error("Vigie's server context is missing: start the app with server.ts (npm run dev / npm start)");
  return ctx;
}
