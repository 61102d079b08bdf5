import { createHash } from "node:crypto";

/**
 * One queue_log record, whatever it was read from: a line of the file
 * (`epoch|callid|queue|agent|VERB|data1|…`) or a row of a database export of
 * the realtime `queue_log` table. Fields are trimmed; `data` has no trailing
 * empty fields, so a file line and the same row exported with data1..data5
 * columns are the same record.
 */
export interface QueueLogRecord {
  /** Epoch milliseconds: whole seconds from a file line, finer from some database exports. */
  at: number;
  /** Whole epoch seconds: what the identity uses, as every source has them. */
  second: number;
  callid: string;
  queue: string;
  agent: string;
  /** Upper-cased. */
  verb: string;
  data: string[];
}

/** Fields longer than this are not from app_queue (its names are at most 80–150 characters). */
export const MAX_FIELD = 150;

export function makeRecord(at: number, fields: { callid: string; queue: string; agent: string; verb: string; data: readonly string[] }): QueueLogRecord {
  const data = fields.data.map((d) => d.trim());
  while (data.length > 0 && data[data.length - 1] === "") data.pop();
  return {
    at,
    second: Math.floor(at / 1000),
    callid: fields.callid.trim(),
    queue: fields.queue.trim(),
    agent: fields.agent.trim(),
    verb: fields.verb.trim().toUpperCase(),
    data,
  };
}

/**
 * The record's identity: a hash of its normalised content. The same line sent
 * over HTTP, read by the tailer or found in a database export gets the same
 * identity, so each event derived from it keeps one id and a resend is a duplicate.
 */
export function recordKey(r: QueueLogRecord): string {
  const text = [r.second, r.callid, r.queue, r.agent, r.verb, ...r.data].join("|");
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}
