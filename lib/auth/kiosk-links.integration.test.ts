import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { listAudit } from "./audit";
import { createKioskLink, getKioskLink, listKioskLinks, revokeKioskLink, verifyKioskToken } from "./kiosk-links";
import { hashToken } from "./tokens";
import { openMigratedTestDatabase } from "../../db/testing";

let database: Database;
let dispose: () => Promise<void>;
const supervisor = { kind: "user", id: "sup-1" } as const;

beforeAll(async () => {
  ({ database, close: dispose } = await openMigratedTestDatabase());
  await database.query("insert into users (id, name, email, role) values ('sup-1', 'Sup', 'sup@example.test', 'supervisor')");
});
afterAll(() => dispose());

describe("kiosk links", () => {
  it("creates a link whose token is shown once and stored hashed", async () => {
    const link = await createKioskLink(database.db, { wallboardId: "main", name: "Floor 2", queues: ["support"] }, supervisor);
    expect(link.token).toMatch(/^vk_[A-Za-z0-9_-]{43}$/);
    const rows = await database.query<Record<string, unknown>>("select * from kiosk_links where id = $1", [link.id]);
    expect(rows[0]!.token_hash).toBe(hashToken(link.token));
    expect(JSON.stringify(rows)).not.toContain(link.token);
    expect(await getKioskLink(database.db, link.id)).toMatchObject({ wallboardId: "main", queues: ["support"], createdBy: "sup-1" });
    expect(await verifyKioskToken(database.db, link.token)).toEqual({ kind: "kiosk", id: link.id, wallboardId: "main", queues: ["support"] });
    const { entries } = await listAudit(database.db, { limit: 1 });
    expect(entries[0]).toMatchObject({ action: "kiosk.create", target: link.id, actor: supervisor });
    expect(JSON.stringify(entries)).not.toContain(link.token);
  });

  it("refuses revoked, expired, unknown and api-key-shaped tokens", async () => {
    const link = await createKioskLink(database.db, { wallboardId: "w", name: "n" }, supervisor);
    expect(await revokeKioskLink(database.db, link.id, supervisor)).toBe(true);
    expect(await verifyKioskToken(database.db, link.token)).toBeNull();
    expect(await revokeKioskLink(database.db, link.id, supervisor)).toBe(false);

    const now = new Date("2030-01-01T00:00:00Z");
    const expiring = await createKioskLink(database.db, { wallboardId: "w", name: "n", expiresAt: new Date(now.getTime() + 1000) }, supervisor);
    expect(await verifyKioskToken(database.db, expiring.token, now)).not.toBeNull();
    expect(await verifyKioskToken(database.db, expiring.token, new Date(now.getTime() + 1000))).toBeNull();

    expect(await verifyKioskToken(database.db, `vk_${"a".repeat(43)}`)).toBeNull();
    expect(await verifyKioskToken(database.db, expiring.token.replace("vk_", "vg_"))).toBeNull();
  });

  it("lists links by wallboard", async () => {
    await createKioskLink(database.db, { wallboardId: "lobby", name: "Lobby" }, supervisor);
    const lobby = await listKioskLinks(database.db, { wallboardId: "lobby" });
    expect(lobby.map((l) => l.name)).toEqual(["Lobby"]);
    expect((await listKioskLinks(database.db)).length).toBeGreaterThan(1);
  });
});
