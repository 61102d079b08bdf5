import type { Candidate } from "./candidate";
import { mapRecord } from "./map";
import { MemberTracker } from "./members";
import { detectExportHeader, parseExportRow, type ExportLayout } from "./parse-export";
import { parseLine, type ParsedLine } from "./parse-line";
import { SkipCounter, type SkipReport } from "./skips";

export interface TranslateOptions {
  /** The PBX's time zone, for exports that store local dates (IANA name). */
  timeZone: string;
}

export interface Translation {
  /** Each event with the line it comes from (1 = the first line of the text). */
  events: { line: number; event: Candidate }[];
  skipped: SkipReport;
  /** Lines read, blank ones included. */
  lines: number;
}

/**
 * A queue_log text (the file, or a database export with a header line) → the
 * events it means. Never throws: what is not a call or member event is counted
 * in `skipped` by reason. `members` carries the member states from the lines
 * before this text and is updated (the tailer keeps it between reads).
 */
export function translateQueueLog(text: string, opts: TranslateOptions, members = new MemberTracker()): Translation {
  const skipped = new SkipCounter();
  const events: Translation["events"] = [];
  let layout: ExportLayout | null = null;
  let seenContent = false;
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();

  lines.forEach((physical, i) => {
    const line = i + 1;
    // An unclean shutdown leaves runs of NUL bytes, sometimes with a line cut short before them.
    const pieces = physical.includes("\0") ? physical.split(/\0+/).filter((p) => p.replace(/\r$/, "").trim() !== "") : [physical];
    if (pieces.length === 0) return void skipped.add("nul-bytes");
    for (const piece of pieces) {
      if (!seenContent && piece.trim() !== "") {
        seenContent = true;
        const header = detectExportHeader(piece.replace(/\r$/, ""));
        if (header) {
          layout = header;
          skipped.add("header");
          continue;
        }
      }
      const parsed: ParsedLine = layout ? parseExportRow(piece, layout, opts.timeZone) : parseLine(piece, opts.timeZone);
      if (!parsed.ok) {
        skipped.add(layout && parsed.reason === "bad-time" && detectExportHeader(piece) ? "header" : parsed.reason);
        continue;
      }
      const mapped = mapRecord(parsed.record, members);
      if ("skip" in mapped) skipped.add(mapped.skip);
      else for (const event of mapped.events) events.push({ line, event });
    }
  });
  return { events, skipped: skipped.report(), lines: lines.length };
}
