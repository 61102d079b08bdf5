import { describe, expect, it } from "vitest";
import { csvLine, detectDelimiter, parseCsv } from "./parse";

describe("parseCsv", () => {
  it("detects the delimiter from the header, outside quotes, and drops a BOM and blank lines", () => {
    expect(detectDelimiter("a;b;c\n1,5;2;3")).toBe(";");
    expect(detectDelimiter('"a;b",c,d\n')).toBe(",");
    expect(detectDelimiter("a\tb\n")).toBe("\t");
    expect(detectDelimiter("single\n")).toBe(",");
    const r = parseCsv("\uFEFFid;name\r\n\r\n1;\"Dupont; Jean\"\r\n2;\"say \"\"hi\"\"\nthere\"\r\n");
    expect(r.delimiter).toBe(";");
    expect(r.header).toEqual({ line: 1, cells: ["id", "name"] });
    expect(r.rows).toEqual([
      { line: 3, cells: ["1", "Dupont; Jean"] },
      { line: 4, cells: ["2", 'say "hi"\nthere'] },
    ]);
  });

  it("an empty file has no header", () => {
    expect(parseCsv("")).toEqual({ delimiter: ",", header: null, rows: [] });
  });

  it("writes cells back quoted only when they need it", () => {
    expect(csvLine(["a", "b;c", 'd"e', "f\ng", "h,i"], ";")).toBe('a;"b;c";"d""e";"f\ng";h,i');
  });
});
