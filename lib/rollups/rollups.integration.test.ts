import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { backendName, openMigratedTestDatabase, type MigratedTestDatabase } from "../../db/testing";
import { parseEvent, type VigieEvent } from "../events/schema";
import { EventWriter } from "../ingest/event-writer";
import { emptyAggregate } from "../metrics/aggregate";
import { BatchFold, type Restriction } from "../metrics/batch";
import type { EngineConfig } from "../metrics/engine";
import { computeSelected, HISTORICAL_IDS } from "../metrics/registry";
import { AGENT_TIME_FIELDS, columnOf, FACT_FIELDS } from "../metrics/rollup/fields";
import type { Scope } from "../metrics/scope";
import { streamArb } from "../metrics/testing/streams";
import { buckets, dayStart } from "../reports/calendar";
import { reportQuerySchema, type GroupBy } from "../reports/report-query";
import { runReport } from "../reports/run-report";
import { catchUpRollups } from "./catch-up";
import { rebuildAllRollups } from "./rebuild-all";
import { rebuildFactsFrom } from "./rebuild-facts";
import { buildStrips } from "./strips";

/**
 * The rollups are kept by deltas as events arrive, in batches of any size, late,
 * duplicated, out of order, with later batches changing what earlier contacts
 * contribute (their contacts, customers, cases and agents are shared). After
 * every delivery, every report read from them must equal an independent
 * recomputation from all the stored raw events (`BatchFold`), cell by cell, for
 * every grouping, several granularities and reader limits.
 */

const TZ = "Europe/Paris";
const ROUNDS = 4;
const CONFIG: EngineConfig = { timeZone: TZ, slSeconds: 20, slSecondsByQueue: { sales: 30 }, shortAbandonSecondsByQueue: { support: 5 }, repeatDays: 1 };
let fresh: MigratedTestDatabase | undefined;
let database: Database;

beforeAll(async () => {
  fresh = await openMigratedTestDatabase();
  database = fresh.database;
});
afterAll(() => fresh?.close());

const dayOf = (at: number) => new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(at);

async function stored(): Promise<VigieEvent[]> {
  const rows = await database.query<{ payload: unknown }>(`select payload from events`);
  return rows.map((r) => {
    const p = parseEvent(typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload, Infinity);
    if (!p.ok) throw new Error(p.error);
    return p.event;
  });
}

const EVERYDAY_CASES: Case[] = [
    ["none", "15m", {}],
    ["queue", "hour", {}],
    ["agent", "day", {}],
    ["channel", "15m", {}],
    ["queue", "day", {}],
    ["none", "week", {}],
    ["none", "hour", { queues: ["sales", "billing"] }],
    ["agent", "hour", { queues: ["support"] }],
    ["queue", "day", { agentId: "a1" }],
];

type Case = [GroupBy, "15m" | "hour" | "day" | "week" | "month", Restriction];

async function expectReportsEqualRecomputation(
  now: number,
  config = CONFIG,
  from = dayOf(now - 2 * 86_400_000),
  to = dayOf(now),
  cases: Case[] = EVERYDAY_CASES,
): Promise<number> {
  const fold = new BatchFold(await stored(), config);
  let cells = 0;
  for (const [groupBy, granularity, only] of cases) {
    const report = await runReport(database, reportQuerySchema.parse({ from, to, granularity, groupBy }), config, only, now);
    const slots = buckets(from, to, granularity, TZ);
    const rows = new Map(report.rows.map((r) => [`${r.key}|${Date.parse(r.bucket)}`, r]));
    const prefix = `${groupBy}:`;
    const keys = groupBy === "none" ? [null] : [...new Set([...fold.scopes().filter((s) => s.startsWith(prefix)).map((s) => s.slice(prefix.length)), ...report.rows.map((r) => r.key!)])];
    const empty = computeSelected(emptyAggregate(), HISTORICAL_IDS, 0);
    for (const key of keys) {
      if (groupBy === "queue" && only.queues && !only.queues.includes(key!)) continue;
      if (groupBy === "agent" && only.agentId && key !== only.agentId) continue;
      const scope = (key === null ? "all" : `${groupBy}:${key}`) as Scope;
      for (const slot of slots) {
        const expected = fold.metrics(scope, slot.start, slot.end, now, only);
        const row = rows.get(`${key}|${slot.start}`);
        const what = `${groupBy} ${granularity} ${JSON.stringify(only)} ${key} ${new Date(slot.start).toISOString()}`;
        for (const id of HISTORICAL_IDS) expect(row ? row.metrics[id] : empty[id], `${what} ${id}`).toBe(expected[id]);
        cells++;
      }
    }
  }
  return cells;
}

/** Rows of the rollups whose every sum is zero. */
async function emptyRows(): Promise<{ facts: number; time: number }> {
  const zero = (cols: readonly string[]) => cols.map((c) => `${c} = 0`).join(" and ");
  const count = async (sql: string) => Number((await database.query<{ n: string }>(sql))[0]!.n);
  return {
    facts: await count(`select count(*) as n from rollups where ${zero(FACT_FIELDS.map(columnOf))}`),
    time: await count(`select count(*) as n from agent_time where level = 0 and ${zero(AGENT_TIME_FIELDS.map(columnOf))}`),
  };
}

/** Strips of every stale day, today's included (the runner waits for a day to end; that is only an economy). */
const buildAllStrips = () => buildStrips(database, Date.now() + 3 * 86_400_000, Infinity);

describe(`rollups (${backendName()})`, () => {
  it("equal a recomputation from raw events after every delivery, whatever the batches, order and duplicates", async () => {
    const writer = new EventWriter(database);
    const now = Date.now();
    for (let round = 1; round <= ROUNDS; round++) {
      // Event ids are new each round; contacts, customers, cases and agents are shared with earlier rounds,
      // so later rounds change what earlier contacts contribute (late events, next contacts, states).
      const streams = fc.sample(streamArb(now, 60), { seed: round, numRuns: 12 });
      const events = streams.flatMap((s, i) => s.map((e) => ({ ...e, id: `r${round}-${i}-${e.id}` })));
      const [order, cuts, batchEvents, resend] = fc.sample(
        fc.tuple(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: events.length, maxLength: events.length }), fc.array(fc.integer({ min: 1, max: 80 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 60 }), fc.boolean()),
        { seed: 100 + round, numRuns: 1 },
      )[0]!;
      const shuffled = events.map((e, i) => [order[i]!, e] as const).sort((a, b) => a[0] - b[0]).map(([, e]) => e);
      const deliveries: VigieEvent[][] = [];
      let start = 0;
      for (const c of cuts) {
        deliveries.push(shuffled.slice(start, start + c));
        start += c;
      }
      deliveries.push(shuffled.slice(start));
      if (resend) deliveries.push(shuffled.slice(0, 30));
      for (const [i, batch] of deliveries.entries()) {
        await writer.write(batch.map((event) => ({ event, payload: JSON.stringify(event) })));
        await catchUpRollups(database, CONFIG, { batchEvents });
        // Strips built early in the round are made stale by the later deliveries; in even rounds they are
        // built again before the check, so reports read them (odd rounds read the quarter-hours).
        if (i === 0 || (round % 2 === 0 && i === deliveries.length - 1)) await buildAllStrips();
      }
      // No row left with every sum at zero (it would list an empty group, or count an absent agent as staffed).
      expect(await emptyRows()).toEqual({ facts: 0, time: 0 });
      const built = Number((await database.query<{ n: string }>(`select count(*) as n from rollup_strip_days where built`))[0]!.n);
      if (round % 2 === 0) expect(built).toBeGreaterThan(0);
      // Between rounds two shapes (the cheapest full check of facts and agent time); after the last, all of them.
      const cases = round === ROUNDS ? EVERYDAY_CASES : EVERYDAY_CASES.filter(([g, gr, only]) => (g === "none" && gr === "15m") || (g === "agent" && gr === "hour" && only.queues));
      expect(await expectReportsEqualRecomputation(Date.now(), CONFIG, undefined, undefined, cases)).toBeGreaterThan(100);
    }
    expect(Number((await database.query<{ n: string }>(`select count(*) as n from events`))[0]!.n)).toBeGreaterThan(500);
  });

  it("read whole months from the month rows, exactly", async () => {
    // Traffic around the 15th of last month, then the whole of last month by month (one slot, the month rows).
    const first = new TZDate(dayStart(dayOf(Date.now()), TZ), TZ);
    const lastMonth = new TZDate(first.getFullYear(), first.getMonth() - 1, 15, 12, 0, 0, TZ).getTime();
    const writer = new EventWriter(database);
    const events = fc.sample(streamArb(lastMonth, 60), { seed: 31, numRuns: 10 }).flatMap((s, i) => s.map((e) => ({ ...e, id: `m-${i}-${e.id}` })));
    await writer.write(events.map((event) => ({ event, payload: JSON.stringify(event) })));
    const from = dayOf(new TZDate(first.getFullYear(), first.getMonth() - 1, 1, TZ).getTime());
    const to = dayOf(new TZDate(first.getFullYear(), first.getMonth(), 0, 12, TZ).getTime());
    const cases: Case[] = [["none", "month", {}], ["queue", "month", {}], ["agent", "month", {}], ["channel", "month", {}], ["none", "month", { queues: ["sales"] }], ["agent", "month", { queues: ["billing"] }]];
    expect(await expectReportsEqualRecomputation(Date.now(), CONFIG, from, to, cases)).toBeGreaterThan(5);
  });

  it("rebuilt from scratch, one day at a time, give the same numbers", async () => {
    await rebuildAllRollups(database, CONFIG);
    expect(await expectReportsEqualRecomputation(Date.now())).toBeGreaterThan(100);
    // And the incremental path carries on from the rebuild's watermark.
    const writer = new EventWriter(database);
    const more = fc.sample(streamArb(Date.now(), 60), { seed: 99, numRuns: 6 }).flatMap((s, i) => s.map((e) => ({ ...e, id: `after-${i}-${e.id}` })));
    await writer.write(more.map((event) => ({ event, payload: JSON.stringify(event) })));
    expect(await expectReportsEqualRecomputation(Date.now())).toBeGreaterThan(100);
    await buildAllStrips();
    expect(await expectReportsEqualRecomputation(Date.now())).toBeGreaterThan(100);
  });

  it("rebuilt, find the events of a contact months apart (the rebuild searches a contact's events in its span only)", async () => {
    // Two contacts offered and answered 40 days ago whose last events arrive today: a wrap-up (handle
    // time lands today, measured from the answer) and a survey (scored where its contact was answered).
    const now = Date.now();
    const then = now - 40 * 86_400_000;
    const today = Math.max(dayStart(dayOf(now), TZ), now - 2 * 3_600_000);
    const raw = [
      { id: "far-1o", type: "contact.offered", at: then, contactId: "far-1", queue: "sales", channel: "email", customerId: "u-far" },
      { id: "far-1a", type: "contact.answered", at: then + 30_000, contactId: "far-1", agentId: "a-far" },
      { id: "far-1e", type: "contact.ended", at: today, contactId: "far-1" },
      { id: "far-1w", type: "contact.wrapped", at: today + 60_000, contactId: "far-1" },
      { id: "far-2o", type: "contact.offered", at: then + 3_600_000, contactId: "far-2", queue: "support", channel: "voice" },
      { id: "far-2a", type: "contact.answered", at: then + 3_610_000, contactId: "far-2", agentId: "a-far" },
      { id: "far-2e", type: "contact.ended", at: then + 3_900_000, contactId: "far-2" },
      { id: "far-2s", type: "survey.response", at: today + 120_000, kind: "csat", score: 2, contactId: "far-2" },
    ].map((e) => parseEvent(e, now)).map((p) => (p.ok ? p.event : expect.unreachable(p.error)));
    await new EventWriter(database).write(raw.map((event) => ({ event, payload: JSON.stringify(event) })));
    await rebuildAllRollups(database, CONFIG);
    const cases: Case[] = [["none", "day", {}], ["agent", "day", {}], ["queue", "day", {}], ["agent", "month", {}]];
    expect(await expectReportsEqualRecomputation(now, CONFIG, dayOf(then), dayOf(now), cases)).toBeGreaterThan(40);
    const [row] = (await runReport(database, reportQuerySchema.parse({ from: dayOf(now), to: dayOf(now), granularity: "day", groupBy: "agent" }), CONFIG, { agentId: "a-far" }, now)).rows;
    expect(row?.metrics.handled, "the wrap-up of today, with its answer 40 days ago").toBe(1);
  });

  it("strips keep queue names holding their own separators, and a reader limited to queues sees only theirs", async () => {
    const now = Date.now();
    const odd = ["a|b;c", "back\\slash\\!", "é;|\\,", "plain"];
    const since = Math.max(dayStart(dayOf(now), TZ), now - 3_600_000);
    const events = odd.flatMap((queue, i) => [
      { id: `q-${i}-o`, type: "contact.offered", at: since + i * 60_000, contactId: `q${i}`, queue, channel: i % 2 ? "chat" : "voice" },
      { id: `q-${i}-a`, type: "contact.answered", at: since + i * 60_000 + 5_000, contactId: `q${i}`, agentId: "a1" },
    ]).map((raw) => parseEvent(raw, now)).map((p) => (p.ok ? p.event : expect.unreachable(p.error)));
    await new EventWriter(database).write(events.map((event) => ({ event, payload: JSON.stringify(event) })));
    await catchUpRollups(database, CONFIG);
    const query = reportQuerySchema.parse({ from: dayOf(now), to: dayOf(now), granularity: "15m", groupBy: "queue", metrics: "offered,answered,asa" });
    const offered = (rows: { key: string | null; metrics: Record<string, number | null> }[]) =>
      Object.fromEntries(odd.map((q) => [q, rows.filter((r) => r.key === q).reduce((n, r) => n + (r.metrics.offered ?? 0), 0)]));
    const fromQuarters = await runReport(database, query, CONFIG, {}, now);
    await buildAllStrips();
    expect(Number((await database.query<{ n: string }>(`select count(*) as n from rollup_strip_days where built and day = $1::date`, [new Date(since).toISOString().slice(0, 10)]))[0]!.n)).toBe(1);
    const fromStrips = await runReport(database, query, CONFIG, {}, now);
    expect(fromStrips.rows).toEqual(fromQuarters.rows);
    expect(offered(fromStrips.rows)).toEqual(Object.fromEntries(odd.map((q) => [q, 1])));
    const limited = await runReport(database, query, CONFIG, { queues: [odd[0]!, odd[2]!] }, now);
    expect(new Set(limited.rows.map((r) => r.key))).toEqual(new Set([odd[0], odd[2]]));
    expect(offered(limited.rows)).toEqual({ [odd[0]!]: 1, [odd[1]!]: 0, [odd[2]!]: 1, [odd[3]!]: 0 });
  });

  it("read a finished day's agent time from its strips, and a late state makes the day's strips stale", async () => {
    // A database of its own: no agent left in a tracked state (their open time would keep the slots off the strips).
    const own = await openMigratedTestDatabase();
    try {
      const db = own.database;
      const now = Date.now();
      const day = dayOf(now - 4 * 86_400_000);
      const nine = dayStart(day, TZ) + 9 * 3_600_000;
      const min = 60_000;
      const write = async (raw: object[]) => {
        const events = raw.map((r) => parseEvent(r, now)).map((p) => (p.ok ? p.event : expect.unreachable(p.error)));
        await new EventWriter(db).write(events.map((event) => ({ event, payload: JSON.stringify(event) })));
        await catchUpRollups(db, CONFIG);
      };
      await write([
        { id: "s1-1", type: "agent.state", at: nine, agentId: "s1", state: "available", queues: ["support"] },
        { id: "s1-2", type: "agent.state", at: nine + 120 * min, agentId: "s1", state: "offline" },
        { id: "s2-1", type: "agent.state", at: nine, agentId: "s2", state: "available", queues: ["sales", "support"] },
        { id: "s2-2", type: "agent.state", at: nine + 60 * min, agentId: "s2", state: "offline" },
      ]);
      const report = (groupBy: GroupBy) =>
        runReport(db, reportQuerySchema.parse({ from: day, to: day, granularity: "15m", groupBy, metrics: "occupancy,agentsStaffed" }), CONFIG, {}, now);
      const cell = (rows: { key: string | null; bucket: string; metrics: Record<string, number | null> }[], key: string | null, at: number) =>
        rows.find((r) => r.key === key && Date.parse(r.bucket) === at)?.metrics;
      const built = async () => Number((await db.query<{ n: string }>(`select count(*) as n from rollup_strip_days where built`))[0]!.n);
      await buildStrips(db, now, Infinity);
      expect(await built()).toBeGreaterThan(0);
      const before = await report("queue");
      expect(cell(before.rows, "support", nine + 30 * min)).toEqual({ occupancy: 0, agentsStaffed: 2 });
      expect(cell(before.rows, "support", nine + 75 * min)).toEqual({ occupancy: 0, agentsStaffed: 1 });
      expect(cell(before.rows, "sales", nine)).toEqual({ occupancy: 0, agentsStaffed: 1 });
      expect(cell(before.rows, "sales", nine + 75 * min)?.agentsStaffed ?? null).toBeNull();
      expect(cell((await report("none")).rows, null, nine)).toEqual({ occupancy: 0, agentsStaffed: 2 });

      // s1 was busy 09:30–09:45, told late: the day's strips no longer say so, the quarter-hours do.
      await write([
        { id: "s1-late-1", type: "agent.state", at: nine + 30 * min, agentId: "s1", state: "busy" },
        { id: "s1-late-2", type: "agent.state", at: nine + 45 * min, agentId: "s1", state: "available" },
      ]);
      expect(await built()).toBe(0);
      const after = await report("queue");
      expect(cell(after.rows, "support", nine + 30 * min)).toEqual({ occupancy: 0.5, agentsStaffed: 2 });
      expect(cell(after.rows, "sales", nine + 30 * min)).toEqual({ occupancy: 0, agentsStaffed: 1 });
      await buildStrips(db, now, Infinity);
      expect(await built()).toBeGreaterThan(0);
      expect((await report("queue")).rows).toEqual(after.rows);
      expect(cell((await report("none")).rows, null, nine + 30 * min)).toEqual({ occupancy: 0.5, agentsStaffed: 2 });
    } finally {
      await own.close();
    }
  });

  it("follow new thresholds from today on, as the live engine does", async () => {
    const now = Date.now();
    // Contacts of this morning answered after 10 s and a 6 s abandon: in the service level and a long abandon
    // under the old thresholds, neither under the new ones — so the rows and their strips change.
    const writer = new EventWriter(database);
    const since = Math.max(dayStart(dayOf(now), TZ), now - 3_600_000);
    const morning = [0, 1, 2, 3].flatMap((i) => {
      const at = since + i * 60_000;
      const queue = ["support", "sales", "billing", "support"][i]!;
      return [
        { id: `t-${i}-o`, type: "contact.offered", at, contactId: `t${i}`, queue, channel: "voice" },
        i === 3 ? { id: `t-${i}-x`, type: "contact.abandoned", at: at + 6_000, contactId: `t${i}` } : { id: `t-${i}-a`, type: "contact.answered", at: at + 10_000, contactId: `t${i}`, agentId: "a1" },
      ];
    }).map((raw) => parseEvent(raw, now)).map((p) => (p.ok ? p.event : expect.unreachable(p.error)));
    await writer.write(morning.map((event) => ({ event, payload: JSON.stringify(event) })));
    await catchUpRollups(database, CONFIG);
    await buildAllStrips();
    const sums = async () => (await database.query<{ s: string }>(`select sum(answered_in_sl) || '/' || sum(short_abandoned) as s from rollups where grain = 'q' and level = 1`))[0]!.s;
    const before = await sums();
    const changed: EngineConfig = { ...CONFIG, slSeconds: 8, slSecondsByQueue: { billing: 45 }, shortAbandonSecondsByQueue: { sales: 12, support: 8 } };
    const today = dayOf(now);
    await rebuildFactsFrom(database, changed, dayStart(today, TZ));
    expect(await sums()).not.toBe(before);
    expect(await expectReportsEqualRecomputation(now, changed, today)).toBeGreaterThan(100);
  });
});
