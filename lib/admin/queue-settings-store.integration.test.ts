import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { listAudit } from "../auth/audit";
import { openMigratedTestDatabase } from "../../db/testing";
import { listQueueSettings, upsertQueueSettings } from "./queue-settings";

let database: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ database, close: dispose } = await openMigratedTestDatabase());
});
afterAll(() => dispose());

const admin = { kind: "user", id: "admin-1" } as const;

describe("queue settings", () => {
  it("creates, then updates, a queue's settings with an audit entry each time", async () => {
    const created = await upsertQueueSettings(database.db, { queue: "sales", displayName: "Ventes", slSeconds: 20, shortAbandonSeconds: 5 }, admin);
    expect(created).toMatchObject({ queue: "sales", displayName: "Ventes", slSeconds: 20, shortAbandonSeconds: 5, updatedBy: "admin-1" });
    const updated = await upsertQueueSettings(database.db, { queue: "sales", displayName: "", slSeconds: 30, shortAbandonSeconds: 5 }, admin);
    expect(updated).toMatchObject({ displayName: null, slSeconds: 30, shortAbandonSeconds: 5 });
    expect(await listQueueSettings(database.db)).toHaveLength(1);

    const { entries } = await listAudit(database.db, { limit: 2 });
    expect(entries.map((e) => [e.action, e.target])).toEqual([["queue.update", "sales"], ["queue.update", "sales"]]);
    expect(entries[0]!.actor).toEqual(admin);
    expect(entries[0]!.details).toEqual({ displayName: { from: "Ventes", to: null }, slSeconds: { from: 20, to: 30 } });
  });

  it("refuses out-of-range thresholds and writes nothing", async () => {
    const before = (await listAudit(database.db)).entries.length;
    await expect(upsertQueueSettings(database.db, { queue: "support", slSeconds: 0 }, admin)).rejects.toThrow();
    await expect(upsertQueueSettings(database.db, { queue: "support", shortAbandonSeconds: 3601 }, admin)).rejects.toThrow();
    await expect(upsertQueueSettings(database.db, { queue: "support", slSeconds: 1.5 }, admin)).rejects.toThrow();
    await expect(upsertQueueSettings(database.db, { queue: " ", slSeconds: 10 }, admin)).rejects.toThrow();
    expect((await listAudit(database.db)).entries.length).toBe(before);
    expect((await listQueueSettings(database.db)).map((s) => s.queue)).toEqual(["sales"]);
  });
});
