import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { listAudit } from "./audit";
import { createAuth, type VigieAuth } from "./auth";
import { ensureFirstAdmin } from "./bootstrap";
import { DEMO_PASSWORD, DEMO_USERS, ensureDemoUsers } from "./demo-users";
import { DEMO_PROFILE } from "../sim/profile";
import { openMigratedTestDatabase } from "../../db/testing";
import { listUsers } from "./users";

let database: Database;
let dispose: () => Promise<void>;
let auth: VigieAuth;
const env = { VIGIE_ADMIN_EMAIL: "Boss@Example.test", VIGIE_ADMIN_PASSWORD: "first admin password" };

beforeAll(async () => {
  ({ database, close: dispose } = await openMigratedTestDatabase());
  auth = await createAuth({ database, baseURL: "http://localhost:3000" });
});
afterAll(() => dispose());

describe("ensureFirstAdmin", () => {
  it("does nothing when not configured", async () => {
    expect(await ensureFirstAdmin(auth, database.db, {})).toEqual({ created: false });
    expect(await listUsers(database.db)).toEqual([]);
  });

  it("creates the first admin once, even when two instances start together", async () => {
    const other = await createAuth({ database, baseURL: "http://localhost:3000" });
    const results = await Promise.all([ensureFirstAdmin(auth, database.db, env), ensureFirstAdmin(other, database.db, env)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const users = await listUsers(database.db);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: "boss@example.test", role: "admin", disabled: false, queues: [] });

    const { response } = await auth.api.signInEmail({ body: { email: env.VIGIE_ADMIN_EMAIL, password: env.VIGIE_ADMIN_PASSWORD }, returnHeaders: true });
    expect(response.user).toMatchObject({ role: "admin" });

    const { entries } = await listAudit(database.db);
    expect(entries.filter((e) => e.action === "user.create")).toEqual([
      expect.objectContaining({ actor: { kind: "system" }, target: users[0]!.id }),
    ]);
    expect(JSON.stringify(entries)).not.toContain(env.VIGIE_ADMIN_PASSWORD);
  });

  it("is idempotent and never resets anything once a user exists", async () => {
    expect(await ensureFirstAdmin(auth, database.db, env)).toEqual({ created: false });
    expect(await ensureFirstAdmin(auth, database.db, { VIGIE_ADMIN_EMAIL: "new@example.test", VIGIE_ADMIN_PASSWORD: "another password!" })).toEqual({
      created: false,
    });
    expect((await listUsers(database.db)).map((u) => u.email)).toEqual(["boss@example.test"]);
    await expect(auth.api.signInEmail({ body: { email: env.VIGIE_ADMIN_EMAIL, password: env.VIGIE_ADMIN_PASSWORD } })).resolves.toBeTruthy();
  });
});

describe("ensureDemoUsers", () => {
  it("creates one user of every role, once, who can sign in", async () => {
    expect(await ensureDemoUsers(auth, database.db)).toEqual(DEMO_USERS.map((u) => u.email));
    expect(await ensureDemoUsers(auth, database.db)).toEqual([]);
    expect(new Set(DEMO_USERS.map((u) => u.role))).toEqual(new Set(["admin", "manager", "supervisor", "agent"]));
    const { response } = await auth.api.signInEmail({ body: { email: "agent@vigie.demo", password: DEMO_PASSWORD }, returnHeaders: true });
    expect(response.user).toMatchObject({ role: "agent", agentId: "a-101" });
  });

  it("names the simulator's queues and agents", () => {
    const queues = new Set(DEMO_PROFILE.queues.map((q) => q.name));
    const agents = new Set(DEMO_PROFILE.agents.map((a) => a.id));
    for (const u of DEMO_USERS) {
      for (const q of u.queues ?? []) expect(queues.has(q), q).toBe(true);
      if (u.agentId) expect(agents.has(u.agentId), u.agentId).toBe(true);
    }
  });
});
