/** The Asterisk queue_log adapter: pure translation, no I/O (docs/integrations/asterisk.md). */
export { agentIdOf } from "./agent-id";
export type { Candidate } from "./candidate";
export { mapRecord } from "./map";
export { MemberTracker, memberTrackerSchema } from "./members";
export { parseLine } from "./parse-line";
export { detectExportHeader, parseExportRow } from "./parse-export";
export { recordKey, type QueueLogRecord } from "./record";
export type { SkipReport } from "./skips";
export { translateQueueLog, type TranslateOptions, type Translation } from "./translate";
