import { describe, expect, it } from "vitest";
import { sortRows } from "../../lib/reports/sort-rows";
import { chartData } from "./chart-data";

describe("chart data", () => {
  it("puts the points in time order whatever the table's order, across a change of offset", () => {
    const buckets = ["2026-10-25T01:00:00+02:00", "2026-10-25T02:00:00+02:00", "2026-10-25T02:00:00+01:00", "2026-10-25T03:00:00+01:00"];
    const rows = buckets.flatMap((bucket, i) => [
      { bucket, key: "sales", metrics: { offered: i } },
      { bucket, key: "support", metrics: { offered: 2 * i } },
    ]);
    const inTime = chartData(rows, "offered", (b) => b);
    expect(inTime.points.map((p) => p.bucket)).toEqual(buckets);
    expect(chartData(sortRows(rows, { column: "offered", descending: true }), "offered", (b) => b)).toEqual(inTime);
  });
});
