import { io, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { backendName, createTestDatabase, type TestDatabase } from "../../db/testing";
import { loadEnv } from "../env";
import type { Catalog, ClientToServerEvents, ServerToClientEvents, SubscribeAck } from "../live/socket-events";
import type { Scope } from "../metrics/scope";
import { startServer, type RunningServer } from "../server/boot";
import { createApiKey, revokeApiKey } from "./api-keys";
import { createKioskLink } from "./kiosk-links";
import { createUser } from "./users";

/**
 * CONTRACT §6 against the real server (no Next): who may ingest over the fast
 * path, and who may subscribe to which live scope over socket.io, for every
 * kind of principal. Users sign in over real HTTP.
 */

const backend = backendName();
const INGEST_KEY = "matrix-ingest-key-0123456789";
const API_KEY = "matrix-api-key-0123456789";
const ADMIN = { email: "admin@matrix.test", password: "admin-password-123" };
const PASSWORD = "correct horse battery";

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let db: TestDatabase;
let server: RunningServer;
let origin: string;
const keys: Record<"ingest" | "manager" | "revoked" | "revokedIngest" | "kiosk", string> = {
  ingest: "",
  manager: "",
  revoked: "",
  revokedIngest: "",
  kiosk: "",
};
const cookies: Record<"admin" | "manager" | "supervisor" | "agent", string> = { admin: "", manager: "", supervisor: "", agent: "" };
const sockets: LiveSocket[] = [];

async function signIn(email: string, password = PASSWORD): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(";", 1)[0]).join("; ");
}

const ago = (s: number) => Date.now() - s * 1000;
let seq = 0;
const ev = (e: Record<string, unknown>) => ({ id: `m-${++seq}`, ...e });

function ingest(headers: Record<string, string>, body: unknown = [ev({ type: "contact.offered", at: ago(1), contactId: `extra-${seq}`, queue: "q1" })]) {
  return fetch(`${server.url}/api/events`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServer({
    env: loadEnv({
      ...db.env,
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      VIGIE_INGEST_KEY: INGEST_KEY,
      VIGIE_API_KEY: API_KEY,
      VIGIE_ADMIN_EMAIL: ADMIN.email,
      VIGIE_ADMIN_PASSWORD: ADMIN.password,
    }),
    log: () => {},
  });
  origin = server.url;
  const { auth, database } = server;
  const system = { kind: "system" } as const;
  await createUser(auth, database.db, { email: "manager@matrix.test", name: "M", password: PASSWORD, role: "manager" }, system);
  await createUser(auth, database.db, { email: "sup@matrix.test", name: "S", password: PASSWORD, role: "supervisor", queues: ["q1"] }, system);
  await createUser(auth, database.db, { email: "agent@matrix.test", name: "A", password: PASSWORD, role: "agent", agentId: "a1" }, system);
  keys.ingest = (await createApiKey(database.db, { name: "pbx", role: "ingest", queues: [] }, system)).key;
  keys.manager = (await createApiKey(database.db, { name: "bi", role: "manager", queues: [] }, system)).key;
  const revoked = await createApiKey(database.db, { name: "old", role: "manager", queues: [] }, system);
  await revokeApiKey(database.db, revoked.id, system);
  keys.revoked = revoked.key;
  const revokedIngest = await createApiKey(database.db, { name: "old pbx", role: "ingest", queues: [] }, system);
  await revokeApiKey(database.db, revokedIngest.id, system);
  keys.revokedIngest = revokedIngest.key;
  keys.kiosk = (await createKioskLink(database.db, { wallboardId: "w1", name: "tv", queues: ["q1"] }, system)).token;

  cookies.admin = await signIn(ADMIN.email, ADMIN.password);
  cookies.manager = await signIn("manager@matrix.test");
  cookies.supervisor = await signIn("sup@matrix.test");
  cookies.agent = await signIn("agent@matrix.test");

  // a1 serves q1, a2 serves q2; one voice contact answered in each queue.
  const res = await ingest({ authorization: `Bearer ${INGEST_KEY}` }, [
    ev({ type: "agent.state", at: ago(60), agentId: "a1", state: "available", queues: ["q1"] }),
    ev({ type: "agent.state", at: ago(60), agentId: "a2", state: "available", queues: ["q2"] }),
    ev({ type: "contact.offered", at: ago(30), contactId: "c1", queue: "q1", channel: "voice" }),
    ev({ type: "contact.answered", at: ago(25), contactId: "c1", agentId: "a1" }),
    ev({ type: "contact.offered", at: ago(30), contactId: "c2", queue: "q2", channel: "voice" }),
    ev({ type: "contact.answered", at: ago(20), contactId: "c2", agentId: "a2" }),
  ]);
  expect(res.status).toBe(202);
});

afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.close();
  await db?.drop();
});

interface Opened {
  socket: LiveSocket;
  outcome: string;
  catalog: Promise<Catalog>;
}

/** Connects; resolves with "connected" or the refusal's code, and the first catalog the server sent. */
function open(headers: Record<string, string>, auth?: Record<string, string>): Promise<Opened> {
  const socket: LiveSocket = io(server.url, { transports: ["websocket"], reconnection: false, forceNew: true, autoConnect: false, extraHeaders: headers, auth });
  sockets.push(socket);
  const catalog = new Promise<Catalog>((r) => socket.once("catalog", r));
  const opened = new Promise<Opened>((resolve) => {
    socket.once("connect", () => resolve({ socket, outcome: "connected", catalog }));
    socket.once("connect_error", (e) => resolve({ socket, outcome: (e as Error & { data?: { code?: string } }).data?.code ?? e.message, catalog }));
  });
  socket.connect();
  return opened;
}

const subscribe = (socket: LiveSocket, scope: Scope): Promise<SubscribeAck> => socket.timeout(5000).emitWithAck("subscribe", { scope, window: "today" });

const SCOPES = ["all", "queue:q1", "queue:q2", "agent:a1", "agent:a2", "channel:voice"] as const;
const Y = true;
const N = false;

/** principal → connection headers/auth, and whether each scope of SCOPES is granted. */
const MATRIX: { who: string; connect: () => { headers: Record<string, string>; auth?: Record<string, string> }; grants: boolean[] }[] = [
  { who: "agent linked to a1", connect: () => ({ headers: { origin, cookie: cookies.agent } }), grants: [N, N, N, Y, N, N] },
  { who: "supervisor of q1", connect: () => ({ headers: { origin, cookie: cookies.supervisor } }), grants: [N, Y, N, Y, N, N] },
  { who: "manager", connect: () => ({ headers: { origin, cookie: cookies.manager } }), grants: [Y, Y, Y, Y, Y, Y] },
  { who: "admin", connect: () => ({ headers: { origin, cookie: cookies.admin } }), grants: [Y, Y, Y, Y, Y, Y] },
  { who: "VIGIE_API_KEY", connect: () => ({ headers: { origin, authorization: `Bearer ${API_KEY}` } }), grants: [Y, Y, Y, Y, Y, Y] },
  { who: "admin-created manager key", connect: () => ({ headers: { origin, authorization: `Bearer ${keys.manager}` } }), grants: [Y, Y, Y, Y, Y, Y] },
  { who: "ingest key", connect: () => ({ headers: { origin, authorization: `Bearer ${keys.ingest}` } }), grants: [N, N, N, N, N, N] },
  { who: "kiosk link for q1", connect: () => ({ headers: { origin }, auth: { kiosk: keys.kiosk } }), grants: [N, Y, N, Y, N, N] },
];

describe(`access matrix, socket.io (${backend})`, () => {
  it.each(MATRIX)("$who gets exactly its scopes", async ({ connect, grants }) => {
    const { headers, auth } = connect();
    const { socket, outcome } = await open(headers, auth);
    expect(outcome).toBe("connected");
    const acks = await Promise.all(SCOPES.map((s) => subscribe(socket, s)));
    const got = acks.map((a) => a.ok);
    expect(Object.fromEntries(SCOPES.map((s, i) => [s, got[i]]))).toEqual(Object.fromEntries(SCOPES.map((s, i) => [s, grants[i]])));
    for (const [i, ack] of acks.entries()) {
      if (ack.ok) expect(ack.snapshot.scope).toBe(SCOPES[i]);
      else expect(ack.error).toBe("forbidden");
    }
  });

  it("an agent reads their own numbers, never another agent's", async () => {
    const { socket } = await open({ origin, cookie: cookies.agent });
    const own = await subscribe(socket, "agent:a1");
    expect(own.ok && own.snapshot.metrics.answered).toBe(1);
    expect(await subscribe(socket, "agent:a2")).toEqual({ ok: false, error: "forbidden" });
  });

  it("refuses anonymous sockets, revoked keys, forged cookies and foreign origins", async () => {
    expect((await open({ origin })).outcome).toBe("unauthorized");
    expect((await open({ origin, authorization: `Bearer ${keys.revoked}` })).outcome).toBe("unauthorized");
    expect((await open({ origin, cookie: "vigie.session_token=forged.value" })).outcome).toBe("unauthorized");
    expect((await open({ origin }, { kiosk: "vk_not-a-real-token" })).outcome).toBe("unauthorized");
    expect((await open({ origin: "https://evil.example", cookie: cookies.admin })).outcome).not.toBe("connected");
    expect((await open({ cookie: cookies.admin })).outcome).not.toBe("connected");
  });

  it("sends each socket the catalog it may see", async () => {
    const sup = await open({ origin, cookie: cookies.supervisor });
    expect(await sup.catalog).toEqual({ queues: ["q1"], channels: [], agents: ["a1"] });
    const agent = await open({ origin, cookie: cookies.agent });
    expect(await agent.catalog).toEqual({ queues: [], channels: [], agents: ["a1"] });
    const manager = await open({ origin, cookie: cookies.manager });
    expect(await manager.catalog).toEqual({ queues: ["q1", "q2"], channels: ["voice"], agents: ["a1", "a2"] });

    // A new queue: pushed to everyone, filtered per socket.
    const supNext = new Promise<Catalog>((r) => sup.socket.once("catalog", r));
    const managerNext = new Promise<Catalog>((r) => manager.socket.once("catalog", r));
    expect((await ingest({ authorization: `Bearer ${INGEST_KEY}` }, [ev({ type: "contact.offered", at: ago(1), contactId: "c3", queue: "q3", channel: "chat" })])).status).toBe(202);
    expect((await managerNext).queues).toEqual(["q1", "q2", "q3"]);
    expect(await supNext).toEqual({ queues: ["q1"], channels: [], agents: ["a1"] });
  });

  it("signing out disconnects that session's sockets, and only them", async () => {
    const cookie = await signIn("sup@matrix.test");
    const mine = await open({ origin, cookie });
    const other = await open({ origin, cookie: cookies.supervisor });
    expect([mine.outcome, other.outcome]).toEqual(["connected", "connected"]);
    const closed = new Promise<string>((r) => mine.socket.once("disconnect", r));
    const res = await fetch(`${server.url}/api/auth/sign-out`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, cookie },
      body: "{}",
    });
    expect(res.status).toBe(200);
    expect(await closed).toBe("io server disconnect");
    expect(other.socket.connected).toBe(true);
    expect((await open({ origin, cookie })).outcome).toBe("unauthorized");
  });
});

describe(`access matrix, HTTP fast path (${backend})`, () => {
  it("ingest accepts only ingest keys", async () => {
    const cases: [string, Record<string, string>, number][] = [
      ["no key", {}, 401],
      ["VIGIE_INGEST_KEY", { authorization: `Bearer ${INGEST_KEY}` }, 202],
      ["admin-created ingest key", { authorization: `Bearer ${keys.ingest}` }, 202],
      ["revoked ingest key", { authorization: `Bearer ${keys.revokedIngest}` }, 401],
      ["admin-created manager key", { authorization: `Bearer ${keys.manager}` }, 401],
      ["VIGIE_API_KEY", { authorization: `Bearer ${API_KEY}` }, 401],
      ["kiosk token", { authorization: `Bearer ${keys.kiosk}` }, 401],
      ["admin session cookie", { cookie: cookies.admin, origin }, 401],
    ];
    const got: Record<string, number> = {};
    for (const [name, headers] of cases) got[name] = (await ingest(headers)).status;
    expect(got).toEqual(Object.fromEntries(cases.map(([name, , status]) => [name, status])));
  });

  it("every answer carries the security headers", async () => {
    for (const res of [await ingest({}), await fetch(`${server.url}/api/auth/ok`), await fetch(`${server.url}/nothing-here`)]) {
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain("unsafe-eval");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
      expect(res.headers.get("strict-transport-security")).toBeNull(); // plain http here
    }
  });

  it("x-middleware-subrequest changes nothing", async () => {
    const bypass = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
    expect((await ingest(bypass)).status).toBe(401);
    expect((await ingest({ ...bypass, authorization: `Bearer ${keys.manager}` })).status).toBe(401);
    const session = await fetch(`${server.url}/api/auth/get-session`, { headers: bypass });
    expect([session.status, await session.text()]).toEqual([200, "null"]);
    expect((await open({ origin, ...bypass })).outcome).toBe("unauthorized");
    const { socket } = await open({ origin, cookie: cookies.agent, ...bypass });
    expect(await subscribe(socket, "all")).toEqual({ ok: false, error: "forbidden" });
  });
});
