import { csvLine } from "../../../csv/parse";
import type { CallRow, RowRejection } from "./row-to-events";

/**
 * The rejected rows as a CSV to fix and import again: the file's header and
 * rows as they were (same delimiter), plus a last column with the reason.
 * Built in the browser from the rows it read. A BOM first, so that
 * spreadsheets open it as UTF-8.
 */
export function rejectedRowsCsv(input: {
  header: readonly string[];
  rows: readonly CallRow[];
  rejected: readonly RowRejection[];
  delimiter: string;
  reasonHeader: string;
  reasonOf: (r: RowRejection) => string;
}): string {
  const byLine = new Map(input.rows.map((r) => [r.line, r.cells]));
  const width = input.header.length;
  const lines = [csvLine([...input.header, input.reasonHeader], input.delimiter)];
  for (const r of input.rejected) {
    const cells = byLine.get(r.line) ?? [];
    const padded = Array.from({ length: Math.max(width, cells.length) }, (_, i) => cells[i] ?? "");
    lines.push(csvLine([...padded, input.reasonOf(r)], input.delimiter));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
