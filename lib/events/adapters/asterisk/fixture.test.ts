import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEvent, type VigieEvent } from "../../schema";
import { MetricsEngine } from "../../../metrics/engine";
import { translateQueueLog } from "./translate";

/**
 * The morning fixture (fixtures/morning.queue_log, written from app_queue.c's
 * ast_queue_log calls): 11 calls over two queues, three agents, a crash that
 * left NUL bytes, FreePBX's DID lines. The metrics below are counted by hand
 * from the file, as the comments show.
 */
const TZ = "Europe/Paris";
const T0 = 1795417200_000; // 2026-11-23 08:00:00 Europe/Paris
const NOW = T0 + 3660_000; // 09:01:00, a minute after the last call entered the queue
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");

const file = translateQueueLog(fixture("morning.queue_log"), { timeZone: TZ });

function valid(t: typeof file): VigieEvent[] {
  return t.events.map(({ event, line }) => {
    const r = parseEvent(event, NOW);
    if (!r.ok) throw new Error(`line ${line}: ${r.error}`);
    return r.event;
  });
}

describe("the morning queue_log", () => {
  it("gives valid events with unique ids, and reports every line it skips", () => {
    const events = valid(file);
    expect(events).toHaveLength(62);
    expect(new Set(events.map((e) => e.id)).size).toBe(62);
    expect(file.lines).toBe(54);
    expect(file.skipped).toEqual({
      total: 12,
      byReason: {
        malformed: 1, // the line the crash cut short
        "nul-bytes": 1,
        "not-mapped:CONFIGRELOAD": 1,
        "not-mapped:QUEUESTART": 2,
        "not-mapped:RINGCANCELED": 1,
        "not-mapped:RINGNOANSWER": 1,
        "unknown-verb:DID": 4, // FreePBX's dialplan
        "unknown-verb:INFO": 1,
      },
    });
  });

  const engine = new MetricsEngine({ timeZone: TZ, slSeconds: 18 });
  engine.applyAll(valid(file), NOW);
  const m = (scope: Parameters<typeof engine.metrics>[0]) => engine.metrics(scope, "today", NOW);

  it("computes the hand-counted metrics", () => {
    // 12 contacts: 6 answered (waits 6, 25, 4, 10, 8, 3 s), 2 abandons (hang-up, key),
    // 3 sent away unanswered (timeout, empty queue, withdrawn), 1 waiting for 60 s.
    // Talk: 180, 240, 120, 240, 180, 240 s.
    expect(m("all")).toMatchObject({
      offered: 12, answered: 6, abandoned: 2, abandonRate: 2 / 12,
      serviceLevel: 5 / 12, asa: 56 / 6, aht: 200, waiting: 1, longestWait: 60,
      agentsAvailable: 2, agentsBusy: 0, agentsWrapUp: 0, agentsPaused: 1,
    });
    expect(m("queue:support")).toMatchObject({
      offered: 8, answered: 4, abandoned: 1, serviceLevel: 3 / 8, asa: 10.5, aht: 210, waiting: 1,
      agentsAvailable: 2, agentsPaused: 0,
    });
    expect(m("queue:ventes")).toMatchObject({
      offered: 4, answered: 2, abandoned: 1, serviceLevel: 2 / 4, asa: 7, aht: 180, waiting: 0,
      agentsAvailable: 0, agentsPaused: 1,
    });
    expect(m("agent:1001")).toMatchObject({ answered: 2, aht: 210 });
    expect(m("agent:1002")).toMatchObject({ answered: 3, aht: 220 });
    expect(m("agent:1003")).toMatchObject({ answered: 1, aht: 120 });
  });

  it("gives agents their state over time: 1002 busy 660 s of 3650 s logged in", () => {
    expect(m("agent:1002").occupancy).toBeCloseTo(660 / 3650, 10);
    expect(engine.agentStatesNow(NOW).map((a) => [a.agentId, a.state, a.reason ?? null]).sort()).toEqual([
      ["1001", "available", null],
      ["1002", "available", null],
      ["1003", "paused", "Formation"],
      ["2001", "offline", null],
    ]);
  });
});

describe("the database export of the same morning", () => {
  const exported = translateQueueLog(fixture("morning-export.csv"), { timeZone: TZ });

  it("gives the events of the same lines, under the same ids", () => {
    const fileIds = new Set(file.events.map((e) => e.event.id));
    expect(exported.events).toHaveLength(25);
    for (const { event } of exported.events) expect(fileIds.has(event.id), event.id).toBe(true);
    expect(valid(exported)).toHaveLength(25);
    expect(exported.skipped).toEqual({ total: 6, byReason: { header: 1, "not-mapped:RINGCANCELED": 1, "not-mapped:RINGNOANSWER": 1, "unknown-verb:DID": 3 } });
  });
});
