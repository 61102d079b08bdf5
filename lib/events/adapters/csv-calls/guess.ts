import { headerKey } from "../../../csv/parse";
import { CALL_FIELDS, DEFAULT_ABANDONED_VALUES, DEFAULT_ANSWERED_VALUES, TIME_FIELDS, type CallField, type CallMappingInput, type DateFormat } from "./mapping";
import { parseInstant } from "./times";
import { channelOf, directionOf } from "./values";

/**
 * A first mapping proposed from a file's header and first rows: common column
 * names of telephony exports (Asterisk CDR, Genesys, Five9, French exports),
 * and the date format the time cells read in. The page shows it for review.
 */

/** Header names per field, compared as `headerKey` with `_`, `-`, `.` and `/` as spaces. Earlier fields claim a column first. */
const NAMES: Record<CallField, string[]> = {
  contactId: [
    "call id", "callid", "contact id", "contactid", "uniqueid", "unique id", "linkedid", "interaction id", "conversation id", "session id",
    "call guid", "id appel", "identifiant appel", "identifiant de l'appel", "n° appel", "numero appel", "numero d'appel", "id contact", "id",
  ],
  queue: [
    "queue", "queue name", "skill", "skill name", "acd group", "split", "file d'attente", "file", "nom de la file", "groupe", "service",
    "campaign", "campagne", "groupe acd",
  ],
  offeredAt: [
    "start time", "start", "call start", "call start time", "start date", "date time", "datetime", "timestamp", "offered", "offered at",
    "offered time", "queue start", "enter queue", "calldate", "call date", "date", "date appel", "date d'appel", "date de l'appel",
    "date de debut", "debut", "heure de debut", "heure d'arrivee", "arrivee", "date heure",
  ],
  offeredTime: ["time", "heure", "heure appel", "heure d'appel", "call time"],
  answeredAt: ["answer time", "answered at", "answered time", "answer", "connect time", "connected at", "heure de decroche", "decroche", "heure de reponse"],
  abandonedAt: ["abandon time", "abandoned at", "abandoned time", "heure d'abandon", "date d'abandon"],
  endedAt: ["end time", "end", "ended", "ended at", "call end", "call end time", "hangup time", "end date", "fin", "heure de fin", "date de fin", "raccroche"],
  wrappedAt: ["wrap up end", "wrapup end", "acw end", "after call work end", "fin post appel", "fin de post appel", "fin du post appel"],
  agentId: [
    "agent", "agent id", "agent name", "agent login", "agent username", "user", "user name", "username", "login", "conseiller",
    "teleconseiller", "operateur", "nom agent", "agent nom", "id agent", "users",
  ],
  outcome: ["disposition", "status", "call status", "result", "call result", "outcome", "statut", "etat", "resultat", "issue", "statut appel", "abandoned"],
  waitSeconds: [
    "wait time", "wait", "queue time", "queue wait time", "time in queue", "queue duration", "speed of answer", "ring time", "hold time in queue",
    "total queue", "attente", "temps d'attente", "duree d'attente", "duree attente", "delai d'attente",
  ],
  talkSeconds: [
    "talk time", "talk", "talk duration", "billsec", "conversation", "duree de conversation", "duree conversation", "temps de conversation",
    "duree communication", "total talk", "duree", "duration",
  ],
  holdSeconds: ["hold time", "hold", "on hold", "hold duration", "mise en attente", "duree de mise en attente", "garde", "temps de garde", "duree de garde", "total hold"],
  acwSeconds: [
    "acw", "acw time", "after call work", "after call work time", "wrap up time", "wrapup time", "wrap time", "wrap up", "post appel",
    "duree post appel", "temps post appel", "temps de post appel", "total acw",
  ],
  channel: ["channel", "media type", "media", "canal", "type de media", "media channel"],
  direction: ["direction", "call direction", "call type", "sens", "type d'appel", "sens d'appel"],
  customerId: ["customer id", "customer", "ani", "caller id", "callerid", "caller", "src", "client", "id client", "numero client", "appelant", "numero appelant"],
};

const nameKey = (s: string) => headerKey(s).replace(/[_\-./]+/g, " ").replace(/\s+/g, " ").trim();
const KEYS: Record<CallField, string[]> = Object.fromEntries(CALL_FIELDS.map((f) => [f, NAMES[f].map(nameKey)])) as Record<CallField, string[]>;

/** Fields whose cells must mostly make sense before a column is proposed (Asterisk's `channel` is `SIP/…`, not a medium). */
const VALUE_CHECKS: Partial<Record<CallField, (v: string) => boolean>> = {
  channel: (v) => channelOf(v) !== undefined,
  direction: (v) => directionOf(v) !== undefined,
};

export interface GuessInput {
  header: readonly string[];
  /** The first rows (a few dozen are plenty). */
  sample: readonly (readonly string[])[];
  timeZone: string;
  /** Which of day/month or month/day to prefer when the sample cannot tell: French exports are day first. */
  dayFirst?: boolean;
}

export function guessMapping({ header, sample, timeZone, dayFirst = true }: GuessInput): CallMappingInput {
  const columns: Partial<Record<CallField, string>> = {};
  const cellsOf = (i: number) => sample.map((r) => (r[i] ?? "").trim()).filter((v) => v !== "");
  const taken = new Set<number>();
  // Field by field in CALL_FIELDS order; each takes the free column with its most telling name (Asterisk: billsec before duration).
  const keys = header.map(nameKey);
  for (const f of CALL_FIELDS) {
    const check = VALUE_CHECKS[f];
    for (const name of KEYS[f]) {
      const i = keys.findIndex((k, i) => k === name && !taken.has(i));
      if (i < 0) continue;
      const cells = cellsOf(i);
      if (check && cells.length > 0 && cells.filter(check).length < cells.length / 2) continue;
      columns[f] = header[i]!.trim();
      taken.add(i);
      break;
    }
  }
  // A separate time column only completes a date-only column.
  const dateIndex = columns.offeredAt === undefined ? -1 : header.findIndex((h) => h.trim() === columns.offeredAt);
  if (columns.offeredTime !== undefined && (dateIndex < 0 || cellsOf(dateIndex).some((v) => v.includes(":")))) delete columns.offeredTime;
  const timeCells = TIME_FIELDS.flatMap((f) => {
    const i = columns[f] === undefined ? -1 : header.findIndex((h) => h.trim() === columns[f]);
    if (i < 0) return [];
    const t = f === "offeredAt" && columns.offeredTime !== undefined ? header.findIndex((h) => h.trim() === columns.offeredTime) : -1;
    return sample.map((r) => `${r[i] ?? ""} ${t >= 0 ? (r[t] ?? "") : ""}`.trim()).filter((v) => v !== "");
  });
  const outcome = columns.outcome === undefined ? undefined : nameKey(columns.outcome);
  return {
    columns,
    dateFormat: guessDateFormat(timeCells, timeZone, dayFirst),
    timeZone,
    // Five9-style "ABANDONED" columns hold 1/0.
    answeredValues: outcome === "abandoned" ? ["0", "no", "false", "non"] : DEFAULT_ANSWERED_VALUES,
    abandonedValues: outcome === "abandoned" ? ["1", "yes", "true", "oui"] : DEFAULT_ABANDONED_VALUES,
  };
}

/** The format that reads the most sample cells (earlier formats win ties); day/month order settled by a day over 12 when there is one. */
export function guessDateFormat(cells: readonly string[], timeZone: string, dayFirst = true): DateFormat {
  const order: DateFormat[] = ["iso", "ymd", ...(dayFirst ? (["dmy", "mdy"] as const) : (["mdy", "dmy"] as const)), "epoch-s", "epoch-ms"];
  const digits = cells.filter((c) => /^\d+(\.\d+)?$/.test(c.trim()));
  // Epoch seconds and milliseconds both read any number: the digits tell which.
  const epoch: DateFormat = digits.length > 0 && digits.every((c) => c.trim().split(".")[0]!.length >= 12) ? "epoch-ms" : "epoch-s";
  let best: DateFormat = dayFirst ? "dmy" : "mdy";
  let most = 0;
  for (const f of order) {
    if ((f === "epoch-s" || f === "epoch-ms") && f !== epoch) continue;
    const n = cells.filter((c) => parseInstant(c, f, timeZone).ok).length;
    if (n > most) (best = f), (most = n);
  }
  return best;
}
