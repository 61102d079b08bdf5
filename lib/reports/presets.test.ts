import { describe, expect, it } from "vitest";
import { dayIn, presetRange, presetRanges } from "./presets";

describe("report presets", () => {
  it("takes today in the centre's zone, not in UTC", () => {
    // 23:30 UTC on Sunday 22 November is already Monday 23 in Paris, still Sunday in New York.
    const at = Date.parse("2026-11-22T23:30:00Z");
    expect(dayIn(at, "Europe/Paris")).toBe("2026-11-23");
    expect(dayIn(at, "America/New_York")).toBe("2026-11-22");
    expect(presetRanges(at, "Europe/Paris").today).toEqual({ from: "2026-11-23", to: "2026-11-23" });
    expect(presetRanges(at, "America/New_York").thisWeek).toEqual({ from: "2026-11-16", to: "2026-11-22" });
  });

  it("starts weeks on Monday; this week and this month stop at today", () => {
    expect(presetRange("thisWeek", "2026-11-25")).toEqual({ from: "2026-11-23", to: "2026-11-25" });
    expect(presetRange("thisWeek", "2026-11-23")).toEqual({ from: "2026-11-23", to: "2026-11-23" });
    expect(presetRange("lastWeek", "2026-11-29")).toEqual({ from: "2026-11-16", to: "2026-11-22" });
    expect(presetRange("thisMonth", "2026-11-25")).toEqual({ from: "2026-11-01", to: "2026-11-25" });
  });

  it("crosses month and year boundaries, leap days included", () => {
    expect(presetRange("yesterday", "2027-01-01")).toEqual({ from: "2026-12-31", to: "2026-12-31" });
    expect(presetRange("lastWeek", "2027-01-01")).toEqual({ from: "2026-12-21", to: "2026-12-27" });
    expect(presetRange("lastMonth", "2027-01-15")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(presetRange("lastMonth", "2028-03-31")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(presetRange("yesterday", "2028-03-01")).toEqual({ from: "2028-02-29", to: "2028-02-29" });
  });

  it("is unaffected by clock changes: the spring-forward week is seven calendar days", () => {
    expect(presetRange("lastWeek", "2026-03-30")).toEqual({ from: "2026-03-23", to: "2026-03-29" });
  });
});
