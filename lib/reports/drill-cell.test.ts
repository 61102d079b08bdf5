import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BatchFold, type Restriction } from "../metrics/batch";
import { HISTORICAL_IDS } from "../metrics/registry";
import type { Scope } from "../metrics/scope";
import { AGENTS, CHANNELS, QUEUES, streamArb } from "../metrics/testing/streams";
import { buckets } from "./calendar";
import { drillCell, fieldsOf, recompute, type DrillCell } from "./drill-cell";

const TZ = "Europe/Paris";
const NOW = Date.parse("2026-11-23T15:00:00+01:00");
const config = { timeZone: TZ, slSeconds: 18, slSecondsByQueue: { sales: 30 }, shortAbandonSecondsByQueue: { support: 5 }, repeatDays: 1 };
const SCOPES: Scope[] = ["all", ...QUEUES.map((q) => `queue:${q}` as Scope), ...AGENTS.map((a) => `agent:${a}` as Scope), ...CHANNELS.map((c) => `channel:${c}` as Scope)];
const METRICS = ["offered", "answered", "abandonRate", "serviceLevel", "asa", "aht", "resolutionTime", "dmtt", "penetrationRate", "csat", "nps", "salesAmount", "fcrRepeat", "occupancy"];
const RESTRICTIONS: Restriction[] = [{}, { queues: ["sales"] }, { agentId: "a1" }];
/** Yesterday and today by 6 hours, then the two days whole. */
const SLOTS = [
  ...buckets("2026-11-22", "2026-11-23", "day", TZ).flatMap((d) => [0, 1, 2, 3].map((i) => ({ start: d.start + i * 6 * 3_600_000, end: d.start + (i + 1) * 6 * 3_600_000 }))),
  { start: Date.parse("2026-11-22T00:00:00+01:00"), end: Date.parse("2026-11-24T00:00:00+01:00") },
];

/** What a drill-down promises: the listed entities' figures add up to the cell, and give back its value. */
function expectSumsToCell(d: DrillCell, label: string): void {
  for (const f of d.fields) {
    if (d.notFromEntities.includes(f)) continue;
    expect(d.totals[f], `${label} ${f}`).toBe(d.cell[f]);
    expect(d.entities.reduce((s, e) => s + e.fields[f]!, 0), `${label} ${f} listed`).toBe(d.cell[f]);
  }
  expect(recompute(d), `${label} value`).toBe(d.value);
  expect(new Set(d.entities.map((e) => e.entity)).size, `${label} each entity once`).toBe(d.entities.length);
  for (const e of d.entities) expect(Object.values(e.fields).some((v) => v !== 0), `${label} ${e.entity} contributes`).toBe(true);
}

describe("fieldsOf: the figures a KPI reads, observed on its compute", () => {
  it("names the registry's inputs", () => {
    expect(fieldsOf("offered")).toEqual(["offered"]);
    expect(fieldsOf("asa")).toEqual(["answered", "waitMs"]);
    expect(fieldsOf("aht")).toEqual(["handled", "handleMs"]);
    expect(fieldsOf("serviceLevel")).toEqual(["offered", "answeredInSl", "selfServed", "waitingUnderSl"]);
    expect(fieldsOf("nope")).toEqual([]);
  });
  it("every historical KPI reads at least one figure", () => {
    for (const id of HISTORICAL_IDS) expect(fieldsOf(id).length, id).toBeGreaterThan(0);
  });
});

describe("drill-down of a report cell", () => {
  it("for random streams, every cell's entities sum to the cell, for several metrics, groupings and reader limits", () => {
    fc.assert(
      fc.property(streamArb(NOW, 60), (events) => {
        const fold = new BatchFold(events, config);
        for (const only of RESTRICTIONS)
          for (const scope of SCOPES)
            for (const slot of SLOTS) {
              const values = fold.metrics(scope, slot.start, slot.end, NOW, only);
              for (const id of METRICS) {
                const d = drillCell(fold, scope, slot.start, slot.end, NOW, only, id);
                expect(d.value, `${scope} ${id}`).toBe(values[id] ?? null);
                expectSumsToCell(d, `${JSON.stringify(only)} ${scope} ${slot.start} ${id}`);
              }
            }
      }),
      { numRuns: 8 },
    );
  });

  it("holds for every historical KPI over the whole centre", () => {
    fc.assert(
      fc.property(streamArb(NOW, 45), (events) => {
        const fold = new BatchFold(events, config);
        const slot = SLOTS[SLOTS.length - 1]!;
        for (const id of HISTORICAL_IDS) expectSumsToCell(drillCell(fold, "all", slot.start, slot.end, NOW, {}, id), id);
      }),
      { numRuns: 40 },
    );
  });

  it("lists the contacts behind an offered cell, with their contribution", async () => {
    const { parseEvent } = await import("../events/schema");
    let k = 0;
    const ev = (raw: Record<string, unknown>) => {
      const r = parseEvent({ id: `d${k++}`, ...raw }, NOW);
      if (!r.ok) throw new Error(r.error);
      return r.event;
    };
    const t0 = NOW - 3_600_000;
    const events = [
      ev({ type: "contact.offered", at: t0, contactId: "x1", queue: "support" }),
      ev({ type: "contact.answered", at: t0 + 10_000, contactId: "x1", agentId: "a1" }),
      ev({ type: "contact.offered", at: t0 + 1_000, contactId: "x2", queue: "support" }),
      ev({ type: "contact.abandoned", at: t0 + 5_000, contactId: "x2" }),
      ev({ type: "contact.offered", at: t0 + 2_000, contactId: "x3", queue: "sales", direction: "outbound" }),
    ];
    const fold = new BatchFold(events, config);
    const d = drillCell(fold, "queue:support", t0 - 60_000, NOW, NOW, {}, "asa");
    expect(d.entities.map((e) => [e.entity, e.fields])).toEqual([["contact:x1", { answered: 1, waitMs: 10_000 }]]);
    const offered = drillCell(fold, "all", t0 - 60_000, NOW, NOW, {}, "offered");
    expect(offered.entities.map((e) => e.id)).toEqual(["x1", "x2"]);
    expect(drillCell(fold, "all", t0 - 60_000, NOW, NOW, { agentId: "a1" }, "offered").entities.map((e) => e.id)).toEqual(["x1"]);
  });
});
