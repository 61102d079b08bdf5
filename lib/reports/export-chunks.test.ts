import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MetricId } from "../metrics/registry";
import { compareReports } from "./compare";
import { csvChunks, reportCsv } from "./csv";
import { chunkStream, joinChunks, jsonChunks } from "./export-chunks";
import { sortRows } from "./sort-rows";
import { fromArb, testReportArb } from "./testing/computed";

/** Two reports of the same metrics (a period and the one before). */
const pairArb = fc
  .uniqueArray(fc.constantFrom<MetricId>("offered", "aht", "serviceLevel"), { minLength: 1, maxLength: 3 })
  .chain((metrics) => fc.tuple(testReportArb(fc.constant(metrics)), testReportArb(fc.constant(metrics))));

describe("exports in pieces", () => {
  it("JSON and CSV pieces join into the whole answer, whatever the piece size, computed, sorted or compared", () => {
    fc.assert(
      fc.property(pairArb, fc.integer({ min: 1, max: 7 }), fc.constantFrom(undefined, "fr" as const), ([a, b], size, lang) => {
        const whole = JSON.stringify(fromArb(a).report);
        const plain = JSON.parse(whole);
        const fresh = () => fromArb(a).report;
        expect([...jsonChunks(fresh(), size)].join("")).toBe(whole);
        expect([...csvChunks(fresh(), lang, size)].join("")).toBe(reportCsv(plain, lang));
        // Rows are built a piece at a time, never more than once.
        const counted = fromArb(a);
        const pieces = jsonChunks(counted.report, size);
        pieces.next();
        pieces.next();
        expect(counted.seen.computed).toBe(Math.min(size, a.cells.length));
        [...pieces];
        expect(counted.seen.computed).toBe(a.cells.length);

        const sorted = { ...plain, rows: sortRows(plain.rows, { column: "offered", descending: true }) };
        expect([...jsonChunks(sorted, size)].join("")).toBe(JSON.stringify(sorted));
        const compared = compareReports(plain, fromArb(b).report);
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
