import { describe, expect, it } from "vitest";
import { isPeriodStart, localDate, parsePeriod, periodContaining, periodEnd, periodLabel, shiftPeriod, type Period } from "./period";

describe("periods", () => {
  it.each([
    ["2026", { kind: "year", start: "2026-01-01" }],
    ["2026-Q3", { kind: "quarter", start: "2026-07-01" }],
    ["2026-q1", { kind: "quarter", start: "2026-01-01" }],
    ["2026-11", { kind: "month", start: "2026-11-01" }],
    ["2026-W47", { kind: "week", start: "2026-11-16" }],
    ["2026-W01", { kind: "week", start: "2025-12-29" }],
    ["2026-W53", { kind: "week", start: "2026-12-28" }], // 2026 has 53 ISO weeks
    ["2026-11-23", { kind: "day", start: "2026-11-23" }],
    [" 2026-11 ", { kind: "month", start: "2026-11-01" }],
  ] as const)("parses %s", (label, expected) => {
    expect(parsePeriod(label)).toEqual(expected);
  });

  it.each(["", "26", "2026-13", "2026-00", "2026-Q5", "2025-W53", "2026-W00", "2026-02-30", "2026-11-23T00:00", "nov 2026", "2026/11"])(
    "refuses %j",
    (label) => {
      expect(parsePeriod(label)).toBeNull();
    },
  );

  it("labels round-trip", () => {
    for (const label of ["2026", "2026-Q4", "2026-11", "2026-W47", "2026-W01", "2026-W53", "2020-W53", "2026-11-23", "2024-02-29"]) {
      expect(periodLabel(parsePeriod(label)!)).toBe(label);
    }
  });

  it("finds the period holding a day", () => {
    expect(periodContaining("week", "2026-11-23")).toEqual({ kind: "week", start: "2026-11-23" });
    expect(periodContaining("week", "2026-11-29")).toEqual({ kind: "week", start: "2026-11-23" });
    expect(periodContaining("week", "2027-01-01")).toEqual({ kind: "week", start: "2026-12-28" });
    expect(periodContaining("quarter", "2026-11-23")).toEqual({ kind: "quarter", start: "2026-10-01" });
    expect(periodContaining("month", "2026-11-23")).toEqual({ kind: "month", start: "2026-11-01" });
    expect(periodContaining("year", "2026-11-23")).toEqual({ kind: "year", start: "2026-01-01" });
    expect(periodContaining("day", "2026-02-30")).toBeNull();
    expect(isPeriodStart("month", "2026-11-01")).toBe(true);
    expect(isPeriodStart("month", "2026-11-02")).toBe(false);
    expect(isPeriodStart("week", "2026-11-22")).toBe(false);
  });

  it("shifts across year ends and gives the last day", () => {
    const p = (kind: Period["kind"], start: string): Period => ({ kind, start });
    expect(shiftPeriod(p("month", "2026-11-01"), 2)).toEqual(p("month", "2027-01-01"));
    expect(shiftPeriod(p("month", "2026-01-01"), -1)).toEqual(p("month", "2025-12-01"));
    expect(shiftPeriod(p("quarter", "2026-10-01"), 1)).toEqual(p("quarter", "2027-01-01"));
    expect(shiftPeriod(p("week", "2026-12-28"), 1)).toEqual(p("week", "2027-01-04"));
    expect(shiftPeriod(p("day", "2026-03-01"), -1)).toEqual(p("day", "2026-02-28"));
    expect(shiftPeriod(p("year", "2026-01-01"), -3)).toEqual(p("year", "2023-01-01"));
    expect(periodEnd(p("month", "2026-02-01"))).toBe("2026-02-28");
    expect(periodEnd(p("week", "2026-11-23"))).toBe("2026-11-29");
    expect(periodEnd(p("quarter", "2026-10-01"))).toBe("2026-12-31");
  });

  it("tells the center's date of an instant", () => {
    const at = new Date("2026-11-22T23:30:00Z");
    expect(localDate(at, "Europe/Paris")).toBe("2026-11-23");
    expect(localDate(at, "America/Montreal")).toBe("2026-11-22");
  });
});
