import { describe, expect, it } from "vitest";
import { columnOf } from "../../lib/reports/lazy-report";
import { sortRows } from "../../lib/reports/sort-rows";
import { chartData } from "./chart-data";

describe("chart data", () => {
  it("puts the points in time order whatever the table's order, across a change of offset", () => {
    const buckets = ["2026-10-25T01:00:00+02:00", "2026-10-25T02:00:00+02:00", "2026-10-25T02:00:00+01:00", "2026-10-25T03:00:00+01:00"];
    const rows = buckets.flatMap((bucket, i) => [
      { bucket, key: "sales", metrics: { offered: i } },
      { bucket, key: "support", metrics: { offered: 2 * i } },
    ]);
    const inTime = chartData(columnOf({ rows }, "offered"), (b) => b);
    expect(inTime.points.map((p) => p.bucket)).toEqual(buckets);
    expect(inTime.points[2]).toEqual({ bucket: buckets[2], s0: 2, s1: 4 });
    expect(chartData(columnOf({ rows: sortRows(rows, { column: "offered", descending: true }) }, "offered"), (b) => b)).toEqual(inTime);
  });

  it("shows the largest groups by the sum of their values, named in order, and says how many there are", () => {
    const rows = ["a", "b", "c", "d"].flatMap((key, k) => [
      { bucket: "2026-10-26T08:00:00+01:00", key, metrics: { aht: k === 2 ? null : -k * 10 } },
      { bucket: "2026-10-26T09:00:00+01:00", key, metrics: { aht: k } },
    ]);
    const chart = chartData(columnOf({ rows }, "aht"), (b) => b.slice(11, 16), 2);
    expect(chart).toEqual({
      series: ["b", "d"],
      total: 4,
      points: [
        { bucket: "08:00", s0: -10, s1: -30 },
        { bucket: "09:00", s0: 1, s1: 3 },
      ],
    });
  });
});
