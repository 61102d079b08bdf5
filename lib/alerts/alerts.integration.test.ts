import { randomBytes } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendName, createTestDatabase, type TestDatabase } from "../../db/testing";
import { createApiKey } from "../auth/api-keys";
import { loadEnv, type Env } from "../env";
import type { ClientToServerEvents, ServerToClientEvents } from "../live/socket-events";
import { startServer, type RunningServer } from "../server/boot";
import type { ActiveAlert, AlertsPayload } from "./active";
import { CLEAR_AFTER_MS } from "./evaluator";
import { listAlertHistory } from "./history";
import { createRule, setRuleEnabled } from "./rules-store";

/**
 * Alerts end to end without Next: rules stored, events posted to
 * /api/events, alerts pushed over socket.io to the readers who may see them,
 * the history written, and a restart resuming what still fires.
 */

const backend = backendName();
const KEY = "alerts-ingest-key-0123456789";
const API_KEY = "alerts-api-key-0123456789ab";
const RUN = randomBytes(4).toString("hex");
const SYSTEM = { kind: "system" } as const;

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let db: TestDatabase;
let env: Env;
let server: RunningServer;
const sockets: LiveSocket[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  env = loadEnv({ ...db.env, NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", VIGIE_INGEST_KEY: KEY, VIGIE_API_KEY: API_KEY });
  server = await startServer({ env, log: () => {} });
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.close();
  await db?.drop();
});

/** A socket subscribed to alerts, recording every push; `next` waits for a push matching `pred`. */
async function alertClient(bearer = API_KEY) {
  const socket: LiveSocket = io(server.url, { transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { origin: server.url, authorization: `Bearer ${bearer}` } });
  sockets.push(socket);
  const pushes: AlertsPayload[] = [];
  const waiters = new Set<() => void>();
  socket.on("alerts", (p) => {
    pushes.push(p);
    for (const w of [...waiters]) w();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  socket.emit("alerts:subscribe");
  const next = (pred: (alerts: ActiveAlert[]) => boolean, timeoutMs: number, from = pushes.length) =>
    new Promise<ActiveAlert[]>((resolve, reject) => {
      const check = () => {
        const hit = pushes.slice(from).find((p) => pred(p.alerts));
        if (!hit) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(hit.alerts);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching alerts push within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  await next(() => true, 5000, 0); // the full set, answering the subscription
  return { socket, pushes, next };
}

let n = 0;
async function post(events: Record<string, unknown>[]): Promise<number> {
  const res = await fetch(`${server.url}/api/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
    body: JSON.stringify(events.map((e) => ({ id: `al-${RUN}-${++n}`, ...e }))),
  });
  expect(res.status).toBe(202);
  return Date.now();
}

const has = (ruleId: string) => (alerts: ActiveAlert[]) => alerts.some((a) => a.ruleId === ruleId);
const lacks = (ruleId: string) => (alerts: ActiveAlert[]) => !has(ruleId)(alerts);

describe(`alerts over socket.io (${backend})`, () => {
  it("'waiting > 0 for 2 s' fires after a contact waits, clears once it is answered, and is written to the history", async () => {
    const queue = `alert-q-${RUN}`;
    const rule = await createRule(server.database.db, { name: "Waiting", metric: "waiting", scope: `queue:${queue}`, comparator: ">", threshold: 0, forSeconds: 2, severity: "critical" }, SYSTEM);
    await server.alerts.reload();
    const manager = await alertClient();
    const sameQueue = await alertClient((await createApiKey(server.database.db, { name: "sup", role: "supervisor", queues: [queue] }, SYSTEM)).key);
    const otherQueue = await alertClient((await createApiKey(server.database.db, { name: "other", role: "supervisor", queues: ["elsewhere"] }, SYSTEM)).key);

    const posted = await post([{ type: "contact.offered", at: Date.now() - 500, contactId: `c-${RUN}-1`, queue }]);
    const alerts = await manager.next(has(rule.id), 2000 + 4000);
    const firedAfter = Date.now() - posted;
    const alert = alerts.find((a) => a.ruleId === rule.id)!;
    expect(alert).toMatchObject({ key: rule.id, ruleName: "Waiting", metric: "waiting", scope: `queue:${queue}`, severity: "critical", subject: null, value: 1, peak: 1 });
    expect(Date.parse(alert.firedAt) - Date.parse(alert.since)).toBeGreaterThanOrEqual(2000);
    expect(firedAfter).toBeGreaterThanOrEqual(1500);
    await sameQueue.next(has(rule.id), 2000);

    await server.alerts.drain();
    const open = await listAlertHistory(server.database.db, { ruleId: rule.id });
    expect(open.events).toHaveLength(1);
    expect(open.events[0]).toMatchObject({ ruleName: "Waiting", scope: `queue:${queue}`, subject: null, clearedAt: null, valueAtFire: 1 });
    expect(open.events[0]!.details).toMatchObject({ metric: "waiting", comparator: ">", threshold: 0, forSeconds: 2 });

    const answered = await post([{ type: "contact.answered", at: Date.now(), contactId: `c-${RUN}-1`, agentId: `ag-${RUN}` }]);
    await manager.next(lacks(rule.id), CLEAR_AFTER_MS + 4000);
    expect(Date.now() - answered).toBeGreaterThanOrEqual(CLEAR_AFTER_MS - 1000);
    await sameQueue.next(lacks(rule.id), 2000);
    expect(otherQueue.pushes.flatMap((p) => p.alerts).filter((a) => a.ruleId === rule.id)).toEqual([]);

    await server.alerts.drain();
    const [row] = (await listAlertHistory(server.database.db, { ruleId: rule.id })).events;
    expect(row!.clearedAt!.getTime()).toBeGreaterThanOrEqual(row!.firedAt.getTime() + CLEAR_AFTER_MS);
    expect(row).toMatchObject({ valueAtFire: 1, peakValue: 1 });
    expect(row!.details.clearedBy).toBe("condition");
    expect((await listAlertHistory(server.database.db, { ruleId: rule.id, open: true })).events).toEqual([]);
  });

  it("fires an agent condition per agent: paused for more than 10 s", async () => {
    const queue = `alert-pq-${RUN}`;
    const agent = `ag-p-${RUN}`;
    const rule = await createRule(server.database.db, { name: "Long pause", metric: "agentPausedSeconds", scope: `queue:${queue}`, comparator: ">", threshold: 10, forSeconds: 0 }, SYSTEM);
    await server.alerts.reload();
    const c = await alertClient();
    await post([
      { type: "agent.state", at: Date.now() - 20_000, agentId: agent, state: "paused", reason: "break", queues: [queue] },
      { type: "agent.state", at: Date.now() - 20_000, agentId: `${agent}-busy`, state: "busy", queues: [queue] },
    ]);
    const alerts = await c.next(has(rule.id), 4000);
    expect(alerts.filter((a) => a.ruleId === rule.id)).toEqual([expect.objectContaining({ key: `${rule.id}|${agent}`, subject: agent, scope: `queue:${queue}` })]);
    expect(alerts.find((a) => a.ruleId === rule.id)!.value).toBeGreaterThan(19);
    await post([{ type: "agent.state", at: Date.now(), agentId: agent, state: "available", queues: [queue] }]);
    await c.next(lacks(rule.id), CLEAR_AFTER_MS + 4000);
  });

  it("after a restart, resumes an alert that still fires and closes one whose rule was disabled meanwhile", async () => {
    const queue = `alert-rq-${RUN}`;
    const db0 = server.database.db;
    const still = await createRule(db0, { name: "Still", metric: "waiting", scope: `queue:${queue}`, comparator: ">=", threshold: 1, forSeconds: 0 }, SYSTEM);
    const gone = await createRule(db0, { name: "Gone", metric: "longestWait", scope: `queue:${queue}`, comparator: ">", threshold: 0, forSeconds: 0 }, SYSTEM);
    await server.alerts.reload();
    const c = await alertClient();
    await post([{ type: "contact.offered", at: Date.now() - 2000, contactId: `c-${RUN}-r`, queue }]);
    const before = await c.next((a) => has(still.id)(a) && has(gone.id)(a), 4000);
    const firedAt = before.find((a) => a.ruleId === still.id)!.firedAt;

    await setRuleEnabled(db0, gone.id, false, SYSTEM); // stored, not reloaded: the running server still shows it
    await server.close();
    server = await startServer({ env, log: () => {} });

    const after = await alertClient();
    const resumed = await after.next(has(still.id), 4000, 0);
    expect(resumed.find((a) => a.ruleId === still.id)!.firedAt).toBe(firedAt);
    expect(resumed.some((a) => a.ruleId === gone.id)).toBe(false);
    await server.alerts.drain();
    const db1 = server.database.db;
    expect((await listAlertHistory(db1, { ruleId: still.id })).events).toMatchObject([{ clearedAt: null, firedAt: new Date(firedAt) }]);
    const [closed] = (await listAlertHistory(db1, { ruleId: gone.id })).events;
    expect(closed!.clearedAt).not.toBeNull();
    expect(closed!.details.clearedBy).toBe("restart");

    await post([{ type: "contact.abandoned", at: Date.now(), contactId: `c-${RUN}-r` }]);
    await after.next(lacks(still.id), CLEAR_AFTER_MS + 4000);
    await server.alerts.drain();
    expect((await listAlertHistory(db1, { ruleId: still.id })).events).toMatchObject([{ firedAt: new Date(firedAt), details: { clearedBy: "condition" } }]);
  });
});
