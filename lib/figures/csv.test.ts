import { describe, expect, it } from "vitest";
import { FIGURES } from "../metrics/period-kpis";
import { CsvFormatError, headerKey, parseFiguresCsv } from "./csv";
import { parseNumber } from "./number";

describe("figures CSV", () => {
  it("reads the wide format with `;`, decimal commas and every period label", () => {
    const csv = [
      "period;marketingCosts;salesCosts;newCustomers",
      "2026;120000,50;80000;1800",
      "2026-Q3;30 000;20000;450",
      "2026-11;6000;4000;150",
      "2026-W47;1500;1000;40",
      "2026-11-23;300;200;8",
    ].join("\r\n");
    const { rows, rejected } = parseFiguresCsv(csv);
    expect(rejected).toEqual([]);
    expect(rows.map((r) => [r.line, r.period.kind, r.period.start, r.label])).toEqual([
      [2, "year", "2026-01-01", "2026"],
      [3, "quarter", "2026-07-01", "2026-Q3"],
      [4, "month", "2026-11-01", "2026-11"],
      [5, "week", "2026-11-16", "2026-W47"],
      [6, "day", "2026-11-23", "2026-11-23"],
    ]);
    expect(rows[0]!.values).toEqual({ marketingCosts: 120000.5, salesCosts: 80000, newCustomers: 1800 });
    expect(rows[1]!.values.marketingCosts).toBe(30000);
  });

  it("accepts French and English names as headers, `,` separators and quoted cells", () => {
    const csv = '\uFEFFPériode,"Total des coûts marketing",total sales costs,Nouveaux clients acquis\n2026-11,"6000,5",4000,150\n';
    const { rows, rejected } = parseFiguresCsv(csv);
    expect(rejected).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.values).toEqual({ marketingCosts: 6000.5, salesCosts: 4000, newCustomers: 150 });
  });

  it("typographic apostrophes, accents and case do not matter in headers", () => {
    expect(headerKey("Heures d’absence")).toBe(headerKey("heures d'absence"));
    expect(headerKey("COÛTS")).toBe("couts");
  });

  it("no two figures share a header", () => {
    const owners = new Map<string, string>();
    for (const f of FIGURES) {
      for (const h of new Set([f.id, f.name.fr, f.name.en].map(headerKey))) {
        expect(owners.get(h) ?? f.id, `"${h}"`).toBe(f.id);
        owners.set(h, f.id);
      }
    }
  });

  it("reports every rejected row and cell with its line, and keeps the rest", () => {
    const csv = [
      "period;marketingCosts;newCustomers;bogus;newCustomers",
      "2026-11;6000;150;1;2",
      "2026-13;1;1",
      "2026-10;-5;12.5",
      "2026-09;abc;10",
      "2026-11;1;1",
      "2026-08;1;2;3;4;5",
      "",
      "2026-07;;30",
    ].join("\n");
    const { rows, rejected } = parseFiguresCsv(csv);
    expect(rows.map((r) => [r.line, r.label, r.values])).toEqual([
      [2, "2026-11", { marketingCosts: 6000, newCustomers: 150 }],
      [4, "2026-10", {}],
      [5, "2026-09", { newCustomers: 10 }],
      [9, "2026-07", { newCustomers: 30 }],
    ]);
    expect(rejected.map((r) => [r.line, r.column ?? null, r.value ?? null, r.code])).toEqual([
      [1, "bogus", null, "unknownColumn"],
      [1, "newCustomers", null, "duplicateColumn"],
      [3, "period", "2026-13", "period"],
      [4, "marketingCosts", "-5", "negative"],
      [4, "newCustomers", "12.5", "notWhole"],
      [5, "marketingCosts", "abc", "notANumber"],
      [6, null, "2026-11", "duplicatePeriod"],
      [7, null, "2026-08", "tooManyCells"],
    ]);
    for (const r of rejected) expect(r.reason).not.toBe("");
  });

  it("counts lines from the start of each record, across quoted newlines", () => {
    const { rows, rejected } = parseFiguresCsv('period;marketingCosts\n"2026-11";"6000"\n"2026\n-12";1\n2026-10;x\n');
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
    expect(rejected.map((r) => [r.line, r.code])).toEqual([
      [3, "period"],
      [5, "notANumber"],
    ]);
  });

  it("refuses a file whose first column is not `period`", () => {
    expect(() => parseFiguresCsv("month;marketingCosts\n2026-11;1")).toThrow(CsvFormatError);
    expect(() => parseFiguresCsv("")).toThrow(CsvFormatError);
  });

  it.each([
    ["1234", 1234],
    ["1234.5", 1234.5],
    ["1234,5", 1234.5],
    ["10 000", 10000],
    ["10\u202f000,25", 10000.25],
    ["-3", -3],
    ["1.234,5", null],
    ["1e3", null],
    ["12 €", null],
    ["", null],
  ])("parseNumber(%j) = %j", (cell, expected) => {
    expect(parseNumber(cell)).toBe(expected);
  });
});
