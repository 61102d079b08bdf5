import { HttpError } from "../../../http/errors";
import type { IngestResult } from "../../../ingest/ingest";
import type { BodyItem } from "../../../ingest/parse-body";
import type { CallMapping } from "./mapping";
import { compileMapping, rowToEvents, type CallEvent, type CallRow, type RowRejection } from "./row-to-events";

/**
 * The import of one chunk of a calls CSV: each row converted and validated;
 * on a real run the valid rows go through the ingest operation of
 * `POST /api/events` (idempotent on event ids, durable before it resolves,
 * pushed live). A dry run stores nothing. Rows are atomic: all their events or none.
 */

export interface ChunkReport {
  dryRun: boolean;
  rows: number;
  /** Rows stored (at least one of their events was new). */
  accepted: number;
  /** Rows whose events were all stored already (the file, or this call, was imported before). */
  duplicates: number;
  /** Rows a real run would send (dry run: all valid rows; duplicates are not looked up). */
  wouldAccept: number;
  rejected: RowRejection[];
  events: { accepted: number; duplicates: number };
}

export interface ChunkDeps {
  /** `serverContext().ingest`: resolves after the commit; concurrent calls share one. */
  ingest: (items: BodyItem[]) => Promise<IngestResult>;
  now: () => number;
}

/** The mapping names a column the file does not have: the whole request is a 400. */
export class MappingError extends HttpError {
  constructor(reason: string) {
    super(400, `mapping: ${reason}`);
  }
}

export async function importCallChunk(
  deps: ChunkDeps,
  input: { mapping: CallMapping; header: readonly string[]; rows: readonly CallRow[]; dryRun: boolean },
): Promise<ChunkReport> {
  const c = compileMapping(input.mapping, input.header);
  if (!c.ok) throw new MappingError(c.reason);
  const now = deps.now();
  const rejected: RowRejection[] = [];
  const valid: { line: number; events: CallEvent[] }[] = [];
  for (const row of input.rows) {
    const r = rowToEvents(row, c.compiled, now);
    if (r.ok) valid.push({ line: row.line, events: r.events });
    else rejected.push(r.error);
  }
  const report: ChunkReport = {
    dryRun: input.dryRun,
    rows: input.rows.length,
    accepted: 0,
    duplicates: 0,
    wouldAccept: valid.length,
    rejected,
    events: { accepted: 0, duplicates: 0 },
  };
  if (input.dryRun) return report;

  // One ingest per row, all at once: the writer's group commit puts them in shared transactions,
  // and each row learns what became of its own events.
  const results = await Promise.all(valid.map((v) => deps.ingest(v.events.map((value): BodyItem => ({ ok: true, value })))));
  results.forEach((r, i) => {
    report.events.accepted += r.accepted;
    report.events.duplicates += r.duplicates;
    if (r.rejected.length > 0) {
      // Validated a moment ago with the same rules; only the clock can differ.
      rejected.push({ line: valid[i]!.line, code: "invalidEvent", reason: r.rejected[0]!.error });
    } else if (r.accepted > 0) report.accepted++;
    else report.duplicates++;
  });
  rejected.sort((a, b) => a.line - b.line);
  return report;
}
