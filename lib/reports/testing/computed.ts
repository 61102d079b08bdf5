import fc from "fast-check";
import type { MetricId, MetricValues } from "../../metrics/registry";
import { ComputedReport } from "../computed-report";
import type { ReportRow } from "../run-report";

/** Tests only: a computed report over given cells, the plain rows it must read as, and what it did. */
export interface TestReport {
  report: ComputedReport;
  rows: ReportRow[];
  /** Cells computed and releases, so far. */
  seen: { computed: number; released: number };
}

const QUERY = { from: "2026-03-29", to: "2026-03-29", granularity: "hour", groupBy: "queue" } as const;

/**
 * A report of `buckets` × `keys` whose cell `c` holds `cells[c]` (one value per metric, null for "no value"), or
 * nothing at all (`null`: the empty answer, 0 for counts).
 */
export function testReport(
  buckets: readonly string[],
  keys: readonly (string | null)[],
  metrics: MetricId[],
  cells: readonly ((number | null)[] | null)[],
  range: { from: string; to: string } = QUERY,
): TestReport {
  const seen = { computed: 0, released: 0 };
  const empty: MetricValues = Object.fromEntries(metrics.map((id) => [id, id === "offered" ? 0 : null]));
  const report = new ComputedReport({ ...QUERY, ...range }, metrics, {
    starts: buckets.map((_, b) => b),
    buckets: (from, to) => buckets.slice(from, to),
    keys,
    compute: (c, out, at) => {
      seen.computed++;
      const cell = cells[c];
      if (!cell) return false;
      cell.forEach((v, i) => (out[at + i] = v ?? Number.NaN));
      return true;
    },
    empty,
    release: () => void seen.released++,
  });
  const rows = cells.map((cell, c) => ({
    bucket: buckets[Math.floor(c / keys.length)]!,
    key: keys[c % keys.length]!,
    metrics: cell === null ? empty : Object.fromEntries(metrics.map((id, i) => [id, cell[i]!])),
  }));
  return { report, rows, seen };
}

/** Random reports for `testReport`: up to 5 buckets, 1–3 keys, some cells empty, ties and missing values. */
export const testReportArb = (metrics: fc.Arbitrary<MetricId[]> = fc.uniqueArray(fc.constantFrom<MetricId>("offered", "aht", "serviceLevel", "nps"), { minLength: 1, maxLength: 4 })) =>
  fc.record({ nb: fc.integer({ min: 0, max: 5 }), keys: fc.uniqueArray(fc.constantFrom("billing", "sales", 'b,"q"', "=cmd"), { minLength: 1, maxLength: 3 }), metrics }).chain(({ nb, keys, metrics }) =>
    fc
      .array(fc.option(fc.array(fc.option(fc.oneof(fc.integer({ min: -2, max: 2 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { nil: null }), { minLength: metrics.length, maxLength: metrics.length }), { nil: null }), {
        minLength: nb * keys.length,
        maxLength: nb * keys.length,
      })
      .map((cells) => ({ buckets: Array.from({ length: nb }, (_, b) => `2026-03-29T0${b}:00:00+02:00`), keys, metrics, cells })),
  );

/** `testReport` of one `testReportArb` value. */
export const fromArb = (a: { buckets: string[]; keys: string[]; metrics: MetricId[]; cells: ((number | null)[] | null)[] }, range?: { from: string; to: string }): TestReport =>
  testReport(a.buckets, a.keys, a.metrics, a.cells, range);
