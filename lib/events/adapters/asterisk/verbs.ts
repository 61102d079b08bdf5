import type { QueueLogRecord } from "./record";

/**
 * The data fields of each app_queue verb, in the order apps/app_queue.c writes
 * them with ast_queue_log (Asterisk 13–22; older versions write a prefix of
 * these: ENTERQUEUE had no position before 13). Times are whole seconds except
 * the ring times of RINGNOANSWER and RINGCANCELED, in milliseconds.
 */
export const VERB_FIELDS = {
  ENTERQUEUE: ["url", "callerId", "position"],
  CONNECT: ["holdTime", "bridgedUniqueId", "ringTime"],
  COMPLETECALLER: ["holdTime", "callTime", "origPosition"],
  COMPLETEAGENT: ["holdTime", "callTime", "origPosition"],
  ABANDON: ["position", "origPosition", "waitTime"],
  EXITWITHTIMEOUT: ["position", "origPosition", "waitTime"],
  EXITEMPTY: ["position", "origPosition", "waitTime"],
  EXITWITHKEY: ["key", "position", "origPosition", "waitTime"],
  WITHDRAW: ["position", "origPosition", "waitTime", "withdrawInfo"],
  TRANSFER: ["extension", "context", "holdTime", "callTime", "origPosition"],
  BLINDTRANSFER: ["extension", "context", "holdTime", "callTime", "origPosition"],
  /** `BRIDGE|<bridge>`, `APP|<app>` or `LINK|<chan1>|<chan2>`, then the three times: read from the right. */
  ATTENDEDTRANSFER: ["method", "target", "holdTime", "callTime", "origPosition"],
  RINGNOANSWER: ["ringTimeMs"],
  RINGCANCELED: ["ringTimeMs"],
  AGENTLOGIN: ["channel"],
  AGENTLOGOFF: ["channel", "loginTime"],
  AGENTCALLBACKLOGIN: ["extenAtContext"],
  AGENTCALLBACKLOGOFF: ["extenAtContext", "loginTime", "reason"],
  ADDMEMBER: ["paused"],
  REMOVEMEMBER: [],
  PAUSE: ["reason"],
  UNPAUSE: ["reason"],
  PAUSEALL: ["reason"],
  UNPAUSEALL: ["reason"],
} as const;

export type Verb = keyof typeof VERB_FIELDS;

/** app_queue verbs that carry no contact or agent state Vigie models: counted as `not-mapped:<VERB>`. */
export const NOT_MAPPED: ReadonlySet<string> = new Set([
  "RINGNOANSWER", "RINGCANCELED", "AGENTDUMP", "SYSCOMPAT", "CONFIGRELOAD", "QUEUESTART", "PENALTY", "RINGINUSE",
]);


/** The record's data by field name; missing fields are empty strings. */
export function fieldsOf<V extends Verb>(r: QueueLogRecord, verb: V): Record<(typeof VERB_FIELDS)[V][number], string> {
  const names = VERB_FIELDS[verb] as readonly string[];
  if (verb === "ATTENDEDTRANSFER") {
    const d = r.data;
    const times = d.length >= 5 ? d.slice(-3) : d.slice(2);
    return { method: d[0] ?? "", target: d.slice(1, Math.max(1, d.length - 3)).join("|"), holdTime: times[0] ?? "", callTime: times[1] ?? "", origPosition: times[2] ?? "" } as never;
  }
  return Object.fromEntries(names.map((n, i) => [n, r.data[i] ?? ""])) as never;
}

/** A whole number of seconds, or undefined. */
export function seconds(s: string): number | undefined {
  return /^\d{1,9}$/.test(s) ? Number(s) : undefined;
}
