import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { createAuth, type VigieAuth } from "./auth";
import { authNodeHandler, clientIp, MAX_AUTH_BODY_BYTES } from "./node-handler";
import { openMigratedTestDatabase } from "../../db/testing";
import { createUser } from "./users";

let database: Database;
let dispose: () => Promise<void>;
let auth: VigieAuth;
let server: Server;
let base: string;
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  ({ database, close: dispose } = await openMigratedTestDatabase());
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  auth = await createAuth({ database, baseURL: base, signInRateLimit: { window: 60, max: 3 } });
  handler = authNodeHandler(auth);
  await createUser(auth, database.db, { email: "agent@example.test", name: "Agent", password: PASSWORD, role: "agent", agentId: "a1" }, { kind: "system" });
});
let handler: ReturnType<typeof authNodeHandler> = async () => {};
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await dispose();
});

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", origin: base, ...headers },
  body: JSON.stringify(body),
});

describe("authNodeHandler", () => {
  it("signs in over HTTP, then reads the session with the cookie", async () => {
    const res = await fetch(`${base}/api/auth/sign-in/email`, json({ email: "agent@example.test", password: PASSWORD }));
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().map((c) => c.split(";", 1)[0]).join("; ");
    expect(cookie).toMatch(/vigie\.session_token=/);
    const session = await fetch(`${base}/api/auth/get-session`, { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ user: { email: "agent@example.test", role: "agent", agentId: "a1" } });
  });

  it("serves only the routes Vigie uses, with their method", async () => {
    const signUp = await fetch(`${base}/api/auth/sign-up/email`, json({ email: "x@example.test", password: PASSWORD, name: "x" }));
    expect(signUp.status).toBe(404);
    for (const p of ["/update-user", "/reset-password/abc", "/callback/github", "/error", "/", "", "/../sign-in/email"]) {
      expect((await fetch(`${base}/api/auth${p}`, json({}))).status, p).toBe(404);
    }
    const get = await fetch(`${base}/api/auth/sign-in/email`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await fetch(`${base}/api/auth/get-session`, json({}))).status).toBe(405);
    expect((await fetch(`${base}/api/auth/ok`)).status).toBe(200);
  });

  it("refuses large or unsized bodies before better-auth reads them", async () => {
    const big = await fetch(`${base}/api/auth/sign-in/email`, json({ email: "a@b.c", password: "x".repeat(MAX_AUTH_BODY_BYTES) }));
    expect(big.status).toBe(413);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode("{}"));
        c.close();
      },
    });
    const chunked = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(411);
  });

  it("rate-limits by the connection's address, whatever forwarding headers the client invents", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(
        `${base}/api/auth/sign-in/email`,
        json(
          { email: "nobody@example.test", password: "wrong password!" },
          { "x-forwarded-for": `192.0.2.${i}`, "x-vigie-client-ip": `192.0.2.${100 + i}`, "x-real-ip": `192.0.2.${200 + i}` },
        ),
      );
      statuses.push(res.status);
    }
    // The first test of this suite used one of 127.0.0.1's 3 sign-ins (refused requests never reached better-auth).
    expect(statuses).toEqual([401, 401, 429, 429, 429]);
    const keys = await database.query<{ key: string }>("select key from rate_limits");
    expect(keys.map((k) => k.key)).toContain("127.0.0.1|/sign-in/email");
    expect(keys.some((k) => k.key.startsWith("192.0.2."))).toBe(false);
  });
});

describe("clientIp", () => {
  const req = (remoteAddress: string | undefined, xff?: string) =>
    ({ socket: { remoteAddress }, headers: xff === undefined ? {} : { "x-forwarded-for": xff } }) as never;

  it("is the peer address unless the peer is a trusted proxy", () => {
    expect(clientIp(req("198.51.100.4", "1.2.3.4"))).toBe("198.51.100.4");
    expect(clientIp(req("::ffff:198.51.100.4"))).toBe("198.51.100.4");
    expect(clientIp(req("2001:DB8::1"))).toBe("2001:db8::1");
    expect(clientIp(req(undefined))).toBeNull();
  });

  it("behind trusted proxies, is the last address they did not add", () => {
    const proxies = ["10.0.0.2", "10.0.0.3"];
    expect(clientIp(req("10.0.0.2", "198.51.100.9"), proxies)).toBe("198.51.100.9");
    // The client's own (spoofable) entries are to the left of what the proxies appended.
    expect(clientIp(req("10.0.0.2", "6.6.6.6, 198.51.100.9, 10.0.0.3"), proxies)).toBe("198.51.100.9");
    expect(clientIp(req("10.0.0.2"), proxies)).toBe("10.0.0.2");
    expect(clientIp(req("198.51.100.1", "6.6.6.6"), proxies)).toBe("198.51.100.1");
  });
});
