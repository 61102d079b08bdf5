import { toRecord, type ParsedLine } from "./parse-line";

/**
 * Database exports of the realtime `queue_log` table (res_config_odbc/pgsql/
 * mysql): a header line naming the columns, then one row per record, with
 * `,` `;` tab or `|` between cells (CSV from a client, `psql -A`). The columns
 * are `time, callid, queuename, agent, event` and either `data1`…`data5`
 * (Asterisk ≥ 1.8) or one `data` column holding the fields joined by `|`;
 * other columns (`id`, `created`, `serverid`…) are ignored.
 */
export interface ExportLayout {
  sep: string;
  time: number;
  callid: number;
  queue: number;
  agent: number;
  verb: number;
  /** data1, data2… in order. */
  data: number[];
  /** The single `data` column, when there is one. */
  joined?: number;
  /** Number of columns the header names. */
  width: number;
}

const NAMES = {
  time: ["time", "timestamp", "datetime", "eventtime"],
  callid: ["callid", "call_id", "uniqueid"],
  queue: ["queuename", "queue_name", "queue"],
  agent: ["agent", "membername", "member"],
  verb: ["event", "verb"],
} as const;

const SEPARATORS = [",", ";", "\t", "|"] as const;

/** The layout a header line describes, or null when the line is not such a header. */
export function detectExportHeader(line: string): ExportLayout | null {
  for (const sep of SEPARATORS) {
    if (!line.includes(sep)) continue;
    const names = splitCells(line, sep).map((c) => c.trim().toLowerCase());
    const find = (candidates: readonly string[]) => {
      for (const c of candidates) {
        const i = names.indexOf(c);
        if (i >= 0) return i;
      }
      return -1;
    };
    const time = find(NAMES.time), callid = find(NAMES.callid), queue = find(NAMES.queue), agent = find(NAMES.agent), verb = find(NAMES.verb);
    if (time < 0 || callid < 0 || queue < 0 || agent < 0 || verb < 0) continue;
    const data = names
      .map((n, i) => ({ n: /^data(\d{1,2})$/.exec(n)?.[1], i }))
      .filter((d): d is { n: string; i: number } => d.n !== undefined)
      .sort((a, b) => Number(a.n) - Number(b.n))
      .map((d) => d.i);
    const joined = names.indexOf("data");
    return { sep, time, callid, queue, agent, verb, data, width: names.length, ...(joined >= 0 ? { joined } : {}) };
  }
  return null;
}

/** One exported row, as the record the file line would have been. */
export function parseExportRow(line: string, layout: ExportLayout, timeZone: string): ParsedLine {
  if (line.trim() === "") return { ok: false, reason: "blank" };
  const cells = splitCells(line, layout.sep).map(unNull);
  const cell = (i: number) => cells[i] ?? "";
  if (cells.length <= Math.max(layout.time, layout.callid, layout.queue, layout.agent, layout.verb)) {
    return { ok: false, reason: "malformed" };
  }
  let data = layout.data.map(cell);
  if (data.every((d) => d.trim() === "") && layout.joined !== undefined && cell(layout.joined) !== "") {
    // A last `data` column exported with `|` between cells spills its own `|` into extra cells.
    const spilled = layout.joined === layout.width - 1 && layout.sep === "|";
    data = (spilled ? cells.slice(layout.joined).join("|") : cell(layout.joined)).split("|");
  }
  return toRecord(cell(layout.time), { callid: cell(layout.callid), queue: cell(layout.queue), agent: cell(layout.agent), verb: cell(layout.verb), data }, timeZone);
}

/** SQL NULL as clients write it. */
const unNull = (c: string) => (c === "NULL" || c === "\\N" ? "" : c);

/** Cells of one line; a cell in double quotes may hold the separator and `""` for a quote. */
export function splitCells(line: string, sep: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === "" && !wasQuoted) {
      quoted = wasQuoted = true;
      cell = "";
    } else if (c === sep) {
      cells.push(cell);
      cell = "";
      wasQuoted = false;
    } else if (c !== "\r" || i !== line.length - 1) {
      cell += c;
    }
  }
  cells.push(cell);
  return cells;
}
