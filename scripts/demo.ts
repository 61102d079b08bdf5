/**
 * `npm run demo`: the production server on a fresh embedded database, fed by
 * the traffic simulator (today's history first, then live). One command, no
 * other service needed.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_PASSWORD, DEMO_USERS, ensureDemoUsers } from "../lib/auth/demo-users";
import { EnvError, loadEnv } from "../lib/env";
import { startOfLocalDay } from "../lib/metrics/time";
import { startServer } from "../lib/server/boot";
import { buildIfStale } from "./build-if-stale";
import { engineQueueConfig, listQueueSettings, upsertQueueSettings, type QueueSettingsInput } from "../lib/admin/queue-settings";
import { scaleProfile, DEMO_PROFILE } from "../lib/sim/profile";
import { startSimulator } from "../lib/sim/runner";

const root = path.resolve(import.meta.dirname, "..");


/** Per-queue thresholds of the demo center (also editable in /admin). */
const DEMO_QUEUE_SETTINGS: QueueSettingsInput[] = [
  { queue: "support", displayName: "Support", shortAbandonSeconds: 5 },
  { queue: "sales", displayName: "Ventes", shortAbandonSeconds: 5 },
  { queue: "billing", displayName: "Facturation", shortAbandonSeconds: 5 },
  { queue: "chat-support", displayName: "Chat", slSeconds: 60 },
  { queue: "email", displayName: "E-mail", slSeconds: 3600 },
  { queue: "relance", displayName: "Relance devis (sortant)" },
];

async function main() {
  const ingestKey = process.env.VIGIE_INGEST_KEY || `demo-${randomBytes(12).toString("hex")}`;
  const base = loadEnv(process.env);
  const dataDir = path.join(os.tmpdir(), `vigie-demo-${base.PORT}`);
  const env = loadEnv({
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: undefined,
    VIGIE_DATA_DIR: dataDir,
    VIGIE_INGEST_KEY: ingestKey,
  });

  buildIfStale();
  fs.rmSync(dataDir, { recursive: true, force: true }); // the demo starts from a clean day each time
  const server = await startServer({ env, web: { dev: false, dir: root } });
  const local = `http://127.0.0.1:${server.port}`;
  await ensureDemoUsers(server.auth, server.database.db);
  // Thresholds a real center would set: written replies are not answered in 18 s.
  for (const settings of DEMO_QUEUE_SETTINGS) await upsertQueueSettings(server.database.db, settings, { kind: "system" });
  server.hub.engine.configure(engineQueueConfig(await listQueueSettings(server.database.db)));

  const now = Date.now();
  const sim = startSimulator({
    baseUrl: local,
    ingestKey,
    timeZone: env.VIGIE_TIMEZONE,
    backfillFrom: startOfLocalDay(now, env.VIGIE_TIMEZONE),
    profile: scaleProfile(DEMO_PROFILE, 3),
    log: (line) => console.log(`[simulator] ${line}`),
  });

  console.log(
    [
      "",
      "  Vigie demo is running",
      `  Sign in:     ${server.url}/login`,
      `  Wallboard:   ${server.url}/wallboard`,
      `  Live API:    ${server.url}/api/live?scope=all&window=today`,
      `  Ingest key:  ${ingestKey}   (POST ${server.url}/api/events with Authorization: Bearer <key>)`,
      `  Database:    embedded, in ${dataDir} (reset at each demo start)`,
      "  Traffic:     simulated from local midnight, then live. Ctrl-C to stop.",
      "  Demo users (demo only: the password is public):",
      ...DEMO_USERS.map((u) => `    ${u.email.padEnd(24)} ${u.role.padEnd(11)} ${DEMO_PASSWORD}`),
      "",
    ].join("\n"),
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(1); // second Ctrl-C
    stopping = true;
    console.log("Stopping…");
    await sim.stop();
    await server.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((e: unknown) => {
  console.error(e instanceof EnvError ? e.message : `Demo failed: ${(e as Error)?.stack ?? e}`);
  process.exit(1);
});
