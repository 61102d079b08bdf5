import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { createApiKey, LAST_USED_RESOLUTION_MS, listApiKeys, revokeApiKey, verifyApiKey } from "./api-keys";
import { listAudit } from "./audit";
import { hashToken } from "./tokens";
import { openMigratedTestDatabase } from "../../db/testing";

let database: Database;
let dispose: () => Promise<void>;
const admin = { kind: "user", id: "admin-1" } as const;

beforeAll(async () => {
  ({ database, close: dispose } = await openMigratedTestDatabase());
  // created_by references users: the acting admin exists.
  await database.query("insert into users (id, name, email, role) values ('admin-1', 'Admin', 'admin@example.test', 'admin')");
});
afterAll(() => dispose());

describe("api keys", () => {
  it("creates a key shown once, stores only its SHA-256, and audits the creation", async () => {
    const created = await createApiKey(database.db, { name: "BI tool", role: "manager" }, admin);
    expect(created.key).toMatch(/^vg_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.key.slice(0, 11));
    expect(created).toMatchObject({ name: "BI tool", role: "manager", queues: [], createdBy: "admin-1", lastUsedAt: null, revokedAt: null });

    const rows = await database.query<Record<string, unknown>>("select * from api_keys where id = $1", [created.id]);
    expect(rows[0]!.key_hash).toBe(hashToken(created.key));
    expect(JSON.stringify(rows)).not.toContain(created.key);

    const listed = await listApiKeys(database.db);
    expect(listed.find((k) => k.id === created.id)).not.toHaveProperty("key");
    expect(JSON.stringify(listed)).not.toContain(created.key);

    const { entries } = await listAudit(database.db, { limit: 1 });
    expect(entries[0]).toMatchObject({ actor: admin, action: "apiKey.create", target: created.id, details: { name: "BI tool", role: "manager", queues: [] } });
    expect(JSON.stringify(entries)).not.toContain(created.key);
  });

  it("verifies a key into a principal with its role and queues", async () => {
    const { key, id } = await createApiKey(database.db, { name: "Sales board", role: "supervisor", queues: ["sales", "sales"] }, admin);
    expect(await verifyApiKey(database.db, key)).toEqual({ kind: "apiKey", id, role: "supervisor", queues: ["sales"] });
  });

  it("refuses unknown, altered and malformed keys", async () => {
    const { key } = await createApiKey(database.db, { name: "x", role: "ingest" }, admin);
    const flipped = key.slice(0, -1) + (key.endsWith("A") ? "B" : "A");
    for (const bad of [flipped, `vg_${"A".repeat(43)}`, "", "vg_", key + "x", key.slice(1), ` ${key}`, key.replace("vg_", "vk_")]) {
      expect(await verifyApiKey(database.db, bad), bad).toBeNull();
    }
  });

  it("writes last_used_at at most once a minute", async () => {
    const { key, id } = await createApiKey(database.db, { name: "poller", role: "manager" }, admin);
    const lastUsed = async () =>
      (await database.query<{ last_used_at: Date | null }>("select last_used_at from api_keys where id = $1", [id]))[0]!.last_used_at;
    const t0 = new Date("2030-01-01T10:00:00.000Z");
    await verifyApiKey(database.db, key, t0);
    expect((await lastUsed())?.toISOString()).toBe(t0.toISOString());
    await verifyApiKey(database.db, key, new Date(t0.getTime() + LAST_USED_RESOLUTION_MS - 1));
    expect((await lastUsed())?.toISOString()).toBe(t0.toISOString());
    const t1 = new Date(t0.getTime() + LAST_USED_RESOLUTION_MS);
    await verifyApiKey(database.db, key, t1);
    expect((await lastUsed())?.toISOString()).toBe(t1.toISOString());
  });

  it("revokes a key at once, once, with an audit entry", async () => {
    const { key, id } = await createApiKey(database.db, { name: "old", role: "manager" }, admin);
    expect(await verifyApiKey(database.db, key)).not.toBeNull();
    expect(await revokeApiKey(database.db, id, admin)).toBe(true);
    expect(await verifyApiKey(database.db, key)).toBeNull();
    expect(await revokeApiKey(database.db, id, admin)).toBe(false);
    expect(await revokeApiKey(database.db, "no-such-key", admin)).toBe(false);
    const listed = (await listApiKeys(database.db)).find((k) => k.id === id)!;
    expect(listed.revokedAt).toBeInstanceOf(Date);
    const { entries } = await listAudit(database.db, { limit: 5 });
    expect(entries.filter((e) => e.action === "apiKey.revoke" && e.target === id)).toHaveLength(1);
  });

  it("validates its input", async () => {
    await expect(createApiKey(database.db, { name: "", role: "manager" }, admin)).rejects.toThrow();
    await expect(createApiKey(database.db, { name: "k", role: "admin" as never }, admin)).rejects.toThrow();
    await expect(createApiKey(database.db, { name: "k", role: "agent" as never }, admin)).rejects.toThrow();
    await expect(createApiKey(database.db, { name: "k", role: "manager", queues: [""] }, admin)).rejects.toThrow();
    await expect(createApiKey(database.db, { name: "bad\u0000name", role: "manager" }, admin)).rejects.toThrow();
  });

  it("makes distinct keys", async () => {
    const keys = await Promise.all([1, 2, 3].map((i) => createApiKey(database.db, { name: `k${i}`, role: "ingest" }, admin)));
    expect(new Set(keys.map((k) => k.key)).size).toBe(3);
  });
});
