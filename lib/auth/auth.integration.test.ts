import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { createApiKey } from "./api-keys";
import { listAudit } from "./audit";
import { AUTH_ROUTES, createAuth, DISABLED_AUTH_PATHS, type VigieAuth } from "./auth";
import { identify } from "./identify";
import { openMigratedTestDatabase } from "../../db/testing";
import { createUser, getUser, setUserDisabled, setUserPassword, updateUser } from "./users";

let database: Database;
let dispose: () => Promise<void>;
let auth: VigieAuth;
const ended: { sessionId: string; userId: string }[] = [];
const changed: string[] = [];
const system = { kind: "system" } as const;
const PASSWORD = "correct horse battery";

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
const cookieHeader = (h: Headers) =>
  h
    .getSetCookie()
    .map((c) => c.split(";", 1)[0]!)
    .filter((c) => !c.endsWith("="))
    .join("; ");

async function signIn(a: VigieAuth, email: string, password = PASSWORD) {
  const { headers, response } = await a.api.signInEmail({ body: { email, password }, returnHeaders: true });
  return { cookie: cookieHeader(headers), setCookies: headers.getSetCookie(), response };
}

const withCookie = (cookie: string) => new Headers({ cookie });

beforeAll(async () => {
  ({ database, close: dispose } = await openMigratedTestDatabase());
  auth = await createAuth({
    database,
    baseURL: "http://localhost:3000",
    onSessionEnded: (s) => ended.push(s),
    onUserChanged: (id) => changed.push(id),
  });
});
afterAll(() => dispose());

describe("better-auth on Vigie's schema", () => {
  it("finds every table and column it writes (its own runtime schema check)", async () => {
    const ctx = await auth.$context;
    await expect(Promise.resolve(ctx.checkSchema?.())).resolves.toBeUndefined();
  });

  it("serves exactly the routes Vigie uses: every other route is switched off", () => {
    const paths = Object.values(auth.api)
      .map((e) => (e as { path?: string }).path)
      .filter((p): p is string => typeof p === "string");
    for (const p of paths) expect(p in AUTH_ROUTES || DISABLED_AUTH_PATHS.includes(p), p).toBe(true);
    for (const p of Object.keys(AUTH_ROUTES)) expect(DISABLED_AUTH_PATHS).not.toContain(p);
  });
});

describe("sign-in, session, sign-out", () => {
  let userId: string;

  beforeAll(async () => {
    const u = await createUser(
      auth,
      database.db,
      { email: "Sup.One@Example.test", name: "Sup One", password: PASSWORD, role: "supervisor", queues: ["support"], agentId: "a-17" },
      system,
    );
    userId = u.id;
    expect(u).toMatchObject({ email: "sup.one@example.test", role: "supervisor", queues: ["support"], agentId: "a-17", disabled: false });
  });

  it("refuses public sign-up", async () => {
    await expect(
      auth.api.signUpEmail({ body: { email: "x@example.test", password: PASSWORD, name: "x" } }),
    ).rejects.toMatchObject({ body: { code: "EMAIL_PASSWORD_SIGN_UP_DISABLED" } });
  });

  it("round-trips: sign in (any e-mail case), read the session, sign out", async () => {
    const { cookie, response } = await signIn(auth, "SUP.ONE@example.test");
    expect(response.user).toMatchObject({ id: userId, role: "supervisor", queues: ["support"], agentId: "a-17", disabled: false });
    expect(cookie).toMatch(/^vigie\.session_token=/);

    const session = await auth.api.getSession({ headers: withCookie(cookie) });
    expect(session?.user).toMatchObject({ id: userId, email: "sup.one@example.test", role: "supervisor" });

    const who = await identify(auth, database.db, {}, withCookie(cookie));
    expect(who).toEqual({
      principal: { kind: "user", id: userId, role: "supervisor", agentId: "a-17", queues: ["support"], disabled: false },
      sessionId: session!.session.id,
      via: "session",
    });

    ended.length = 0;
    await auth.api.signOut({ headers: withCookie(cookie) });
    expect(await auth.api.getSession({ headers: withCookie(cookie) })).toBeNull();
    expect(await identify(auth, database.db, {}, withCookie(cookie))).toBeNull();
    expect(ended).toEqual([{ sessionId: session!.session.id, userId }]);
  });

  it("refuses a wrong password and an unknown e-mail alike", async () => {
    const wrong = auth.api.signInEmail({ body: { email: "sup.one@example.test", password: "not the password" } });
    await expect(wrong).rejects.toMatchObject({ statusCode: 401, body: { code: "INVALID_EMAIL_OR_PASSWORD" } });
    const unknown = auth.api.signInEmail({ body: { email: "nobody@example.test", password: PASSWORD } });
    await expect(unknown).rejects.toMatchObject({ statusCode: 401, body: { code: "INVALID_EMAIL_OR_PASSWORD" } });
  });

  it("stores no password in clear and no session token outside the sessions table", async () => {
    const rows = await database.query<{ password: string }>("select password from accounts where user_id = $1", [userId]);
    expect(rows[0]!.password).not.toContain(PASSWORD);
    expect(rows[0]!.password.length).toBeGreaterThan(40);
  });

  it("lets nobody set their own role, queues, agent link or status", async () => {
    const { cookie } = await signIn(auth, "sup.one@example.test");
    const bodies = [{ role: "admin" }, { queues: [] }, { agentId: "a-1" }, { disabled: true }, { name: "x", role: "admin" }];
    for (const body of bodies) {
      await expect(auth.api.updateUser({ headers: withCookie(cookie), body: body as never }), JSON.stringify(body)).rejects.toMatchObject({
        statusCode: 400,
      });
    }
    expect(await getUser(database.db, userId)).toMatchObject({
      name: "Sup One",
      role: "supervisor",
      queues: ["support"],
      agentId: "a-17",
      disabled: false,
    });
  });

  it("applies an admin's change of role at the next request, and tells the sockets", async () => {
    const { cookie } = await signIn(auth, "sup.one@example.test");
    changed.length = 0;
    const admin = { kind: "user", id: userId } as const;
    await updateUser(auth, database.db, userId, { role: "manager", queues: ["support", "sales"] }, admin);
    expect(changed).toEqual([userId]);
    const who = await identify(auth, database.db, {}, withCookie(cookie));
    expect(who?.principal).toMatchObject({ role: "manager", queues: ["support", "sales"] });
    const { entries } = await listAudit(database.db, { limit: 1 });
    expect(entries[0]).toMatchObject({
      action: "user.update",
      target: userId,
      details: { role: { from: "supervisor", to: "manager" }, queues: { from: ["support"], to: ["support", "sales"] } },
    });
    await updateUser(auth, database.db, userId, { role: "supervisor", queues: ["support"] }, admin);
  });

  it("disabling a user ends their sessions at once and refuses their sign-in", async () => {
    const first = await signIn(auth, "sup.one@example.test");
    const second = await signIn(auth, "sup.one@example.test");
    ended.length = 0;
    changed.length = 0;
    await setUserDisabled(auth, database.db, userId, true, system);
    expect(await auth.api.getSession({ headers: withCookie(first.cookie) })).toBeNull();
    expect(await auth.api.getSession({ headers: withCookie(second.cookie) })).toBeNull();
    expect(ended.filter((e) => e.userId === userId).length).toBeGreaterThanOrEqual(2);
    expect(changed).toEqual([userId]);

    await expect(signIn(auth, "sup.one@example.test")).rejects.toMatchObject({ statusCode: 403, body: { code: "ACCOUNT_DISABLED" } });
    const count = await database.query<{ n: number }>("select count(*)::int as n from sessions where user_id = $1", [userId]);
    expect(count[0]!.n).toBe(0);

    await setUserDisabled(auth, database.db, userId, false, system);
    await expect(signIn(auth, "sup.one@example.test")).resolves.toBeTruthy();
    const actions = (await listAudit(database.db, { limit: 2 })).entries.map((e) => e.action);
    expect(actions).toEqual(["user.enable", "user.disable"]);
  });

  it("refuses a session whose user was disabled behind better-auth's back", async () => {
    const { cookie } = await signIn(auth, "sup.one@example.test");
    await database.query("update users set disabled = true where id = $1", [userId]);
    expect(await identify(auth, database.db, {}, withCookie(cookie))).toBeNull();
    await database.query("update users set disabled = false where id = $1", [userId]);
  });

  it("an admin's new password ends the sessions and replaces the old one", async () => {
    const { cookie } = await signIn(auth, "sup.one@example.test");
    await setUserPassword(auth, database.db, userId, "another long password", system);
    expect(await auth.api.getSession({ headers: withCookie(cookie) })).toBeNull();
    await expect(signIn(auth, "sup.one@example.test")).rejects.toMatchObject({ statusCode: 401 });
    await expect(signIn(auth, "sup.one@example.test", "another long password")).resolves.toBeTruthy();
    await expect(setUserPassword(auth, database.db, userId, "short", system)).rejects.toThrow();
    await setUserPassword(auth, database.db, userId, PASSWORD, system);
  });

  it("refuses duplicate e-mails and agent links with a typed error", async () => {
    const dup = { name: "Dup", password: PASSWORD, role: "agent" as const };
    await expect(createUser(auth, database.db, { ...dup, email: "SUP.ONE@example.test" }, system)).rejects.toMatchObject({ field: "email" });
    await expect(createUser(auth, database.db, { ...dup, email: "other@example.test", agentId: "a-17" }, system)).rejects.toMatchObject({
      field: "agentId",
    });
    await expect(createUser(auth, database.db, { ...dup, email: "weak@example.test", password: "short" }, system)).rejects.toThrow();
  });
});

describe("identify", () => {
  it("judges a request with a bearer key on the key alone", async () => {
    const { key, id } = await createApiKey(database.db, { name: "BI", role: "manager", queues: ["sales"] }, system);
    const keys = { ingestKey: "ingest-key-0123456789", apiKey: "api-key-0123456789abc" };
    const bearer = (t: string) => new Headers({ authorization: `Bearer ${t}` });
    expect(await identify(auth, database.db, keys, bearer(key))).toEqual({
      principal: { kind: "apiKey", id, role: "manager", queues: ["sales"] },
      sessionId: null,
      via: "bearer",
    });
    expect((await identify(auth, database.db, keys, bearer(keys.ingestKey)))?.principal).toEqual({
      kind: "apiKey",
      id: "env:VIGIE_INGEST_KEY",
      role: "ingest",
      queues: [],
    });
    expect((await identify(auth, database.db, keys, bearer(keys.apiKey)))?.principal).toMatchObject({ role: "manager", id: "env:VIGIE_API_KEY" });
    expect(await identify(auth, database.db, {}, bearer(keys.apiKey))).toBeNull();
    expect(await identify(auth, database.db, keys, new Headers({ authorization: "Basic abc" }))).toBeNull();

    // A wrong key with a valid session cookie is still refused.
    const { cookie } = await signIn(auth, "sup.one@example.test");
    const both = new Headers({ authorization: "Bearer vg_wrong", cookie });
    expect(await identify(auth, database.db, keys, both)).toBeNull();
    expect(await identify(auth, database.db, keys, new Headers())).toBeNull();
  });
});

describe("cookies", () => {
  it("over http: HttpOnly, SameSite=Lax, Path=/, no prefix", async () => {
    const { setCookies } = await signIn(auth, "sup.one@example.test");
    const session = setCookies.find((c) => c.startsWith("vigie.session_token="))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).toMatch(/Path=\//);
    expect(session).not.toMatch(/Domain=/i);
  });

  it("over https: __Host- names, Secure, Path=/, no Domain, and read back under that name", async () => {
    const secureAuth = await createAuth({ database, baseURL: "https://vigie.example.test" });
    const { setCookies, cookie } = await signIn(secureAuth, "sup.one@example.test");
    const session = setCookies.find((c) => c.startsWith("__Host-vigie.session_token="))!;
    expect(session).toBeDefined();
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/Path=\//);
    expect(session).not.toMatch(/Domain=/i);
    expect(setCookies.every((c) => c.startsWith("__Host-"))).toBe(true);
    expect((await secureAuth.api.getSession({ headers: withCookie(cookie) }))?.user.email).toBe("sup.one@example.test");
  });

  it("are shared by every instance on the database (one secret, kept in the database)", async () => {
    const other = await createAuth({ database, baseURL: "http://localhost:3000" });
    const { cookie } = await signIn(auth, "sup.one@example.test");
    expect((await other.api.getSession({ headers: withCookie(cookie) }))?.user.email).toBe("sup.one@example.test");
    const secrets = await database.query<{ n: number }>("select count(*)::int as n from app_secrets");
    expect(secrets[0]!.n).toBe(1);
  });
});

describe("origin checks on the auth routes", () => {
  const post = (path: string, headers: Record<string, string>, body: unknown = {}) =>
    auth.handler(
      new Request(`http://localhost:3000/api/auth${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-vigie-client-ip": "10.9.9.9", ...headers },
        body: JSON.stringify(body),
      }),
    );

  it("refuses a cross-site sign-out and accepts a same-origin one", async () => {
    const { cookie } = await signIn(auth, "sup.one@example.test");
    expect((await post("/sign-out", { cookie, origin: "https://evil.example" })).status).toBe(403);
    expect((await post("/sign-out", { cookie })).status).toBe(403);
    expect(await auth.api.getSession({ headers: withCookie(cookie) })).not.toBeNull();
    expect((await post("/sign-out", { cookie, origin: "http://localhost:3000" })).status).toBe(200);
    expect(await auth.api.getSession({ headers: withCookie(cookie) })).toBeNull();
  });

  it("refuses a sign-in posted from another site", async () => {
    const body = { email: "sup.one@example.test", password: PASSWORD };
    expect((await post("/sign-in/email", { origin: "https://evil.example", "sec-fetch-site": "cross-site", "sec-fetch-mode": "cors" }, body)).status).toBe(403);
    expect((await post("/sign-in/email", { origin: "http://localhost:3000", "sec-fetch-site": "same-origin", "sec-fetch-mode": "cors" }, body)).status).toBe(200);
  });
});
