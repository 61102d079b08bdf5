import { parseEvent } from "../../schema";
import { resolveColumns, type CallField, type CallMapping } from "./mapping";
import { parseDuration, parseInstant, type Read } from "./times";
import { channelOf, directionOf, statusOf } from "./values";

/**
 * One CSV row of a historical call → the events of CONTRACT §2. Pure and
 * total: any row and mapping give events that `parseEvent` accepts, or one
 * rejection naming the line, the column and the reason.
 *
 * Ids are `csv-<contactId>-<kind>`, so a file imported twice stores nothing
 * new the second time. How a row reads (docs/integrations/csv-import.md):
 * - answered: the status column says so; without one, an answer time, a talk
 *   time over 0, or (with neither column mapped) an agent. Otherwise abandoned.
 * - answered at: its column, else offered + wait, else ended − talk − hold.
 * - abandoned at: its column, else offered + wait, else the end time.
 * - ended at: its column, else answered + talk + hold.
 * - hold: one hold, right after the answer (an export gives its total only).
 * - wrapped at: its column, else ended + ACW, else ended (no after-call work).
 */

export interface CallRow {
  /** The row's line in the file (1 = the header). */
  line: number;
  cells: readonly string[];
}

export const REJECT_CODES = [
  "missing", "badTime", "badDuration", "unknownStatus", "unknownChannel", "unknownDirection",
  "noAgent", "noAnswerTime", "noAbandonTime", "timeOrder", "holdTooLong", "invalidEvent",
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

export interface RowRejection {
  line: number;
  /** The header of the column at fault, when one is. */
  column?: string;
  value?: string;
  code: RejectCode;
  /** In English, for API callers; the page translates `code`. */
  reason: string;
}

/** An event as sent to the ingest operation (CONTRACT §2 wire format, `at` in epoch ms). */
export type CallEvent = { id: string; type: string; at: number; contactId: string } & Record<string, unknown>;

export type RowResult = { ok: true; events: CallEvent[] } | { ok: false; error: RowRejection };

/** A mapping checked against a file's header, ready to convert its rows. */
export interface CompiledMapping {
  mapping: CallMapping;
  header: readonly string[];
  index: Partial<Record<CallField, number>>;
}

export function compileMapping(mapping: CallMapping, header: readonly string[]): { ok: true; compiled: CompiledMapping } | { ok: false; reason: string } {
  const r = resolveColumns(mapping, header);
  if (!r.ok) return { ok: false, reason: `columns.${r.field}: the file has no column "${r.column}"` };
  return { ok: true, compiled: { mapping, header, index: r.index } };
}

class Rejected extends Error {
  constructor(readonly rejection: Omit<RowRejection, "line">) {
    super(rejection.reason);
  }
}

export function rowToEvents(row: CallRow, compiled: CompiledMapping, now: number): RowResult {
  try {
    return { ok: true, events: convert(row, compiled, now) };
  } catch (e) {
    if (e instanceof Rejected) return { ok: false, error: { line: row.line, ...e.rejection } };
    throw e;
  }
}

function convert(row: CallRow, { mapping, header, index }: CompiledMapping, now: number): CallEvent[] {
  const columnOf = (f: CallField) => (index[f] === undefined ? undefined : header[index[f]!]);
  const cell = (f: CallField): string | undefined => {
    const i = index[f];
    if (i === undefined) return undefined;
    const v = (row.cells[i] ?? "").trim();
    return v === "" ? undefined : v;
  };
  const reject = (code: RejectCode, reason: string, f?: CallField) => {
    const value = f ? cell(f) : undefined;
    return new Rejected({ code, reason, ...(f ? { column: columnOf(f) } : {}), ...(value !== undefined ? { value: value.slice(0, 200) } : {}) });
  };
  const read = <T>(f: CallField, r: Read<T>, code: RejectCode): T => {
    if (!r.ok) throw reject(code, `${columnOf(f)}: ${r.reason}`, f);
    return r.value;
  };
  const required = (f: CallField): string => {
    const v = cell(f);
    if (v === undefined) throw reject("missing", `${columnOf(f)}: is empty`, f);
    return v;
  };
  const time = (f: CallField, raw = cell(f)) => (raw === undefined ? undefined : read(f, parseInstant(raw, mapping.dateFormat, mapping.timeZone), "badTime"));
  const duration = (f: CallField) => {
    const raw = cell(f);
    return raw === undefined ? undefined : read(f, parseDuration(raw), "badDuration");
  };

  const contactId = required("contactId");
  const queue = required("queue");
  const offeredRaw = cell("offeredTime") === undefined ? required("offeredAt") : `${required("offeredAt")} ${cell("offeredTime")}`;
  const offered = time("offeredAt", offeredRaw)!;
  const wait = duration("waitSeconds");
  const talk = duration("talkSeconds");
  const hold = duration("holdSeconds") ?? 0;
  const acw = duration("acwSeconds");
  let answeredAt = time("answeredAt");
  const abandonedAt = time("abandonedAt");
  let endedAt = time("endedAt");
  const wrappedAt = time("wrappedAt");

  let channel: string | undefined;
  if (cell("channel") !== undefined) {
    channel = channelOf(cell("channel")!);
    if (!channel) throw reject("unknownChannel", `${columnOf("channel")}: is not a channel (voice, chat, email, social, sms, video)`, "channel");
  }
  let direction: string | undefined;
  if (cell("direction") !== undefined) {
    direction = directionOf(cell("direction")!);
    if (!direction) throw reject("unknownDirection", `${columnOf("direction")}: is neither inbound nor outbound`, "direction");
  }

  const isAnswered = (): boolean => {
    const status = cell("outcome");
    if (status !== undefined) {
      const s = statusOf(status, mapping.answeredValues, mapping.abandonedValues);
      if (!s) throw reject("unknownStatus", `${columnOf("outcome")}: is in neither the answered nor the abandoned values of the mapping`, "outcome");
      return s === "answered";
    }
    if (answeredAt !== undefined || (talk ?? 0) > 0) return true;
    const noAnswerColumns = index.answeredAt === undefined && index.talkSeconds === undefined && index.outcome === undefined;
    return noAnswerColumns && cell("agentId") !== undefined;
  };
  const answered = isAnswered();

  const base = { contactId, source: "csv" };
  const event = (kind: string, at: number, extra: Record<string, unknown> = {}): CallEvent => ({
    id: `csv-${contactId}-${kind}`,
    type: `contact.${kind}`,
    at,
    ...base,
    ...extra,
  });
  const events: CallEvent[] = [
    event("offered", offered, {
      queue,
      ...(channel ? { channel } : {}),
      ...(direction ? { direction } : {}),
      ...(cell("customerId") !== undefined ? { customerId: cell("customerId") } : {}),
    }),
  ];
  const notBefore = (at: number, after: number, f: CallField, what: string) => {
    if (at < after) throw reject("timeOrder", `${columnOf(f)}: is before ${what}`, f);
  };

  if (!answered) {
    const [at, from]: [number | undefined, CallField] =
      abandonedAt !== undefined ? [abandonedAt, "abandonedAt"] : wait !== undefined ? [offered + wait, "waitSeconds"] : [endedAt, "endedAt"];
    if (at === undefined) throw reject("noAbandonTime", "an abandoned call needs an abandon time, a wait time or an end time");
    notBefore(at, offered, from, "the offered time");
    events.push(event("abandoned", at));
    return validated(events, now, reject);
  }

  const agentId = cell("agentId") ?? (mapping.unknownAgent || undefined);
  if (agentId === undefined) throw reject("noAgent", `${columnOf("agentId") ?? "agent"}: an answered call needs an agent`, index.agentId !== undefined ? "agentId" : undefined);
  let answeredFrom: CallField = "answeredAt";
  if (answeredAt === undefined && wait !== undefined) (answeredAt = offered + wait), (answeredFrom = "waitSeconds");
  if (answeredAt === undefined && endedAt !== undefined && talk !== undefined) (answeredAt = endedAt - talk - hold), (answeredFrom = "talkSeconds");
  if (answeredAt === undefined) throw reject("noAnswerTime", "an answered call needs an answer time, or a wait time, or an end time with a talk time");
  notBefore(answeredAt, offered, answeredFrom, "the offered time");
  events.push(event("answered", answeredAt, { agentId }));

  if (endedAt === undefined && talk !== undefined) endedAt = answeredAt + talk + hold;
  if (endedAt !== undefined) notBefore(endedAt, answeredAt, "endedAt", "the answer time");
  if (hold > 0) {
    if (endedAt !== undefined && answeredAt + hold > endedAt) throw reject("holdTooLong", `${columnOf("holdSeconds")}: is longer than the call`, "holdSeconds");
    events.push(event("held", answeredAt), event("resumed", answeredAt + hold));
  }
  if (endedAt === undefined) return validated(events, now, reject);
  events.push(event("ended", endedAt));
  const wrapped = wrappedAt ?? endedAt + (acw ?? 0);
  if (wrappedAt !== undefined) notBefore(wrappedAt, endedAt, "wrappedAt", "the end time");
  events.push(event("wrapped", wrapped));
  return validated(events, now, reject);
}

/** The schema has the last word (lengths, future times…): an event it refuses rejects its row. */
function validated(events: CallEvent[], now: number, reject: (code: RejectCode, reason: string) => Rejected): CallEvent[] {
  for (const e of events) {
    const r = parseEvent(e, now);
    if (!r.ok) throw reject("invalidEvent", `${e.type}: ${r.error}`);
  }
  return events;
}
