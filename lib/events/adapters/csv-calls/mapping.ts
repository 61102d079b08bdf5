import { z } from "zod";

/**
 * How the columns of a historical calls CSV become Vigie fields. Columns are
 * named by their header text, so one mapping serves every export of a system.
 * Pure: the import page and the import route share it.
 */

/** Every field a column may feed; times and durations are alternatives (README: docs/integrations/csv-import.md). */
export const CALL_FIELDS = [
  "contactId",
  "queue",
  "offeredAt",
  "offeredTime",
  "answeredAt",
  "abandonedAt",
  "endedAt",
  "wrappedAt",
  "agentId",
  "outcome",
  "waitSeconds",
  "talkSeconds",
  "holdSeconds",
  "acwSeconds",
  "channel",
  "direction",
  "customerId",
] as const;
export type CallField = (typeof CALL_FIELDS)[number];

export const REQUIRED_FIELDS = ["contactId", "queue", "offeredAt"] as const satisfies readonly CallField[];

/** Fields that hold an instant, read with the mapping's date format. */
export const TIME_FIELDS = ["offeredAt", "answeredAt", "abandonedAt", "endedAt", "wrappedAt"] as const satisfies readonly CallField[];
/** Fields that hold a duration: seconds (`42`, `42,5`) or `[h:]mm:ss`. */
export const DURATION_FIELDS = ["waitSeconds", "talkSeconds", "holdSeconds", "acwSeconds"] as const satisfies readonly CallField[];

/**
 * - `iso`: ISO-8601 with an offset (`2026-11-23T09:15:02+01:00`, `…Z`).
 * - `ymd`, `dmy`, `mdy`: local wall-clock times in `timeZone` —
 *   `2026-11-23 09:15:02`, `23/11/2026 09:15:02`, `11/23/2026 09:15:02`
 *   (`-`, `/` or `.` between date parts, `T` or a space before the time,
 *   seconds and fractions optional). A value carrying its own offset keeps it.
 * - `epoch-s`, `epoch-ms`: seconds or milliseconds since 1970 (UTC).
 */
export const DATE_FORMATS = ["iso", "ymd", "dmy", "mdy", "epoch-s", "epoch-ms"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

/** Status values (compared without case or accents) that say how a call ended. */
export const DEFAULT_ANSWERED_VALUES = ["answered", "answer", "connected", "handled", "completed", "répondu", "décroché", "traité", "abouti"];
export const DEFAULT_ABANDONED_VALUES = ["abandoned", "abandon", "no answer", "noanswer", "missed", "unanswered", "abandonné", "non répondu", "perdu", "raccroché"];

const columnName = z.string().trim().min(1, "must not be empty").max(200);
const values = z.array(z.string().trim().min(1).max(100)).max(50);

export const callMappingSchema = z
  .object({
    columns: z.partialRecord(z.enum(CALL_FIELDS), columnName),
    dateFormat: z.enum(DATE_FORMATS),
    timeZone: z.string().max(100).refine(isTimeZone, "is not an IANA time zone (e.g. Europe/Paris)"),
    answeredValues: values.default(DEFAULT_ANSWERED_VALUES),
    abandonedValues: values.default(DEFAULT_ABANDONED_VALUES),
    /** The agent of an answered call whose agent cell is empty; without it such a row is rejected. */
    unknownAgent: z.string().trim().max(200).optional(),
  })
  .superRefine((m, ctx) => {
    for (const f of REQUIRED_FIELDS) {
      if (!m.columns[f]) ctx.addIssue({ code: "custom", path: ["columns", f], message: "a column is required" });
    }
  });

export type CallMapping = z.output<typeof callMappingSchema>;
export type CallMappingInput = z.input<typeof callMappingSchema>;

/** Where each mapped field is in a header, or the mapped column the header lacks. */
export type ResolvedMapping = { ok: true; index: Partial<Record<CallField, number>> } | { ok: false; field: CallField; column: string };

export function resolveColumns(mapping: CallMapping, header: readonly string[]): ResolvedMapping {
  const byName = new Map<string, number>();
  header.forEach((h, i) => {
    const name = h.trim();
    if (!byName.has(name)) byName.set(name, i);
  });
  const index: Partial<Record<CallField, number>> = {};
  for (const f of CALL_FIELDS) {
    const column = mapping.columns[f];
    if (column === undefined) continue;
    const i = byName.get(column);
    if (i === undefined) return { ok: false, field: f, column };
    index[f] = i;
  }
  return { ok: true, index };
}
