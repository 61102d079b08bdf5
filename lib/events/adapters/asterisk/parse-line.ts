import { makeRecord, MAX_FIELD, type QueueLogRecord } from "./record";
import { parseQueueLogTime } from "./parse-time";

export type ParsedLine = { ok: true; record: QueueLogRecord } | { ok: false; reason: string };

/**
 * One line of the queue_log file: `epoch|callid|queue|agent|VERB|data1|…`
 * (ast_queue_log in main/logger.c writes it with fprintf). `timeZone` only
 * matters for the rare logs that write a date instead of epoch seconds.
 */
export function parseLine(text: string, timeZone: string): ParsedLine {
  const line = text.replace(/\r$/, "");
  if (line.trim() === "") return { ok: false, reason: "blank" };
  const fields = line.split("|");
  if (fields.length < 5) return { ok: false, reason: "malformed" };
  const [time, callid, queue, agent, verb, ...data] = fields as [string, string, string, string, string, ...string[]];
  return toRecord(time, { callid, queue, agent, verb, data }, timeZone);
}

/** Shared with the database exports: validates the columns every record has. */
export function toRecord(
  time: string,
  fields: { callid: string; queue: string; agent: string; verb: string; data: readonly string[] },
  timeZone: string,
): ParsedLine {
  const at = parseQueueLogTime(time, timeZone);
  if (at === null) return { ok: false, reason: "bad-time" };
  const record = makeRecord(at, fields);
  // A decoded body or file never holds lone surrogates; a string built in memory may, and could not be stored.
  if (![record.callid, record.queue, record.agent, ...record.data].every((f) => f.isWellFormed())) return { ok: false, reason: "bad-encoding" };
  if (!/^[A-Z0-9_-]{1,32}$/.test(record.verb)) return { ok: false, reason: "malformed" };
  if (record.callid.length > MAX_FIELD || record.queue.length > MAX_FIELD || record.agent.length > MAX_FIELD) {
    return { ok: false, reason: "field-too-long" };
  }
  return { ok: true, record };
}
