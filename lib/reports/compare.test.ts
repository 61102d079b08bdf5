import { describe, expect, it } from "vitest";
import { change, compareReports, previousRange } from "./compare";
import { reportCsv } from "./csv";
import type { Report } from "./run-report";

describe("previousRange", () => {
  it("yesterday for today, the week and month before for this week and month", () => {
    expect(previousRange("2026-11-23", "2026-11-23")).toEqual({ from: "2026-11-22", to: "2026-11-22" });
    // Monday..Wednesday → the Monday..Wednesday before.
    expect(previousRange("2026-11-23", "2026-11-25")).toEqual({ from: "2026-11-16", to: "2026-11-18" });
    expect(previousRange("2026-11-16", "2026-11-22")).toEqual({ from: "2026-11-09", to: "2026-11-15" });
    expect(previousRange("2026-11-01", "2026-11-23")).toEqual({ from: "2026-10-01", to: "2026-10-23" });
    expect(previousRange("2026-10-01", "2026-10-31")).toEqual({ from: "2026-09-01", to: "2026-09-30" });
    expect(previousRange("2026-03-01", "2026-03-31")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(previousRange("2026-03-01", "2026-03-30")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(previousRange("2026-11-18", "2026-11-20")).toEqual({ from: "2026-11-15", to: "2026-11-17" });
  });
});

describe("compareReports", () => {
  const report = (from: string, rows: Report["rows"]): Report => ({
    from, to: from, granularity: "hour", groupBy: "queue", metrics: ["offered", "serviceLevel"], rows,
  });
  it("matches rows by bucket position and key; points for ratios", () => {
    const cur = report("2026-11-23", [
      { bucket: "2026-11-23T08:00:00+01:00", key: "sales", metrics: { offered: 10, serviceLevel: 0.8 } },
      { bucket: "2026-11-23T08:00:00+01:00", key: "support", metrics: { offered: 4, serviceLevel: null } },
    ]);
    const prev = report("2026-11-22", [{ bucket: "2026-11-22T08:00:00+01:00", key: "sales", metrics: { offered: 7, serviceLevel: 0.75 } }]);
    const out = compareReports(cur, prev);
    expect(out.previous).toEqual({ from: "2026-11-22", to: "2026-11-22" });
    expect(out.rows[0]).toMatchObject({ previous: { offered: 7, serviceLevel: 0.75 }, change: { offered: 3, serviceLevel: 5 } });
    expect(out.rows[1]).toMatchObject({ previous: { offered: null, serviceLevel: null }, change: { offered: null, serviceLevel: null } });
  });
  it("never invents a change from a missing value", () => {
    expect(change("aht", 120, null)).toBeNull();
    expect(change("aht", 120, 100)).toBe(20);
  });
  it("adds <id>_previous and <id>_change columns to the CSV, and only when compared", () => {
    const cur = report("2026-11-23", [{ bucket: "2026-11-23T08:00:00+01:00", key: "sales", metrics: { offered: 10, serviceLevel: 0.8 } }]);
    const prev = report("2026-11-22", [{ bucket: "2026-11-22T08:00:00+01:00", key: "sales", metrics: { offered: 7, serviceLevel: null } }]);
    expect(reportCsv(compareReports(cur, prev))).toBe(
      "bucket,key,offered,serviceLevel,offered_previous,offered_change,serviceLevel_previous,serviceLevel_change\r\n" +
        "2026-11-23T08:00:00+01:00,sales,10,0.8,7,3,,\r\n",
    );
    expect(reportCsv(cur)).toBe("bucket,key,offered,serviceLevel\r\n2026-11-23T08:00:00+01:00,sales,10,0.8\r\n");
  });
});
