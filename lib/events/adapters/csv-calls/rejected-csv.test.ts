import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../csv/parse";
import { rejectedRowsCsv } from "./rejected-csv";

describe("rejectedRowsCsv", () => {
  it("gives back the rejected rows as they were, with the delimiter of the file and a reason column", () => {
    const csv = rejectedRowsCsv({
      header: ["id", "queue", "start"],
      rows: [
        { line: 2, cells: ["c1", "support", "2026-11-23 09:00"] },
        { line: 3, cells: ["c2", "ventes; VIP", "hier"] },
        { line: 5, cells: ["c3"] },
      ],
      rejected: [
        { line: 3, column: "start", code: "badTime", reason: "start: is not a time" },
        { line: 5, code: "missing", reason: "queue: is empty" },
      ],
      delimiter: ";",
      reasonHeader: "motif",
      reasonOf: (r) => `${r.column ?? "—"}: ${r.code}`,
    });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const back = parseCsv(csv);
    expect(back.delimiter).toBe(";");
    expect(back.header?.cells).toEqual(["id", "queue", "start", "motif"]);
    expect(back.rows.map((r) => r.cells)).toEqual([
      ["c2", "ventes; VIP", "hier", "start: badTime"],
      ["c3", "", "", "—: missing"],
    ]);
  });
});
