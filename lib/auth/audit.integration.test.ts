import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { actorOf, listAudit, recordAudit } from "./audit";
import { openMigratedTestDatabase } from "../../db/testing";

let database: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ database, close: dispose } = await openMigratedTestDatabase());
});
afterAll(() => dispose());

describe("audit log", () => {
  it("records an entry and reads it back", async () => {
    const e = await recordAudit(database.db, {
      actor: { kind: "user", id: "u1" },
      action: "user.update",
      target: "u2",
      details: { role: { from: "agent", to: "supervisor" }, queues: ["support"] },
    });
    expect(e.id).toBeGreaterThan(0);
    expect(e.at).toBeInstanceOf(Date);
    expect(Math.abs(e.at.getTime() - Date.now())).toBeLessThan(10_000);
    const { entries } = await listAudit(database.db, { limit: 1 });
    expect(entries[0]).toEqual(e);
    expect(entries[0]!.details).toEqual({ role: { from: "agent", to: "supervisor" }, queues: ["support"] });
  });

  it("keeps the actor kind: user, api key, system", async () => {
    await recordAudit(database.db, { actor: { kind: "apiKey", id: "k1" }, action: "queue.update", target: "sales" });
    await recordAudit(database.db, { actor: { kind: "system" }, action: "user.bootstrap" });
    const { entries } = await listAudit(database.db, { limit: 2 });
    expect(entries.map((e) => e.actor)).toEqual([{ kind: "system" }, { kind: "apiKey", id: "k1" }]);
    expect(entries[0]!.target).toBeNull();
    expect(entries[0]!.details).toEqual({});
  });

  it("never stores a secret passed in details", async () => {
    const e = await recordAudit(database.db, {
      actor: { kind: "system" },
      action: "user.create",
      details: { email: "a@b.c", password: "hunter2hunter2", nested: { token: "vk_x", keep: 1 }, list: [{ key: "vg_y" }] },
    });
    expect(e.details).toEqual({
      email: "a@b.c",
      password: "[redacted]",
      nested: { token: "[redacted]", keep: 1 },
      list: [{ key: "[redacted]" }],
    });
    const raw = await database.query<{ details: unknown }>("select details from audit_log where id = $1", [e.id]);
    expect(JSON.stringify(raw[0]!.details)).not.toMatch(/hunter2|vk_x|vg_y/);
  });

  it("pages newest first with a stable cursor", async () => {
    for (let i = 0; i < 7; i++) await recordAudit(database.db, { actor: { kind: "system" }, action: `page.${i}` });
    const seen: string[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await listAudit(database.db, { limit: 3, before });
      seen.push(...page.entries.map((e) => e.action));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
      // An entry added meanwhile does not shift the pages.
      await recordAudit(database.db, { actor: { kind: "system" }, action: "meanwhile" });
    }
    const pages = seen.filter((a) => a.startsWith("page."));
    expect(pages).toEqual(["page.6", "page.5", "page.4", "page.3", "page.2", "page.1", "page.0"]);
    expect(seen).not.toContain("meanwhile");
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("clamps the page size", async () => {
    expect((await listAudit(database.db, { limit: 0 })).entries).toHaveLength(1);
    expect((await listAudit(database.db, { limit: 10_000 })).entries.length).toBeLessThanOrEqual(500);
  });

  it("derives actors from principals; kiosks cannot act", () => {
    expect(actorOf({ kind: "user", id: "u", role: "admin", agentId: null, queues: [], disabled: false })).toEqual({
      kind: "user",
      id: "u",
    });
    expect(actorOf({ kind: "apiKey", id: "k", role: "manager", queues: [] })).toEqual({ kind: "apiKey", id: "k" });
    expect(() => actorOf({ kind: "kiosk", id: "w", wallboardId: "x", queues: [] })).toThrow();
  });
});
