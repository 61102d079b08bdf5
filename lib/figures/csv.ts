import { csvRecords as records, detectDelimiter, headerKey, stripBom } from "../csv/parse";
import { HttpError } from "../http/errors";
import { FIGURES, type FigureId, type FigureValues } from "../metrics/period-kpis";
import { parseNumber } from "./number";
import { parsePeriod, periodLabel, type Period } from "./period";
import { FIGURE_PROBLEMS, figureProblem, PERIOD_HINT, type FigureProblem } from "./values";

/**
 * The figures CSV, wide format: a header `period;<figure>;<figure>…`, then one
 * row per period (`2026`, `2026-Q3`, `2026-11`, `2026-W47`, `2026-11-23`).
 * Figures are named by id or by their French or English name (case, accents
 * and apostrophes do not matter). `;`, `,` or tab separated, as the header
 * shows; quotes as in RFC 4180; decimal comma accepted; spaces group
 * thousands. An empty cell leaves the figure as it is. Every rejected row or
 * cell is reported with its line (1 = the header); the rest is kept. Pure.
 */

export type CsvProblem = FigureProblem | "notANumber" | "period" | "duplicatePeriod" | "tooManyCells" | "unknownColumn" | "duplicateColumn";

export interface CsvRejection {
  line: number;
  /** The column header, for a cell or a column. */
  column?: string;
  value?: string;
  code: CsvProblem;
  reason: string;
}

export interface CsvRow {
  line: number;
  period: Period;
  label: string;
  values: FigureValues;
}

/** The file is not a figures CSV at all (an HTTP 400). */
export class CsvFormatError extends HttpError {
  constructor(message: string) {
    super(400, message);
  }
}

const REASONS: Record<Exclude<CsvProblem, FigureProblem>, string> = {
  notANumber: "is not a number",
  period: PERIOD_HINT,
  duplicatePeriod: "this period is already on an earlier line",
  tooManyCells: "has more cells than the header",
  unknownColumn: "is not a known figure; column ignored",
  duplicateColumn: "names a figure already given by an earlier column; column ignored",
};
const reasonOf = (code: CsvProblem) => (code in FIGURE_PROBLEMS ? FIGURE_PROBLEMS[code as FigureProblem] : REASONS[code as keyof typeof REASONS]);

const BY_HEADER = new Map<string, FigureId>(FIGURES.flatMap((f) => [f.id, f.name.fr, f.name.en].map((h) => [headerKey(h), f.id] as const)));
const PERIOD_HEADERS = new Set(["period", "periode"]);

/** Kept for the figures' callers: the header key now lives with the CSV reader. */
export { headerKey };

export function parseFiguresCsv(input: string): { rows: CsvRow[]; rejected: CsvRejection[] } {
  const text = stripBom(input);
  const iter = records(text, detectDelimiter(text));
  const header = iter.next();
  if (header.done || !PERIOD_HEADERS.has(headerKey(header.value.cells[0] ?? ""))) {
    throw new CsvFormatError('the first column must be "period", followed by one column per figure');
  }
  const rejected: CsvRejection[] = [];
  const reject = (r: Omit<CsvRejection, "reason">) => rejected.push({ ...r, reason: reasonOf(r.code) });

  const columns: (FigureId | null)[] = header.value.cells.slice(1).map(() => null);
  const seen = new Set<FigureId>();
  header.value.cells.slice(1).forEach((name, i) => {
    const id = BY_HEADER.get(headerKey(name));
    if (!id) return reject({ line: 1, column: name, code: "unknownColumn" });
    if (seen.has(id)) return reject({ line: 1, column: name, code: "duplicateColumn" });
    seen.add(id);
    columns[i] = id;
  });

  const rows: CsvRow[] = [];
  const lineOf = new Map<string, number>();
  for (const { line, cells } of iter) {
    if (cells.every((c) => c.trim() === "")) continue;
    const label = cells[0]!.trim();
    const period = parsePeriod(label);
    if (!period) {
      reject({ line, column: header.value.cells[0], value: label, code: "period" });
      continue;
    }
    const key = `${period.kind}:${period.start}`;
    if (lineOf.has(key)) {
      reject({ line, value: label, code: "duplicatePeriod" });
      continue;
    }
    if (cells.length > header.value.cells.length) {
      reject({ line, value: label, code: "tooManyCells" });
      continue;
    }
    lineOf.set(key, line);
    const values: FigureValues = {};
    cells.slice(1).forEach((raw, i) => {
      const id = columns[i];
      const cell = raw.trim();
      if (!id || cell === "") return;
      const column = header.value.cells[i + 1];
      const n = parseNumber(cell);
      const problem = n === null ? "notANumber" : figureProblem(id, n);
      if (problem) reject({ line, column, value: cell, code: problem });
      else values[id] = n!;
    });
    rows.push({ line, period, label: periodLabel(period), values });
  }
  return { rows, rejected: rejected.sort((a, b) => a.line - b.line) };
}
