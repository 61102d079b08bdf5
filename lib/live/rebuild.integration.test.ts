import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { backendName, openMigratedTestDatabase, type MigratedTestDatabase } from "../../db/testing";
import { parseEvent, type VigieEvent } from "../events/schema";
import { EventWriter } from "../ingest/event-writer";
import { MetricsEngine, type EngineConfig } from "../metrics/engine";
import { WINDOWS, type Scope } from "../metrics/scope";
import { AGENTS, CHANNELS, QUEUES, streamArb } from "../metrics/testing/streams";
import { rebuildEngine } from "./rebuild";

/**
 * A restart changes no number: the engine rebuilt from the database at start
 * shows what an engine fed every stored event shows, on every scope and
 * window — including cases opened and outbound records first called months
 * before (a case's resolution time, an outbound record's first attempt).
 */

const CONFIG: EngineConfig = { timeZone: "Europe/Paris", slSeconds: 20, slSecondsByQueue: { sales: 30 }, shortAbandonSecondsByQueue: { support: 5 }, repeatDays: 2 };
const DAY = 86_400_000;
const SCOPES: Scope[] = ["all", ...QUEUES.map((q) => `queue:${q}` as Scope), ...AGENTS.map((a) => `agent:${a}` as Scope), ...CHANNELS.map((c) => `channel:${c}` as Scope)];

let fresh: MigratedTestDatabase | undefined;
let database: Database;

beforeAll(async () => {
  fresh = await openMigratedTestDatabase();
  database = fresh.database;
});
afterAll(() => fresh?.close());

/** History long before yesterday that today's events refer to: the cases and customers `streamArb` uses. */
function oldHistory(now: number): VigieEvent[] {
  const raw: Record<string, unknown>[] = [];
  for (let n = 0; n < 4; n++) {
    const opened = now - (40 + 15 * n) * DAY;
    raw.push({ id: `old-k${n}`, type: "case.opened", at: opened, caseId: `k${n}` });
    // A contact of the case then, and outbound calls to its customer in both campaigns.
    raw.push({ id: `old-i${n}-o`, type: "contact.offered", at: opened + 60_000, contactId: `old-i${n}`, queue: "support", channel: "voice", customerId: `u${n}`, caseId: `k${n}` });
    raw.push({ id: `old-i${n}-a`, type: "contact.answered", at: opened + 90_000, contactId: `old-i${n}`, agentId: "a1" });
    for (const [i, campaign] of ["spring", "autumn"].entries()) {
      const at = now - (50 + 20 * n + i) * DAY;
      raw.push({ id: `old-o${n}${i}-o`, type: "contact.offered", at, contactId: `old-o${n}${i}`, queue: "sales", channel: "voice", direction: "outbound", customerId: `u${n}`, campaign });
      raw.push({ id: `old-o${n}${i}-x`, type: "contact.outcome", at: at + 30_000, contactId: `old-o${n}${i}`, outcome: "no-answer" });
    }
  }
  raw.push({ id: "old-state", type: "agent.state", at: now - 70 * DAY, agentId: "a3", state: "available", queues: ["billing"] });
  return raw.map((r) => parseEvent(r, now)).map((p) => (p.ok ? p.event : expect.unreachable(p.error)));
}

describe(`the live engine rebuilt at start (${backendName()})`, () => {
  it("equals an engine fed every stored event, with cases and outbound records from months before", async () => {
    const now = Date.now();
    const writer = new EventWriter(database);
    const recent = fc.sample(streamArb(now, 60), { seed: 7, numRuns: 10 }).flatMap((s, i) => s.map((e) => ({ ...e, id: `s${i}-${e.id}` })));
    // Today's side of the old history: each case closed, each customer called again, in both campaigns.
    const today = [0, 1, 2, 3].flatMap((n) => [
      { id: `new-k${n}`, type: "case.closed", at: now - (n + 1) * 600_000, caseId: `k${n}` },
      { id: `new-o${n}-o`, type: "contact.offered", at: now - (n + 1) * 500_000, contactId: `new-o${n}`, queue: "sales", channel: "voice", direction: "outbound", customerId: `u${n}`, campaign: n % 2 ? "spring" : "autumn" },
      { id: `new-o${n}-x`, type: "contact.outcome", at: now - (n + 1) * 500_000 + 20_000, contactId: `new-o${n}`, outcome: "agreed" },
    ]).map((r) => parseEvent(r, now)).map((p) => (p.ok ? p.event : expect.unreachable(p.error)));
    const all = [...oldHistory(now), ...recent, ...today];
    await writer.write(all.map((event) => ({ event, payload: JSON.stringify(event) })));

    const fed = new MetricsEngine(CONFIG);
    for (const e of all) fed.apply(e, now);
    const rebuilt = new MetricsEngine(CONFIG);
    await rebuildEngine(database, rebuilt, now);

    let compared = 0;
    for (const scope of SCOPES) {
      for (const window of WINDOWS) {
        expect({ scope, window, metrics: rebuilt.metrics(scope, window, now) }).toEqual({ scope, window, metrics: fed.metrics(scope, window, now) });
        compared++;
      }
    }
    expect(compared).toBe(SCOPES.length * WINDOWS.length);
    // The old history mattered: the cases closed today were opened 40 to 85 days before, and belong to the
    // queue of their first contact, then.
    expect(fed.metrics("all", "today", now).dmtt).toBeGreaterThan(39 * 86_400);
    expect(fed.metrics("queue:support", "today", now).dmtt).toBeGreaterThan(39 * 86_400);
  });
});
