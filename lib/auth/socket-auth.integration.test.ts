import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { createAuth, type VigieAuth } from "./auth";
import { identify } from "./identify";
import { createKioskLink, revokeKioskLink, verifyKioskToken } from "./kiosk-links";
import { disconnectSession, disconnectUser, revalidateSockets, socketAuthMiddleware, type SocketAuthData, type SocketAuthOptions } from "./socket-auth";
import { openMigratedTestDatabase } from "../../db/testing";
import { createUser } from "./users";

let database: Database;
let dispose: () => Promise<void>;
let auth: VigieAuth;
let http: HttpServer;
let io: Server;
let base: string;
let opts: SocketAuthOptions;
let userId: string;
const clients: ClientSocket[] = [];
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  ({ database, close: dispose } = await openMigratedTestDatabase());
  http = createServer();
  io = new Server(http, { serveClient: false });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  auth = await createAuth({
    database,
    baseURL: base,
    onSessionEnded: ({ sessionId }) => disconnectSession(io, sessionId),
    onUserChanged: (id) => disconnectUser(io, id),
  });
  opts = {
    trustedOrigins: [base],
    identify: (h) => identify(auth, database.db, {}, h),
    verifyKiosk: (t) => verifyKioskToken(database.db, t),
  };
  io.use(socketAuthMiddleware(opts));
  userId = (await createUser(auth, database.db, { email: "sup@example.test", name: "Sup", password: PASSWORD, role: "supervisor", queues: ["support"] }, { kind: "system" })).id;
});
afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
});
afterAll(async () => {
  await new Promise<void>((r) => io.close(() => r()));
  await dispose();
});

async function cookieFor(email: string) {
  const { headers } = await auth.api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true });
  return headers.getSetCookie().map((c) => c.split(";", 1)[0]).join("; ");
}

/** Connects and resolves with "connected" or the refusal's code. */
function open(headers: Record<string, string>, authPayload?: Record<string, string>): Promise<{ socket: ClientSocket; outcome: string }> {
  const socket = connect(base, { transports: ["websocket"], extraHeaders: headers, auth: authPayload, reconnection: false, forceNew: true });
  clients.push(socket);
  return new Promise((resolve) => {
    socket.on("connect", () => resolve({ socket, outcome: "connected" }));
    socket.on("connect_error", (e) => resolve({ socket, outcome: (e as Error & { data?: { code?: string } }).data?.code ?? e.message }));
  });
}

const closed = (socket: ClientSocket) => new Promise<string>((r) => socket.on("disconnect", (reason) => r(reason)));

const serverSockets = async () => (await io.fetchSockets()) as unknown as { data: SocketAuthData }[];

describe("socket handshake", () => {
  it("refuses a missing or foreign Origin before looking at credentials", async () => {
    const cookie = await cookieFor("sup@example.test");
    expect((await open({ cookie })).outcome).toBe("forbidden-origin");
    expect((await open({ cookie, origin: "https://evil.example" })).outcome).toBe("forbidden-origin");
  });

  it("refuses a connection without a valid session", async () => {
    expect((await open({ origin: base })).outcome).toBe("unauthorized");
    expect((await open({ origin: base, cookie: "vigie.session_token=forged.value" })).outcome).toBe("unauthorized");
  });

  it("accepts a signed-in user and keeps the identity on the socket", async () => {
    const cookie = await cookieFor("sup@example.test");
    expect((await open({ origin: base, cookie })).outcome).toBe("connected");
    const [s] = await serverSockets();
    expect(s!.data.identity.principal).toEqual({ kind: "user", id: userId, role: "supervisor", agentId: null, queues: ["support"], disabled: false });
  });

  it("sign-out disconnects that session's sockets, not the user's other sessions", async () => {
    const a = await cookieFor("sup@example.test");
    const b = await cookieFor("sup@example.test");
    const first = await open({ origin: base, cookie: a });
    const second = await open({ origin: base, cookie: b });
    const gone = closed(first.socket);
    await auth.api.signOut({ headers: new Headers({ cookie: a }) });
    expect(await gone).toBe("io server disconnect");
    expect(second.socket.connected).toBe(true);
  });

  it("a change to the user disconnects all their sockets", async () => {
    const { socket } = await open({ origin: base, cookie: await cookieFor("sup@example.test") });
    const gone = closed(socket);
    const { updateUser } = await import("./users");
    await updateUser(auth, database.db, userId, { queues: ["sales"] }, { kind: "system" });
    expect(await gone).toBe("io server disconnect");
    await updateUser(auth, database.db, userId, { queues: ["support"] }, { kind: "system" });
  });

  it("kiosks connect with their token, until it is revoked", async () => {
    const link = await createKioskLink(database.db, { wallboardId: "main", name: "Floor", queues: ["support"] }, { kind: "system" });
    expect((await open({ origin: base }, { kiosk: link.token })).outcome).toBe("connected");
    const sockets = await serverSockets();
    expect(sockets.map((s) => s.data.identity.principal)).toContainEqual({ kind: "kiosk", id: link.id, wallboardId: "main", queues: ["support"] });
    await revokeKioskLink(database.db, link.id, { kind: "system" });
    expect((await open({ origin: base }, { kiosk: link.token })).outcome).toBe("unauthorized");
  });
});

describe("revalidateSockets", () => {
  it("cuts sockets whose session or user changed behind this instance's back", async () => {
    const keep = await open({ origin: base, cookie: await cookieFor("sup@example.test") });
    const cookie = await cookieFor("sup@example.test");
    const cut = await open({ origin: base, cookie });
    expect(await revalidateSockets(await io.fetchSockets(), opts)).toBe(0);
    // Another instance deleted this session directly.
    const sessionId = (await auth.api.getSession({ headers: new Headers({ cookie }) }))!.session.id;
    const gone = closed(cut.socket);
    await database.query("delete from sessions where id = $1", [sessionId]);
    expect(await revalidateSockets(io.sockets.sockets.values(), opts)).toBe(1);
    expect(await gone).toBe("io server disconnect");
    expect(keep.socket.connected).toBe(true);
  });
});
