import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Drizzle } from "../../db/client";
import { periodFigures } from "../../db/schema";
import { listAudit } from "../auth/audit";
import { backendName, openMigratedTestDatabase } from "../../db/testing";
import { getPeriodFigures, historyRange, listPeriodFigures } from "./history";
import { importFiguresCsv } from "./import";
import { parsePeriod } from "./period";
import { upsertPeriodFigures } from "./upsert";

const manager = { kind: "user", id: "u-manager" } as const;
let db: Drizzle;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const opened = await openMigratedTestDatabase();
  db = opened.database.db;
  dispose = opened.close;
});
afterAll(async () => dispose?.());

const audits = async (action: string) => (await listAudit(db, { limit: 500 })).entries.filter((e) => e.action === action);
const rowCount = async () => (await db.select().from(periodFigures)).length;

describe(`period figures (${backendName()})`, () => {
  it("stores a month's figures and computes the CAC of the seed article: 10,000 € for 150 customers → 66.67 €", async () => {
    const saved = await upsertPeriodFigures(db, { period: "2026-11", values: { marketingCosts: 6000, salesCosts: 4000, newCustomers: 150 } }, manager);
    expect(saved.label).toBe("2026-11");
    expect(saved.period).toEqual({ kind: "month", start: "2026-11-01" });
    expect(saved.kpis.cac!.toFixed(2)).toBe("66.67");
    expect(saved.kpis.roi).toBeNull();

    const [entry] = await audits("figures.update");
    expect(entry).toMatchObject({ actor: manager, target: "2026-11" });
    expect(entry!.details).toEqual({
      kind: "month",
      changes: { marketingCosts: { from: null, to: 6000 }, salesCosts: { from: null, to: 4000 }, newCustomers: { from: null, to: 150 } },
    });
    const rows = await db.select().from(periodFigures);
    expect(rows.every((r) => r.updatedBy === "u-manager" && r.kind === "month" && r.periodStart === "2026-11-01")).toBe(true);
  });

  it("writes only what changes, clears with null, and keeps amounts exact", async () => {
    const before = (await audits("figures.update")).length;
    const same = await upsertPeriodFigures(db, { period: "2026-11", values: { marketingCosts: 6000 } }, manager);
    expect(same.changes).toEqual({});
    expect((await audits("figures.update")).length).toBe(before);

    const cleared = await upsertPeriodFigures(db, { period: "2026-11", values: { salesCosts: null, leadSpend: 1234567.89, leadsCollected: 3 } }, manager);
    expect(cleared.figures).toEqual({ marketingCosts: 6000, newCustomers: 150, leadSpend: 1234567.89, leadsCollected: 3 });
    expect(cleared.kpis.cac).toBeNull();
    expect((await audits("figures.update"))[0]!.details).toMatchObject({ changes: { salesCosts: { from: 4000, to: null } } });
    const stored = await getPeriodFigures(db, parsePeriod("2026-11")!);
    expect(stored.figures.leadSpend).toBe(1234567.89);
    expect(stored.kpis.cpl).toBeCloseTo(411522.63, 2);
  });

  it.each([
    [{ period: "2026-11", values: { marketingCosts: -1 } }, /marketingCosts/],
    [{ period: "2026-11", values: { newCustomers: 1.5 } }, /whole number/],
    [{ period: "2026-11", values: { marketingCosts: Number.NaN } }, /marketingCosts/],
    [{ period: "2026-11", values: { notAFigure: 1 } }, /notAFigure/],
    [{ period: "2026-13", values: { marketingCosts: 1 } }, /period/],
  ])("refuses %j and changes nothing", async (input, message) => {
    const rows = await rowCount();
    const entries = (await listAudit(db, { limit: 500 })).entries.length;
    await expect(upsertPeriodFigures(db, input as never, manager)).rejects.toThrow(message);
    expect(await rowCount()).toBe(rows);
    expect((await listAudit(db, { limit: 500 })).entries.length).toBe(entries);
  });

  it("lists the history of one kind over a range, newest first", async () => {
    await upsertPeriodFigures(db, { period: "2026-09", values: { customersStart: 200, customersEnd: 210, newCustomers: 30 } }, manager);
    await upsertPeriodFigures(db, { period: "2025-12", values: { customersStart: 100 } }, manager);
    await upsertPeriodFigures(db, { period: "2026-W47", values: { marketingCosts: 1 } }, manager);
    const range = historyRange("month", "2026-11-23", "2026", "2026");
    if ("field" in range) throw new Error(range.reason);
    const history = await listPeriodFigures(db, { kind: "month", ...range });
    expect(history.map((h) => h.label)).toEqual(["2026-11", "2026-09"]);
    expect(history[1]!.kpis.retentionRate).toBeCloseTo(0.9);
    expect(history[0]!.updatedBy).toBe("u-manager");
    const weeks = await listPeriodFigures(db, { kind: "week", from: parsePeriod("2026-W40")!, to: parsePeriod("2026-W50")! });
    expect(weeks.map((h) => h.label)).toEqual(["2026-W47"]);
  });

  it("history ranges: defaults to the 12 periods up to today, refuses reversed or huge ranges", () => {
    expect(historyRange("month", "2026-11-23")).toEqual({ from: { kind: "month", start: "2025-12-01" }, to: { kind: "month", start: "2026-11-01" } });
    expect(historyRange("quarter", "2026-11-23", "2026-01")).toEqual({ from: { kind: "quarter", start: "2026-01-01" }, to: { kind: "quarter", start: "2026-10-01" } });
    expect(historyRange("month", "2026-11-23", "2026-12", "2026-01")).toEqual({ field: "from", reason: "must not be after to" });
    expect(historyRange("day", "2026-11-23", "2020-01-01", "2026-01-01")).toMatchObject({ field: "to", reason: /at most/ });
    expect(historyRange("month", "2026-11-23", "nope")).toMatchObject({ field: "from", reason: /must be a period/ });
  });

  it("a CSV dry run reports changes and rejections and writes nothing", async () => {
    const rows = await rowCount();
    const entries = (await listAudit(db, { limit: 500 })).entries.length;
    const report = await importFiguresCsv(db, "period;marketingCosts;newCustomers\n2026-11;7000;150\n2026-13;1;1\n2026-10;500;x\n", { actor: manager, dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.periods).toEqual([
      { line: 2, label: "2026-11", kind: "month", changes: { marketingCosts: { from: 6000, to: 7000 } } },
      { line: 4, label: "2026-10", kind: "month", changes: { marketingCosts: { from: null, to: 500 } } },
    ]);
    expect(report.changed).toBe(2);
    expect(report.rejected.map((r) => [r.line, r.code])).toEqual([
      [3, "period"],
      [4, "notANumber"],
    ]);
    expect(await rowCount()).toBe(rows);
    expect((await listAudit(db, { limit: 500 })).entries.length).toBe(entries);
  });

  it("a CSV import writes the valid rows, one audit entry per changed period, and reports the rest", async () => {
    const csv = "Période;Total des coûts marketing;Total sales costs;Nouveaux clients acquis\n2026-10;3000;2000;50\n2026-11;6000;;150\nbad;1;1;1\n2026-Q4;9000;6000;200\n";
    const report = await importFiguresCsv(db, csv, { actor: manager });
    expect(report.dryRun).toBe(false);
    expect(report.rejected.map((r) => [r.line, r.code])).toEqual([[4, "period"]]);
    expect(report.periods.map((p) => [p.label, Object.keys(p.changes).length])).toEqual([
      ["2026-10", 3],
      ["2026-11", 0],
      ["2026-Q4", 3],
    ]);
    const imported = await audits("figures.import");
    expect(imported.map((e) => e.target).sort()).toEqual(["2026-10", "2026-Q4"]);
    expect((await getPeriodFigures(db, parsePeriod("2026-10")!)).kpis.cac).toBe(100);
    expect((await getPeriodFigures(db, parsePeriod("2026-Q4")!)).kpis.cac).toBe(75);
  });
});
