import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareReports } from "./compare";
import { ComputedComparison } from "./computed-comparison";
import { sortRows } from "./sort-rows";
import { fromArb, testReportArb } from "./testing/computed";

describe("a computed comparison", () => {
  it("reads as compareReports of the plain reports, then sorted; rows built only when read", () => {
    const metricsArb = fc.uniqueArray(fc.constantFrom("offered" as const, "aht" as const, "serviceLevel" as const), { minLength: 1, maxLength: 3 });
    const pairArb = metricsArb.chain((metrics) => fc.tuple(testReportArb(fc.constant(metrics)), testReportArb(fc.constant(metrics))));
    const sortArb = fc.option(fc.record({ column: fc.constantFrom("bucket", "key", "offered", "aht", "offered_change"), descending: fc.boolean() }), { nil: undefined });
    fc.assert(
      fc.property(pairArb, sortArb, fc.nat(12), ([a, b], sort, n) => {
        const cur = fromArb(a);
        const prev = fromArb(b, { from: "2026-03-28", to: "2026-03-28" });
        const plainCur = { ...cur.report, rows: cur.rows };
        const expected = compareReports(plainCur, { ...prev.report, rows: prev.rows });
        const sorted = { ...expected, rows: sortRows(expected.rows, sort) };
        const compared = new ComputedComparison(cur.report.sortBy(sort), prev.report);
        expect(compared.rowCount).toBe(sorted.rows.length);
        expect(compared.rowsBetween(n, n + 2)).toEqual(sorted.rows.slice(n, n + 2));
        expect(JSON.stringify(compared)).toBe(JSON.stringify(sorted));
        compared.release();
        expect([cur.seen.released, prev.seen.released]).toEqual([1, 1]);
      }),
    );
  });

  it("builds the rows asked for only", () => {
    const cur = fromArb({ buckets: ["b0", "b1", "b2"], keys: ["x", "y"], metrics: ["offered"], cells: [[1], [2], [3], [4], [5], [6]] });
    const prev = fromArb({ buckets: ["a0", "a1"], keys: ["y"], metrics: ["offered"], cells: [[10], [20]] });
    const compared = new ComputedComparison(cur.report, prev.report);
    expect(compared.rowsBetween(1, 2)).toEqual([{ bucket: "b0", key: "y", metrics: { offered: 2 }, previous: { offered: 10 }, change: { offered: -8 } }]);
    expect(compared.rowsBetween(5, 6)).toEqual([{ bucket: "b2", key: "y", metrics: { offered: 6 }, previous: { offered: null }, change: { offered: null } }]);
    expect([cur.seen.computed, prev.seen.computed]).toEqual([2, 1]);
  });
});
