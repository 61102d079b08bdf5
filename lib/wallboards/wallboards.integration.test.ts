import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { backendName, openMigratedTestDatabase } from "../../db/testing";
import { listAudit } from "../auth/audit";
import { createKioskLink, getKioskLink } from "../auth/kiosk-links";
import { createWallboard } from "./create";
import { deleteWallboard } from "./delete";
import { duplicateWallboard } from "./duplicate";
import { getWallboard } from "./get";
import { listWallboards } from "./list";
import { updateWallboard } from "./update";
import type { WallboardInput } from "./wallboard";

let database: Database;
let dispose: () => Promise<void>;
const lead = { kind: "user", id: "sup-1" } as const;
const lastAudit = async () => (await listAudit(database.db, { limit: 1 })).entries[0];

beforeAll(async () => {
  ({ database, close: dispose } = await openMigratedTestDatabase());
  await database.query("insert into users (id, name, email, role) values ('sup-1', 'Sup', 'sup@example.test', 'supervisor')");
});
afterAll(() => dispose());

const floor = {
  name: "Floor 2",
  definition: {
    tiles: [{ metric: "serviceLevel", size: "xl" as const, thresholds: { warn: 0.9, alert: 0.6 } }, { metric: "waiting" }],
    scope: { kind: "queues" as const, values: ["support", "vip"] },
    window: "1h" as const,
  },
} satisfies WallboardInput;

describe(`saved wallboards (${backendName()})`, () => {
  it("creates, reads and lists a board, audited", async () => {
    const board = await createWallboard(database.db, floor, lead);
    expect(board).toMatchObject({ name: "Floor 2", createdBy: "sup-1", updatedBy: "sup-1" });
    expect(board.definition.tiles[1]).toEqual({ metric: "waiting", size: "md" });
    expect(await getWallboard(database.db, board.id)).toEqual(board);
    expect((await listWallboards(database.db)).map((b) => b.id)).toContain(board.id);
    expect(await lastAudit()).toMatchObject({
      action: "wallboard.create",
      target: board.id,
      actor: lead,
      details: { name: "Floor 2", window: "1h", tiles: ["serviceLevel", "waiting"], scope: floor.definition.scope },
    });
  });

  it("refuses an invalid definition before writing anything", async () => {
    const before = (await listWallboards(database.db)).length;
    await expect(createWallboard(database.db, { name: "x", definition: { tiles: [{ metric: "nope" }] } }, lead)).rejects.toThrow();
    expect(await listWallboards(database.db)).toHaveLength(before);
  });

  it("updates the name and the definition, audited; null for an unknown board", async () => {
    const board = await createWallboard(database.db, floor, lead);
    const renamed = await updateWallboard(database.db, board.id, { name: "Floor 3" }, { kind: "apiKey", id: "k1" });
    expect(renamed).toMatchObject({ name: "Floor 3", updatedBy: "k1", definition: board.definition });
    expect(renamed!.updatedAt.getTime()).toBeGreaterThanOrEqual(board.updatedAt.getTime());
    const changed = await updateWallboard(database.db, board.id, { definition: { ...floor.definition, window: "15m" } }, lead);
    expect(changed!.definition.window).toBe("15m");
    expect(await lastAudit()).toMatchObject({ action: "wallboard.update", target: board.id, details: { name: "Floor 3", window: "15m" } });
    expect(await updateWallboard(database.db, "no-such-board", { name: "x" }, lead)).toBeNull();
  });

  it("duplicates a board, narrowed when asked, naming its source in the audit log", async () => {
    const board = await createWallboard(database.db, floor, lead);
    const copy = await duplicateWallboard(database.db, board.id, {}, lead);
    expect(copy).toMatchObject({ name: "Floor 2 (2)", definition: board.definition });
    expect(copy!.id).not.toBe(board.id);
    const narrowed = await duplicateWallboard(database.db, board.id, { name: "Mine", scope: { kind: "queues", values: ["vip"] } }, lead);
    expect(narrowed!.definition.scope).toEqual({ kind: "queues", values: ["vip"] });
    expect(await lastAudit()).toMatchObject({ action: "wallboard.duplicate", target: narrowed!.id, details: { source: board.id } });
    expect(await duplicateWallboard(database.db, "no-such-board", {}, lead)).toBeNull();
  });

  it("deletes a board and revokes the kiosk links showing it, in one audited change", async () => {
    const board = await createWallboard(database.db, floor, lead);
    const tv = await createKioskLink(database.db, { wallboardId: board.id, name: "TV", queues: ["support"] }, lead);
    const other = await createKioskLink(database.db, { wallboardId: "live", name: "Other", queues: [] }, lead);
    expect(await deleteWallboard(database.db, board.id, lead)).toEqual({ revokedKiosks: [tv.id] });
    expect(await getWallboard(database.db, board.id)).toBeNull();
    expect((await getKioskLink(database.db, tv.id))!.revokedAt).not.toBeNull();
    expect((await getKioskLink(database.db, other.id))!.revokedAt).toBeNull();
    expect(await lastAudit()).toMatchObject({ action: "wallboard.delete", target: board.id, details: { name: "Floor 2", revokedKiosks: [tv.id] } });
    expect(await deleteWallboard(database.db, board.id, lead)).toBeNull();
  });

  it("opens rows stored before a field existed or naming a KPI the registry dropped", async () => {
    await database.query(
      `insert into wallboards (id, name, definition) values ('legacy', 'Old', '{"tiles":[{"metric":"retired"},{"metric":"asa"}],"scope":{"kind":"all"}}'::jsonb)`,
    );
    const old = await getWallboard(database.db, "legacy");
    expect(old!.definition).toMatchObject({ tiles: [{ metric: "asa", size: "md" }], scope: { kind: "all", values: [] }, window: "today" });
  });
});
