import { afterAll, describe, expect, it } from "vitest";
import { backendName, createTestDatabase, type TestDatabase } from "../../db/testing";
import { loadEnv } from "../env";
import { startServer, type RunningServer } from "../server/boot";
import { upsertQueueSettings } from "./queue-settings";

const KEY = "queue-settings-test-ingest-key";

describe(`per-queue service-level threshold survives a restart (${backendName()})`, () => {
  let db: TestDatabase;
  let server: RunningServer | undefined;
  const boot = async () =>
    (server = await startServer({ env: loadEnv({ ...db.env, NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", VIGIE_INGEST_KEY: KEY }) }));

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it("counts a 30 s answer in service level once the queue's threshold is 60 s, also after a restart", async () => {
    db = await createTestDatabase();
    await boot();
    const now = Date.now();
    const res = await fetch(`${server!.url.replace("localhost", "127.0.0.1")}/api/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
      body: JSON.stringify([
        { id: "q1", type: "contact.offered", at: now - 40_000, contactId: "c1", queue: "slow" },
        { id: "q2", type: "contact.answered", at: now - 10_000, contactId: "c1", agentId: "a1" },
      ]),
    });
    expect(res.status).toBe(202);
    const sl = () => server!.hub.snapshot({ scope: "queue:slow", window: "today" }).metrics.serviceLevel;
    expect(sl()).toBe(0);

    await upsertQueueSettings(server!.database.db, { queue: "slow", slSeconds: 60 }, { kind: "system" });
    await server!.close();
    server = undefined;
    await boot();
    expect(sl()).toBe(1);
  });
});
