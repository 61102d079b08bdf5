import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Query } from "../../db/client";
import type { AggregateField } from "../metrics/aggregate";
import { readStrips } from "./strips";

/**
 * The strip text as PostgreSQL writes it (`buildStrips`), parsed back by
 * `readStrips`: queue names with the separators, negative values, runs of
 * quarter-hours written without their slot, and the form of strips built
 * before that economy (every value with its slot), which must still read.
 */

interface Cell {
  queue: string;
  channel: string;
  points: [quarter: number, value: number][];
}

const DAY = Date.UTC(2026, 2, 29);
const escape = (q: string) => q.replaceAll("\\", "\\\\").replaceAll("|", "\\!").replaceAll(";", "\\,");

function encode(cells: Cell[], dense: boolean): string {
  return cells
    .map(({ queue, channel, points }) => {
      const vals = points.map(([q, v], i) => (dense && i > 0 && points[i - 1]![0] === q - 1 ? `${v}` : `${q}:${v}`));
      return `${escape(queue)}|${channel}|${vals.join(",")}`;
    })
    .join(";");
}

const cellsArb = fc.uniqueArray(
  fc.record({
    queue: fc.string({ unit: fc.constantFrom("a", "b", "é", "|", ";", "\\", "!", ",", ":", " "), minLength: 1, maxLength: 6 }),
    channel: fc.constantFrom("voice", "chat", "email"),
    points: fc
      .uniqueArray(fc.integer({ min: 0, max: 95 }), { minLength: 1, maxLength: 96 })
      .chain((qs) => fc.tuple(...[...qs].sort((a, b) => a - b).map((q) => fc.tuple(fc.constant(q), fc.integer({ min: -1e9, max: 1e12 }).filter((v) => v !== 0))))),
  }),
  { selector: (c) => `${c.queue}\u0000${c.channel}`, maxLength: 8 },
);

/**
 * What `readStrips` visits for these rows of strip text (one day and field each, as the database sends them);
 * with `reuse`, every row's bytes are written over the previous row's, as a driver may reuse its buffer.
 */
async function read(rows: string[], queues: string[] | null, reuse = false): Promise<Cell[]> {
  const bytes = new TextEncoder();
  const shared = new Uint8Array(Math.max(0, ...rows.map((r) => 3 * r.length)));
  const q = Object.assign(async () => [], {
    eachRaw: async (_: string, __: unknown[], visit: (row: Uint8Array[]) => void) => {
      for (const vals of rows) {
        const text = reuse ? shared.subarray(0, bytes.encodeInto(vals, shared).written) : bytes.encode(vals);
        visit([bytes.encode(String(DAY)), bytes.encode("offered"), text]);
        if (reuse) shared.fill(0);
      }
    },
  }) as unknown as Query;
  const out: Cell[] = [];
  await readStrips(q, [DAY], ["offered" as AggregateField], queues, (s) => {
    expect(s.day).toBe(DAY);
    expect(s.field).toBe(0);
    out.push({ queue: s.queue, channel: s.channel, points: Array.from({ length: s.count }, (_, i) => [s.quarters[i]!, s.values[i]!]) });
  });
  return out;
}

describe("strip text", () => {
  it("reads back every strip, dense or with every slot written", async () => {
    await fc.assert(
      fc.asyncProperty(cellsArb.filter((c) => c.length > 0), fc.boolean(), async (cells, dense) => {
        expect(await read([encode(cells, dense)], null)).toEqual(cells);
      }),
    );
  });

  it("reads rows naming different queues at the same positions (names are decoded once per read), whatever the driver does with its buffer after", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cellsArb.filter((c) => c.length > 0), { minLength: 2, maxLength: 12 }), fc.boolean(), async (rows, reuse) => {
        expect(await read(rows.map((cells) => encode(cells, true)), null, reuse)).toEqual(rows.flat());
      }),
    );
  });

  it("keeps only the queues a limited reader may see, skipping the others whole", async () => {
    await fc.assert(
      fc.asyncProperty(cellsArb.filter((c) => c.length > 0), async (cells) => {
        const allowed = [...new Set(cells.map((c) => c.queue))].filter((_, i) => i % 2 === 0);
        expect(await read([encode(cells, true)], allowed)).toEqual(cells.filter((c) => allowed.includes(c.queue)));
      }),
    );
  });

  it("reads a known day", async () => {
    expect(await read(["sales|voice|0:3,4,7:-2,5;a\\!b\\,c\\\\|chat|95:12"], null)).toEqual([
      { queue: "sales", channel: "voice", points: [[0, 3], [1, 4], [7, -2], [8, 5]] },
      { queue: "a|b;c\\", channel: "chat", points: [[95, 12]] },
    ]);
  });
});
