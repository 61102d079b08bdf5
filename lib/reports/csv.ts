import { kpi } from "../metrics/registry";
import type { ComparedReport, ComparedRow } from "./compare";
import { rowCount, rowsBetween } from "./lazy-report";
import { EXPORT_CHUNK_ROWS } from "./export-chunks";
import type { Report, ReportRow } from "./run-report";

const UNIT_SUFFIX = { ratio: " (0-1)", seconds: " (s)", currency: "", count: "", score: "", number: "", days: " (d)", hours: " (h)" } as const;

/** RFC 4180: quote a field holding a separator, a quote or a line break; neutralise spreadsheet formulas. */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The report as CSV: one line per row, a header naming the columns. Headers are
 * the registry ids (stable for scripts), or with `lang` the registry's short
 * names in that language. Numbers are raw: ratios in 0..1, durations in seconds.
 */
export function reportCsv(report: Report | ComparedReport, lang?: "fr" | "en"): string {
  return [...csvChunks(report, lang)].join("");
}

/**
 * `reportCsv` in pieces: the header line, then the lines of `rowsPerChunk` rows at a time, each built as it is
 * read (`rowsBetween`): see `export-chunks.ts`.
 */
export function* csvChunks(report: Report | ComparedReport, lang?: "fr" | "en", rowsPerChunk = EXPORT_CHUNK_ROWS): Generator<string> {
  const compared = "previous" in report;
  const header = ["bucket", "key", ...report.metrics.map((id) => (lang ? headerName(id, lang) : id))];
  // Compared (`compare=previous`): after the values, each metric's previous value and change (points for ratios).
  if (compared) for (const id of report.metrics) header.push(`${id}_previous`, `${id}_change`);
  yield header.map(field).join(",") + "\r\n";
  const cell = (v: number | null | undefined) => (v == null ? "" : String(v));
  const total = rowCount(report);
  for (let start = 0; start < total; start += rowsPerChunk) {
    let lines = "";
    for (const row of rowsBetween<ReportRow | ComparedRow>(report, start, start + rowsPerChunk)) {
      const cells = [row.bucket, row.key ?? "", ...report.metrics.map((id) => cell(row.metrics[id]))];
      if (compared && "previous" in row) for (const id of report.metrics) cells.push(cell(row.previous[id]), cell(row.change[id]));
      lines += cells.map(field).join(",") + "\r\n";
    }
    yield lines;
  }
}

function headerName(id: string, lang: "fr" | "en"): string {
  const def = kpi(id);
  return def ? `${def.short[lang]}${UNIT_SUFFIX[def.unit]}` : id;
}
