import type { Drizzle } from "../../db/client";
import type { AuditActor } from "../auth/audit";
import { applyFigures, type FigureChanges } from "./apply";
import { CsvFormatError, parseFiguresCsv, type CsvRejection } from "./csv";

/**
 * Imports a figures CSV (format: csv.ts). The valid rows and cells are written
 * in one transaction, each period with its `figures.import` audit entry;
 * rejected rows and cells are reported, not written. A dry run reads the
 * stored figures to report what would change, and writes nothing.
 * Throws `CsvFormatError` when the header is not a figures header.
 */

export interface ImportedPeriod {
  line: number;
  label: string;
  kind: string;
  changes: FigureChanges;
}

export interface ImportReport {
  dryRun: boolean;
  /** Valid rows, in file order, with what they change (or would change). */
  periods: ImportedPeriod[];
  rejected: CsvRejection[];
  /** Figures changed (or that would change). */
  changed: number;
}

export const MAX_IMPORT_ROWS = 5000;

export async function importFiguresCsv(db: Drizzle, csv: string, opts: { actor: AuditActor; dryRun?: boolean }): Promise<ImportReport> {
  const { rows, rejected } = parseFiguresCsv(csv);
  if (rows.length > MAX_IMPORT_ROWS) throw new CsvFormatError(`at most ${MAX_IMPORT_ROWS} periods per import`);
  const dryRun = opts.dryRun ?? false;
  const periods = await db.transaction(async (tx) => {
    const out: ImportedPeriod[] = [];
    for (const row of rows) {
      const { changes } = await applyFigures(tx, row.period, row.values, { actor: opts.actor, action: "figures.import", dryRun });
      out.push({ line: row.line, label: row.label, kind: row.period.kind, changes });
    }
    return out;
  });
  const changed = periods.reduce((n, p) => n + Object.keys(p.changes).length, 0);
  return { dryRun, periods, rejected, changed };
}
