import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reportQuerySchema } from "./report-query";
import { formatSort, parseSort, sortRows } from "./sort-rows";
import type { ReportRow } from "./run-report";

const BUCKETS = ["2026-10-25T01:00:00+02:00", "2026-10-25T02:00:00+02:00", "2026-10-25T02:00:00+01:00", "2026-10-25T03:00:00+01:00"];

/** A report's rows as runReport lays them out: buckets in time order, then keys sorted, "all" (null) alone. */
const rowsArb = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.uniqueArray(fc.constantFrom("billing", "sales", "support", "Zèbre", "écoute"), { maxLength: 4 }))
  .chain(([nb, keys]) => {
    const ks = keys.length === 0 ? [null] : [...keys].sort((a, b) => a.localeCompare(b));
    const cells = BUCKETS.slice(0, nb).flatMap((bucket) => ks.map((key) => ({ bucket, key })));
    return fc.tuple(...cells.map(() => fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }))).map((values) =>
      cells.map((c, i): ReportRow => ({ ...c, metrics: { aht: values[i]! } })),
    );
  });

describe("sorting report rows", () => {
  it("is a permutation in the column's order, values ascending or descending with empty ones last, ties in time order", () => {
    fc.assert(
      fc.property(rowsArb, fc.boolean(), (rows, descending) => {
        const sorted = sortRows(rows, { column: "aht", descending });
        expect(new Set(sorted)).toEqual(new Set(rows));
        expect(sorted).toHaveLength(rows.length);
        const pos = (r: ReportRow) => rows.indexOf(r);
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1]!, sorted[i]!];
          const [x, y] = [a.metrics.aht ?? null, b.metrics.aht ?? null];
          if (x === null) expect(y).toBeNull();
          if (x !== null && y !== null) expect(descending ? x >= y : x <= y).toBe(true);
          if (x === y) expect(pos(a)).toBeLessThan(pos(b));
        }
      }),
    );
  });

  it("by bucket: time order, or buckets reversed with each bucket's keys kept in order", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        expect(sortRows(rows, { column: "bucket", descending: false })).toEqual(rows);
        const down = sortRows(rows, { column: "bucket", descending: true });
        const buckets = [...new Set(rows.map((r) => r.bucket))].reverse();
        expect(down).toEqual(buckets.flatMap((b) => rows.filter((r) => r.bucket === b)));
      }),
    );
  });

  it("by key: the groups in alphabetical order (accents included), each group's buckets in time order", () => {
    fc.assert(
      fc.property(rowsArb, fc.boolean(), (rows, descending) => {
        const keys = [...new Set(rows.map((r) => r.key))].sort((a, b) => (a ?? "").localeCompare(b ?? ""));
        if (descending) keys.reverse();
        expect(sortRows(rows, { column: "key", descending })).toEqual(keys.flatMap((k) => rows.filter((r) => r.key === k)));
      }),
    );
  });

  it("reads and writes `sort=` as a column with - for descending", () => {
    expect(parseSort("-aht")).toEqual({ column: "aht", descending: true });
    expect(parseSort("key")).toEqual({ column: "key", descending: false });
    for (const s of ["aht", "-aht", "bucket", "-key"]) expect(formatSort(parseSort(s))).toBe(s);
  });

  it("accepts only a column the report has", () => {
    const base = { from: "2026-11-01", to: "2026-11-02", metrics: "offered,aht" };
    for (const sort of ["aht", "-offered", "bucket", "-key"]) expect(reportQuerySchema.safeParse({ ...base, sort }).success).toBe(true);
    for (const sort of ["csat", "-", "a ht", "--aht"]) {
      const r = reportQuerySchema.safeParse({ ...base, sort });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(["sort"]);
    }
    expect(reportQuerySchema.safeParse({ from: "2026-11-01", to: "2026-11-01", sort: "-csat" }).success).toBe(true);
  });
});
