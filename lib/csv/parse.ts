/**
 * CSV reading shared by the imports (figures, historical calls), on the server
 * and in the browser: no I/O, no dependencies.
 */

export interface CsvRecord {
  /** The line the record starts on (1 = the first line of the file). */
  line: number;
  cells: string[];
}

export type CsvDelimiter = "," | ";" | "\t";

/** Without the UTF-8 byte order mark that spreadsheet exports put first. */
export const stripBom = (text: string) => text.replace(/^\uFEFF/, "");

/** The delimiter the header line uses most outside quotes; on a tie `;` (French spreadsheets), then tab, then `,`. */
export function detectDelimiter(text: string): CsvDelimiter {
  const firstLine = stripBom(text).split(/\r?\n/, 1)[0] ?? "";
  const counts = { ";": 0, "\t": 0, ",": 0 };
  let quoted = false;
  for (const c of firstLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c in counts) counts[c as CsvDelimiter]++;
  }
  const best = (["\t", ","] as const).reduce<CsvDelimiter>((b, d) => (counts[d] > counts[b] ? d : b), ";");
  return counts[best] > 0 ? best : ",";
}

/** Header text → comparable key: no case, accents, apostrophe kinds or extra spaces. */
export const headerKey = (s: string) =>
  s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[’‘`]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();

/**
 * Records with the line each starts on (RFC 4180); quoted cells may hold
 * separators, quotes ("") and newlines. `\r\n`, `\n` and a lone `\r` end a record.
 */
export function* csvRecords(text: string, sep: string): Generator<CsvRecord> {
  let line = 1;
  let start = 1;
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === "") (quoted = true), (cell = "");
    else if (c === sep) cells.push(cell), (cell = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      yield { line: start, cells };
      (cells = []), (cell = ""), (start = ++line);
    } else cell += c;
  }
  if (cell !== "" || cells.length > 0) yield { line: start, cells: [...cells, cell] };
}

/** A whole file: its delimiter, its header record and the records after it, blank lines left out. */
export function parseCsv(input: string): { delimiter: CsvDelimiter; header: CsvRecord | null; rows: CsvRecord[] } {
  const text = stripBom(input);
  const delimiter = detectDelimiter(text);
  let header: CsvRecord | null = null;
  const rows: CsvRecord[] = [];
  for (const r of csvRecords(text, delimiter)) {
    if (r.cells.every((c) => c.trim() === "")) continue;
    if (header === null) header = r;
    else rows.push(r);
  }
  return { delimiter, header, rows };
}

/** RFC 4180: a cell quoted when it holds the delimiter, a quote or a line break. */
export function csvCell(value: string, sep: string): string {
  return value.includes(sep) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export const csvLine = (cells: readonly string[], sep: string) => cells.map((c) => csvCell(c, sep)).join(sep);
