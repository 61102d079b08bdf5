import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { createAuth, CLIENT_IP_HEADER, type VigieAuth } from "./auth";
import { clearLoginFailures, loginRetryAfter, recordLoginFailure } from "./login-throttle";
import { openMigratedTestDatabase } from "../../db/testing";
import { createUser } from "./users";

let database: Database;
let dispose: () => Promise<void>;
const PASSWORD = "correct horse battery";
const ORIGIN = "http://localhost:3000";

beforeAll(async () => {
  ({ database, close: dispose } = await openMigratedTestDatabase());
  const auth = await createAuth({ database, baseURL: ORIGIN });
  await createUser(auth, database.db, { email: "agent@example.test", name: "Agent", password: PASSWORD, role: "agent" }, { kind: "system" });
});
afterAll(() => dispose());

/** A sign-in as a browser on `ip` sends it (through `authNodeHandler`, which sets the client IP header). */
const signIn = (auth: VigieAuth, ip: string, email: string, password: string) =>
  auth.handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, [CLIENT_IP_HEADER]: ip },
      body: JSON.stringify({ email, password }),
    }),
  );

describe("per-IP sign-in limit, stored in the database", () => {
  it("is shared by two instances on the same database and survives a restart", async () => {
    const limit = { window: 60, max: 3 };
    const a = await createAuth({ database, baseURL: ORIGIN, signInRateLimit: limit });
    const b = await createAuth({ database, baseURL: ORIGIN, signInRateLimit: limit });
    const ip = "203.0.113.7";
    expect((await signIn(a, ip, "agent@example.test", "wrong password!")).status).toBe(401);
    expect((await signIn(b, ip, "agent@example.test", "wrong password!")).status).toBe(401);
    expect((await signIn(a, ip, "agent@example.test", PASSWORD)).status).toBe(200);
    const refused = await signIn(b, ip, "agent@example.test", PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("x-retry-after"))).toBeGreaterThan(0);

    const rows = await database.query<{ key: string; count: number }>("select key, count from rate_limits");
    expect(rows).toContainEqual({ key: `${ip}|/sign-in/email`, count: 3 });

    // A "restarted" instance reads the same counter.
    const c = await createAuth({ database, baseURL: ORIGIN, signInRateLimit: limit });
    expect((await signIn(c, ip, "agent@example.test", PASSWORD)).status).toBe(429);
    // Another address is not affected.
    expect((await signIn(c, "203.0.113.8", "agent@example.test", PASSWORD)).status).toBe(200);
  });

  it("does not limit server-side calls (auth.api), as documented", async () => {
    const a = await createAuth({ database, baseURL: ORIGIN, signInRateLimit: { window: 60, max: 1 } });
    for (let i = 0; i < 3; i++) await expect(a.api.signInEmail({ body: { email: "agent@example.test", password: PASSWORD } })).resolves.toBeTruthy();
  });
});

describe("per-account limit on failed sign-ins, stored in the database", () => {
  it("refuses the account after too many failures, even with the right password, from any address", async () => {
    const throttle = { maxFailures: 3, windowSeconds: 900 };
    const a = await createAuth({ database, baseURL: ORIGIN, loginThrottle: throttle });
    const b = await createAuth({ database, baseURL: ORIGIN, loginThrottle: throttle });
    await createUser(a, database.db, { email: "target@example.test", name: "T", password: PASSWORD, role: "manager" }, { kind: "system" });
    // A failed sign-in then a success clears the count.
    expect((await signIn(a, "198.51.100.1", "target@example.test", "wrong password!")).status).toBe(401);
    expect((await signIn(a, "198.51.100.1", "target@example.test", PASSWORD)).status).toBe(200);
    expect(await loginRetryAfter(database.db, "target@example.test", throttle)).toBe(0);

    for (const [i, inst] of [a, b, a].entries()) {
      expect((await signIn(inst, `198.51.100.${10 + i}`, "Target@Example.test", "wrong password!")).status).toBe(401);
    }
    const locked = await signIn(b, "198.51.100.99", "target@example.test", PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ code: "ACCOUNT_THROTTLED" });
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(800);
    // The server-side API is held back too.
    await expect(b.api.signInEmail({ body: { email: "target@example.test", password: PASSWORD } })).rejects.toMatchObject({ statusCode: 429 });
    // Other accounts are not.
    expect((await signIn(b, "198.51.100.99", "agent@example.test", PASSWORD)).status).toBe(200);
    // The table holds no e-mail address.
    const keys = await database.query<{ key: string }>("select key from login_failures");
    expect(JSON.stringify(keys)).not.toMatch(/example/);
  });

  it("counts failures atomically and starts a new series after the window", async () => {
    const opts = { maxFailures: 5, windowSeconds: 60 };
    const t0 = new Date("2030-05-01T08:00:00Z");
    const counts = await Promise.all(Array.from({ length: 5 }, () => recordLoginFailure(database.db, "race@example.test", opts, t0)));
    expect(counts.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(await loginRetryAfter(database.db, "race@example.test", opts, new Date(t0.getTime() + 1000))).toBe(59);
    const later = new Date(t0.getTime() + 60_000);
    expect(await loginRetryAfter(database.db, "race@example.test", opts, later)).toBe(0);
    expect(await recordLoginFailure(database.db, "race@example.test", opts, later)).toBe(1);
    await clearLoginFailures(database.db, "race@example.test");
    expect(await recordLoginFailure(database.db, "race@example.test", opts, later)).toBe(1);
  });
});
