import { TZDate } from "@date-fns/tz";
import type { DateFormat } from "./mapping";

/** Reading the instants and durations of a calls CSV. Pure. */

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?$/i;
/** Beyond this, a "date" is a typo, not a call: the event schema would refuse it anyway. */
const MIN_YEAR = 1970;
const MAX_YEAR = 2200;

const EXPECTED: Record<DateFormat, string> = {
  iso: "an ISO-8601 time with an offset, e.g. 2026-11-23T09:15:02+01:00",
  ymd: "a time such as 2026-11-23 09:15:02",
  dmy: "a time such as 23/11/2026 09:15:02",
  mdy: "a time such as 11/23/2026 09:15:02",
  "epoch-s": "seconds since 1970-01-01 UTC",
  "epoch-ms": "milliseconds since 1970-01-01 UTC",
};

const bad = (format: DateFormat): Read<number> => ({ ok: false, reason: `is not ${EXPECTED[format]}` });

/** An instant (epoch ms) from a cell, in `format`; local formats read wall-clock time in `timeZone`. */
export function parseInstant(raw: string, format: DateFormat, timeZone: string): Read<number> {
  const s = raw.trim();
  if (format === "epoch-s" || format === "epoch-ms") {
    if (!/^\d{1,16}(\.\d{1,6})?$/.test(s)) return bad(format);
    const ms = Math.round(Number(s) * (format === "epoch-s" ? 1000 : 1));
    return inRange(ms) ? { ok: true, value: ms } : { ok: false, reason: "is outside the years 1970–2200" };
  }
  if (ISO_WITH_OFFSET.test(s)) {
    const ms = Date.parse(s.replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
    if (Number.isFinite(ms) && inRange(ms)) return { ok: true, value: ms };
    return bad(format);
  }
  if (format === "iso") return bad(format);
  const m = LOCAL.exec(s);
  if (!m) return bad(format);
  const [a, b, c] = [m[1]!, m[2]!, m[3]!];
  const parts =
    format === "ymd" ? { y: a, mo: b, d: c } : format === "dmy" ? { y: c, mo: b, d: a } : { y: c, mo: a, d: b };
  if (parts.y.length !== 4) return bad(format);
  return localInstant(
    {
      y: Number(parts.y),
      mo: Number(parts.mo),
      d: Number(parts.d),
      h: Number(m[4] ?? 0),
      mi: Number(m[5] ?? 0),
      s: Number(m[6] ?? 0),
      ms: Math.round(Number(`0.${m[7] ?? "0"}`) * 1000),
    },
    timeZone,
    format,
  );
}

const inRange = (ms: number) => ms >= Date.UTC(MIN_YEAR, 0, 1) && ms < Date.UTC(MAX_YEAR, 0, 1);

interface WallClock {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
}

/**
 * A wall-clock time in `timeZone`. A time that does not exist there (the hour
 * skipped when clocks go forward) is refused; one that happens twice (the hour
 * repeated when they go back) is read as the second, standard-time one.
 */
function localInstant(w: WallClock, timeZone: string, format: DateFormat): Read<number> {
  if (w.y < MIN_YEAR || w.y >= MAX_YEAR || w.mo < 1 || w.mo > 12 || w.d < 1 || w.d > 31 || w.h > 23 || w.mi > 59 || w.s > 59) return bad(format);
  const t = new TZDate(w.y, w.mo - 1, w.d, w.h, w.mi, w.s, w.ms, timeZone);
  if (t.getDate() !== w.d || t.getMonth() !== w.mo - 1) return bad(format); // 31/02 rolls over
  if (t.getHours() !== w.h || t.getMinutes() !== w.mi) {
    return { ok: false, reason: `does not exist in ${timeZone} (clocks went forward that night)` };
  }
  return { ok: true, value: t.getTime() };
}

/** Longer than this, a "duration" of one call is a mistake (a day in seconds, say). */
export const MAX_DURATION_MS = 24 * 3_600_000;

/** A duration in milliseconds: seconds (`42`, `42.5`, `42,5`) or `[h:]mm:ss[.fff]`. */
export function parseDuration(raw: string): Read<number> {
  const s = raw.trim().replace(/[\s\u00a0\u202f]/g, "");
  let ms: number | null = null;
  if (/^\d+([.,]\d+)?$/.test(s)) ms = Number(s.replace(",", ".")) * 1000;
  else {
    const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(s);
    if (m && Number(m[3]) < 60 && (m[1] === undefined || Number(m[2]) < 60)) {
      ms = ((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Math.round(Number(`0.${m[4] ?? "0"}`) * 1000);
    }
  }
  if (ms === null) return { ok: false, reason: "is not a duration (seconds, or h:mm:ss)" };
  ms = Math.round(ms);
  if (ms > MAX_DURATION_MS) return { ok: false, reason: "is longer than 24 hours" };
  return { ok: true, value: ms };
}
