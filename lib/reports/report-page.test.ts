import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ComparedReport } from "./compare";
import { columnOf } from "./lazy-report";
import { readPage } from "./report-page";
import { testReport } from "./testing/computed";

/** A report of `nb` buckets × `keys` (cell c holds offered = c). */
function computed(nb: number, keys: string[]) {
  const buckets = Array.from({ length: nb }, (_, b) => `b${b}`);
  return testReport(buckets, keys, ["offered"], Array.from({ length: nb * keys.length }, (_, c) => [c]));
}

describe("the report page's read", () => {
  it("takes the first rows, the count and, under the chart's limit, every row; then releases the sums", () => {
    fc.assert(
      fc.property(fc.nat(30), fc.integer({ min: 1, max: 3 }), fc.nat(40), fc.nat(40), (nb, nk, n, chartBuckets) => {
        const { report, rows, seen } = computed(nb, ["a", "b", "c"].slice(0, nk));
        const page = readPage(report, n, chartBuckets);
        expect(page.shown).toEqual({ from: report.from, to: report.to, granularity: "hour", groupBy: "queue", metrics: ["offered"], rows: rows.slice(0, n) });
        expect(page.total).toBe(rows.length);
        // (A report of no bucket still has its keys; its plain rows name none.)
        if (nb > chartBuckets) expect(page.chart).toBeNull();
        else if (nb > 0) expect(page.chart).toEqual(columnOf({ rows }, "offered"));
        else expect(page.chart?.values).toHaveLength(0);
        // Rows are built for the table only; the chart computes one column (a 90-day report at 15 minutes has 432,000
        // cells, and no chart).
        expect(seen.computed).toBe(Math.min(n, rows.length) + (nb <= chartBuckets ? rows.length : 0));
        expect(seen.released).toBe(1);
        if (nb > chartBuckets && rows.length > 0) expect(() => report.rows).toThrow(/after release/);
      }),
    );
  });

  it("reads a plain (compared) report as it is", () => {
    const compared: ComparedReport = {
      from: "2026-03-29",
      to: "2026-03-30",
      granularity: "hour",
      groupBy: "queue",
      metrics: ["offered"],
      previous: { from: "2026-03-27", to: "2026-03-28" },
      rows: [
        { bucket: "b0", key: "a", metrics: { offered: 1 }, previous: { offered: 2 }, change: { offered: -1 } },
        { bucket: "b1", key: "a", metrics: { offered: 3 }, previous: { offered: 3 }, change: { offered: 0 } },
      ],
    };
    const page = readPage(compared, 1, 1);
    expect(page).toEqual({ shown: { ...compared, rows: compared.rows.slice(0, 1) }, total: 2, chart: null });
    expect(readPage(compared, 5, 2).chart).toEqual({ buckets: ["b0", "b1"], keys: ["a"], values: Float64Array.from([1, 3]) });
  });
});
