import { describe, expect, it, vi } from "vitest";
import { parseCsv } from "../../../csv/parse";
import { parseEvent } from "../../schema";
import type { BodyItem } from "../../../ingest/parse-body";
import { FIXTURE_ROWS, readFixture, retime, shiftToRecent } from "./fixtures/fixtures";
import { guessMapping } from "./guess";
import { importCallChunk, MappingError } from "./import-chunk";
import { ImportTally, type ImportTotals } from "./import-tally";
import { callMappingSchema } from "./mapping";

const NOW = Date.parse("2026-11-23T18:00:00Z");

/** An in-memory stand-in for the ingest operation: validates, deduplicates on ids. */
function fakeIngest() {
  const stored = new Set<string>();
  const ingest = vi.fn(async (items: BodyItem[]) => {
    let accepted = 0;
    let duplicates = 0;
    const rejected: { index: number; error: string }[] = [];
    items.forEach((item, index) => {
      const r = item.ok ? parseEvent(item.value, NOW) : { ok: false as const, error: item.error };
      if (!r.ok) return void rejected.push({ index, error: r.error });
      if (stored.has(r.event.id)) return void duplicates++;
      stored.add(r.event.id);
      accepted++;
    });
    return { accepted, duplicates, rejected };
  });
  return { stored, ingest };
}

function fixtureChunk() {
  const { header, rows } = parseCsv(retime(readFixture("calls.csv"), shiftToRecent(NOW)));
  const mapping = callMappingSchema.parse(guessMapping({ header: header!.cells, sample: rows.map((r) => r.cells), timeZone: "Europe/Paris" }));
  return { mapping, header: header!.cells, rows };
}

describe("importCallChunk", () => {
  it("a dry run validates every row and stores nothing", async () => {
    const { ingest } = fakeIngest();
    const report = await importCallChunk({ ingest, now: () => NOW }, { ...fixtureChunk(), dryRun: true });
    expect(ingest).not.toHaveBeenCalled();
    expect(report).toMatchObject({ dryRun: true, rows: FIXTURE_ROWS.calls.rows, wouldAccept: FIXTURE_ROWS.calls.valid, accepted: 0, duplicates: 0 });
    expect(report.rejected.map((r) => [r.line, r.code])).toEqual([[9, "badTime"], [10, "unknownStatus"], [12, "timeOrder"]]);
  });

  it("a real run stores the valid rows, one ingest per row; the same rows again are all duplicates", async () => {
    const { ingest, stored } = fakeIngest();
    const chunk = fixtureChunk();
    const first = await importCallChunk({ ingest, now: () => NOW }, { ...chunk, dryRun: false });
    expect(first).toMatchObject({ accepted: 8, duplicates: 0, wouldAccept: 8, events: { accepted: 32, duplicates: 0 } });
    expect(first.rejected).toHaveLength(3);
    expect(ingest).toHaveBeenCalledTimes(8);
    expect(stored.size).toBe(32);
    const again = await importCallChunk({ ingest, now: () => NOW }, { ...chunk, dryRun: false });
    expect(again).toMatchObject({ accepted: 0, duplicates: 8, events: { accepted: 0, duplicates: 32 } });
    expect(stored.size).toBe(32);
  });

  it("a row whose contact id an earlier row already used is a duplicate, not a second call", async () => {
    const { ingest } = fakeIngest();
    const { mapping, header, rows } = fixtureChunk();
    const report = await importCallChunk({ ingest, now: () => NOW }, { mapping, header, rows: [rows[0]!, { ...rows[0]!, line: 40 }], dryRun: false });
    expect(report).toMatchObject({ accepted: 1, duplicates: 1 });
  });

  it("refuses a mapping that names a column the file lacks, as a 400", async () => {
    const { ingest } = fakeIngest();
    const { mapping, rows } = fixtureChunk();
    const p = importCallChunk({ ingest, now: () => NOW }, { mapping, header: ["a", "b"], rows, dryRun: true });
    await expect(p).rejects.toBeInstanceOf(MappingError);
    await expect(p).rejects.toMatchObject({ status: 400, message: expect.stringContaining('no column "Call ID"') });
  });

  it("fails as a whole when storage fails (nothing acknowledged; the chunk can be sent again)", async () => {
    const ingest = vi.fn(async () => {
      throw new Error("storage down");
    });
    await expect(importCallChunk({ ingest, now: () => NOW }, { ...fixtureChunk(), dryRun: false })).rejects.toThrow("storage down");
  });
});

describe("ImportTally", () => {
  const run = { importId: "run-00000001", actor: { kind: "user" as const, id: "u1" }, fileName: "calls.csv" };
  const report = (rows: number, accepted: number, duplicates: number, rejected: number) => ({
    dryRun: false, rows, accepted, duplicates, wouldAccept: accepted + duplicates, rejected: Array.from({ length: rejected }, (_, i) => ({ line: i + 2, code: "missing" as const, reason: "x" })),
    events: { accepted: accepted * 4, duplicates: duplicates * 4 },
  });

  it("audits a run once, at its last request, with its totals", async () => {
    const done: ImportTotals[] = [];
    const tally = new ImportTally(async (t) => void done.push(t));
    await tally.add(run, report(1000, 990, 0, 10), { final: false, cancelled: false });
    await tally.add(run, report(500, 480, 15, 5), { final: true, cancelled: false });
    expect(done).toEqual([
      { ...run, chunks: 2, rows: 1500, accepted: 1470, duplicates: 15, rejected: 15, events: { accepted: 5880, duplicates: 60 }, complete: true, cancelled: false },
    ]);
    expect(tally.size).toBe(0);
  });

  it("a cancelled run is audited as such; runs of other users are kept apart", async () => {
    const done: ImportTotals[] = [];
    const tally = new ImportTally(async (t) => void done.push(t));
    await tally.add(run, report(10, 10, 0, 0), { final: false, cancelled: false });
    await tally.add({ ...run, actor: { kind: "user", id: "u2" } }, report(3, 3, 0, 0), { final: false, cancelled: false });
    await tally.add(run, null, { final: true, cancelled: true });
    expect(done).toMatchObject([{ rows: 10, complete: false, cancelled: true }]);
    expect(tally.size).toBe(1);
  });

  it("audits an abandoned run once it has been idle", async () => {
    vi.useFakeTimers();
    try {
      const done: ImportTotals[] = [];
      const tally = new ImportTally(async (t) => void done.push(t), 60_000);
      await tally.add(run, report(10, 9, 1, 0), { final: false, cancelled: false });
      vi.advanceTimersByTime(59_000);
      await tally.add(run, report(10, 10, 0, 0), { final: false, cancelled: false });
      vi.advanceTimersByTime(59_000);
      expect(done).toEqual([]);
      vi.advanceTimersByTime(2_000);
      expect(done).toMatchObject([{ chunks: 2, rows: 20, accepted: 19, complete: false, cancelled: false }]);
      expect(tally.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
