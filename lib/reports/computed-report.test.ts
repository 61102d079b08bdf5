import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AGGREGATE_FIELDS, aggregateWriter, emptyAggregate, type Aggregate, type AggregateField } from "../metrics/aggregate";
import { HISTORICAL_IDS, kpi, METRIC_IDS, selectedFormulas } from "../metrics/registry";
import { bucketCount, columnOf, firstRows, rowCount } from "./lazy-report";
import type { ReportRow } from "./run-report";
import { sortRows } from "./sort-rows";
import { fromArb, testReportArb } from "./testing/computed";

/** Metrics of "now" (agents logged in, contacts waiting): no value for a past interval. */
const NOW_IDS = METRIC_IDS.filter((id) => kpi(id)!.attribution === "now");

/** A computed report, some cells empty, and the rows it must read as. */
const reportArb = testReportArb().map(fromArb);

describe("a computed report", () => {
  it("reads as the plain report of CONTRACT §4: its rows, JSON, spreads, counts and first rows", () => {
    fc.assert(
      fc.property(reportArb, fc.nat(20), ({ report, rows }, n) => {
        const plain = { from: report.from, to: report.to, granularity: report.granularity, groupBy: report.groupBy, metrics: report.metrics, rows };
        expect(rowCount(report)).toBe(rows.length);
        expect(firstRows(report, n)).toEqual(rows.slice(0, n));
        expect(bucketCount(report)).toBe(new Set(rows.map((r) => r.bucket)).size);
        expect(report.rowsBetween(n, n + 3)).toEqual(rows.slice(n, n + 3));
        // Built once, on first read.
        expect(report.rows).toEqual(rows);
        expect(report.rows).toBe(report.rows);
        expect(JSON.parse(JSON.stringify(report))).toEqual(JSON.parse(JSON.stringify(plain)));
        expect(Object.keys(report)).toEqual(Object.keys(plain));
        expect({ ...report }).toEqual(plain);
      }),
    );
  });

  it("sorted by any column, reads as sortRows orders its rows: ties and rows without a value included", () => {
    const sortArb = fc.record({
      column: fc.constantFrom("bucket", "key", "offered", "aht", "serviceLevel", "nps", "unknown"),
      descending: fc.boolean(),
    });
    fc.assert(
      fc.property(reportArb, fc.option(sortArb, { nil: undefined }), fc.nat(20), ({ report, rows }, sort, n) => {
        const sorted = sortRows(rows, sort);
        report.sortBy(sort);
        expect(firstRows(report, n)).toEqual(sorted.slice(0, n));
        expect(report.rowsBetween(n, n + 3)).toEqual(sorted.slice(n, n + 3));
        expect(report.rows).toEqual(sorted);
        expect(sorted.map((_, r) => rows[report.cellAt(r)])).toEqual(sorted);
        // A column is in time order whatever the rows' order, as gathered from the plain rows.
        if (rows.length > 0) expect(report.column(report.metrics[0]!)).toEqual(columnOf({ rows }, report.metrics[0]!));
        // Sorted again, the rows built before are forgotten.
        expect(report.sortBy(undefined).rows).toEqual(rows);
      }),
    );
  });

  it("releases its sums once; rows built before stay readable, others are refused", () => {
    fc.assert(
      fc.property(reportArb, fc.boolean(), ({ report, rows, seen }, built) => {
        if (built) expect(report.rows).toEqual(rows);
        report.release();
        report.release();
        expect(seen.released).toBe(1);
        expect(rowCount(report)).toBe(rows.length);
        if (built) expect(report.rows).toEqual(rows);
        else if (rows.length > 0) expect(() => report.rows).toThrow(/after release/);
      }),
    );
  });

  it("rowCount, firstRows and bucketCount read plain reports too", () => {
    const rows: ReportRow[] = [
      { bucket: "b1", key: "x", metrics: {} },
      { bucket: "b1", key: "y", metrics: {} },
      { bucket: "b2", key: "x", metrics: {} },
    ];
    expect(rowCount({ rows })).toBe(3);
    expect(firstRows({ rows }, 2)).toEqual(rows.slice(0, 2));
    expect(bucketCount({ rows })).toBe(2);
  });
});

describe("the report's compiled helpers", () => {
  it("aggregateWriter sets exactly the fields asked for, from the offset and at the stride given", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...AGGREGATE_FIELDS)), fc.nat(5), fc.integer({ min: 1, max: 4 }), fc.integer({ min: -1000, max: 1000 }), (fields, at, stride, seed) => {
        const values = Float64Array.from({ length: at + fields.length * stride }, (_, i) => seed + i);
        const a = emptyAggregate();
        aggregateWriter(fields)(a, values, at, stride);
        const expected = emptyAggregate();
        fields.forEach((f, i) => (expected[f] = values[at + i * stride]!));
        expect(a).toEqual(expected);
        if (stride === 1) {
          const b = emptyAggregate();
          aggregateWriter(fields)(b, values, at);
          expect(b).toEqual(expected);
        }
      }),
    );
    expect(() => aggregateWriter(["offered; process.exit()" as AggregateField])).toThrow(/unknown field/);
  });

  it("selectedFormulas writes each registry formula's value, NaN where the registry gives no value", () => {
    const fieldArb = fc.record(Object.fromEntries(AGGREGATE_FIELDS.map((f) => [f, fc.nat(1000)])) as Record<AggregateField, fc.Arbitrary<number>>);
    fc.assert(
      fc.property(fieldArb, fc.shuffledSubarray([...HISTORICAL_IDS, ...NOW_IDS]), (fields, ids) => {
        const a = { ...emptyAggregate(), ...fields } as Aggregate;
        const out = new Float64Array(ids.length + 2).fill(7);
        selectedFormulas(ids)(a, 1_700_000_000_000, out, 2);
        ids.forEach((id, i) => {
          const def = kpi(id)!;
          const v = def.attribution === "now" ? null : def.compute(a, { waiting: 0, oldestWaitingSince: null, agents: null }, 1_700_000_000_000);
          const got = out[2 + i]!;
          if (v === null || !Number.isFinite(v)) expect(got).toBeNaN();
          else expect(got).toBe(v);
        });
        expect([out[0], out[1]]).toEqual([7, 7]);
      }),
      { numRuns: 50 },
    );
  });
});
