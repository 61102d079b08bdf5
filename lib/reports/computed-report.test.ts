import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AGGREGATE_FIELDS, aggregateWriter, emptyAggregate, type Aggregate, type AggregateField } from "../metrics/aggregate";
import { HISTORICAL_IDS, kpi, METRIC_IDS, selectedFormulas, type MetricId } from "../metrics/registry";
import { bucketCount, ComputedReport, firstRows, rowCount } from "./computed-report";
import type { ReportRow } from "./run-report";

/** Metrics of "now" (agents logged in, contacts waiting): no value for a past interval. */
const NOW_IDS = METRIC_IDS.filter((id) => kpi(id)!.attribution === "now");

const QUERY = { from: "2026-03-29", to: "2026-03-29", granularity: "hour", groupBy: "queue" } as const;

/** A computed report of `nb` buckets × `keys`, some cells empty, and the rows it must read as. */
const reportArb = fc
  .record({
    nb: fc.integer({ min: 0, max: 5 }),
    keys: fc.uniqueArray(fc.constantFrom("billing", "sales", "support"), { minLength: 1, maxLength: 3 }),
    metrics: fc.uniqueArray(fc.constantFrom<MetricId>("offered", "aht", "serviceLevel", "nps"), { minLength: 1, maxLength: 4 }),
  })
  .chain(({ nb, keys, metrics }) =>
    fc
      .array(fc.option(fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }), { minLength: metrics.length, maxLength: metrics.length }), { nil: null }), {
        minLength: nb * keys.length,
        maxLength: nb * keys.length,
      })
      .map((cells) => {
        const buckets = Array.from({ length: nb }, (_, b) => `2026-03-29T0${b}:00:00+01:00`);
        const empty = Object.fromEntries(metrics.map((id) => [id, id === "offered" ? 0 : null]));
        const rows: ReportRow[] = cells.map((cell, c) => ({
          bucket: buckets[Math.floor(c / keys.length)]!,
          key: keys[c % keys.length]!,
          metrics: cell === null ? empty : Object.fromEntries(metrics.map((id, i) => [id, cell[i]!])),
        }));
        const compute = (c: number, out: Float64Array, at: number) => {
          const cell = cells[c];
          if (!cell) return false;
          cell.forEach((v, i) => (out[at + i] = v ?? Number.NaN));
          return true;
        };
        const released = { times: 0 };
        const release = () => void released.times++;
        const report = new ComputedReport(QUERY, metrics, { starts: buckets.map((_, b) => b), buckets: (from: number, to: number) => buckets.slice(from, to), keys, compute, empty, release });
        return { report, rows, metrics, released };
      }),
  );

describe("a computed report", () => {
  it("reads as the plain report of CONTRACT §4: its rows, JSON, spreads, counts and first rows", () => {
    fc.assert(
      fc.property(reportArb, fc.nat(20), ({ report, rows, metrics }, n) => {
        const plain = { ...QUERY, metrics, rows };
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

  it("releases its sums once; rows built before stay readable, others are refused", () => {
    fc.assert(
      fc.property(reportArb, fc.boolean(), ({ report, rows, released }, built) => {
        if (built) expect(report.rows).toEqual(rows);
        report.release();
        report.release();
        expect(released.times).toBe(1);
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
