import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MetricId } from "../metrics/registry";
import { compareReports } from "./compare";
import { ComputedReport } from "./computed-report";
import { csvChunks, reportCsv } from "./csv";
import { chunkStream, joinChunks, jsonChunks } from "./export-chunks";
import { sortRows } from "./sort-rows";

const QUERY = { from: "2026-03-29", to: "2026-03-29", granularity: "hour", groupBy: "queue" } as const;
const METRICS: MetricId[] = ["offered", "aht", "serviceLevel"];

/** A computed report of `nb` buckets × `keys` with these cell values (null: empty cell, NaN: no value). */
function computed(nb: number, keys: string[], values: (number[] | null)[]) {
  const built = { cells: 0 };
  const buckets = Array.from({ length: nb }, (_, b) => `2026-03-29T${String(b).padStart(2, "0")}:00:00+02:00`);
  const report = new ComputedReport(QUERY, METRICS, {
    starts: buckets.map((_, b) => b),
    buckets: (from, to) => buckets.slice(from, to),
    keys,
    compute: (c, out, at) => {
      built.cells++;
      const v = values[c];
      if (!v) return false;
      v.forEach((x, i) => (out[at + i] = x));
      return true;
    },
    empty: { offered: 0, aht: null, serviceLevel: null },
    release: () => {},
  });
  return { report, built };
}

const reportArb = fc
  .record({ nb: fc.nat(6), keys: fc.uniqueArray(fc.constantFrom("sales", 'b,"q"', "=cmd", "support"), { minLength: 1, maxLength: 4 }) })
  .chain(({ nb, keys }) =>
    fc
      .array(fc.option(fc.array(fc.oneof(fc.double({ noDefaultInfinity: true }), fc.integer()), { minLength: 3, maxLength: 3 }), { nil: null }), {
        minLength: nb * keys.length,
        maxLength: nb * keys.length,
      })
      .map((values) => ({ nb, keys, values })),
  );

describe("exports in pieces", () => {
  it("JSON and CSV pieces join into the whole answer, whatever the piece size, computed, sorted or compared", () => {
    fc.assert(
      fc.property(reportArb, reportArb, fc.integer({ min: 1, max: 7 }), fc.constantFrom(undefined, "fr" as const), (a, b, size, lang) => {
        const cur = computed(a.nb, a.keys, a.values);
        const whole = JSON.stringify(cur.report);
        const plain = JSON.parse(whole);
        const fresh = () => computed(a.nb, a.keys, a.values).report;
        expect([...jsonChunks(fresh(), size)].join("")).toBe(whole);
        expect([...csvChunks(fresh(), lang, size)].join("")).toBe(reportCsv(plain, lang));
        // Rows are built a piece at a time, never more than once.
        const counted = computed(a.nb, a.keys, a.values);
        const pieces = jsonChunks(counted.report, size);
        pieces.next();
        pieces.next();
        expect(counted.built.cells).toBe(Math.min(size, a.nb * a.keys.length));
        [...pieces];
        expect(counted.built.cells).toBe(a.nb * a.keys.length);

        const sorted = { ...plain, rows: sortRows(plain.rows, { column: "offered", descending: true }) };
        expect([...jsonChunks(sorted, size)].join("")).toBe(JSON.stringify(sorted));
        const compared = compareReports(plain, computed(b.nb, b.keys, b.values).report);
        expect([...jsonChunks(compared, size)].join("")).toBe(JSON.stringify(compared));
        expect([...csvChunks(compared, lang, size)].join("")).toBe(reportCsv(compared, lang));
      }),
      { numRuns: 200 },
    );
  });

  it("streams the pieces, calling done once when the stream ends, fails or is cancelled", async () => {
    const pieces = ["[", "1,2", ",3", "]"];
    let done = 0;
    expect(await new Response(chunkStream(pieces.values(), () => done++)).text()).toBe("[1,2,3]");
    expect(done).toBe(1);

    let closed = false;
    function* endless() {
      try {
        for (let i = 0; ; i++) yield `${i},`;
      } finally {
        closed = true;
      }
    }
    done = 0;
    const reader = chunkStream(endless(), () => done++).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("0,");
    await reader.cancel();
    expect([done, closed]).toEqual([1, true]);

    function* failing() {
      yield "a";
      throw new Error("cell unreadable");
    }
    done = 0;
    await expect(new Response(chunkStream(failing(), () => done++)).text()).rejects.toThrow(/cell unreadable/);
    expect(done).toBe(1);
  });

  it("lets other work run between two pieces", async () => {
    let ticks = 0;
    let stop = false;
    const tick = () => {
      ticks++;
      if (!stop) setImmediate(tick);
    };
    setImmediate(tick);
    const seen: number[] = [];
    function* pieces() {
      for (let i = 0; i < 5; i++) {
        seen.push(ticks);
        yield String(i);
      }
    }
    const increasing = (at: number[]) => at.every((t, i) => i === 0 || t > at[i - 1]!);
    expect(await joinChunks(pieces())).toBe("01234");
    expect(increasing(seen)).toBe(true);
    seen.length = 0;
    expect(await new Response(chunkStream(pieces(), () => {})).text()).toBe("01234");
    stop = true;
    expect(seen).toHaveLength(5);
    expect(increasing(seen)).toBe(true);
  });
});
