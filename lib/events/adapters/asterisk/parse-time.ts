import { TZDate } from "@date-fns/tz";

/**
 * The time column of a queue_log record, as epoch milliseconds, or null.
 * The file writes epoch seconds; the realtime table stores either epoch seconds
 * or `YYYY-MM-DD HH:MM:SS[.ffffff]` in the PBX's local time (UTC when
 * logger.conf sets `queue_log_realtime_use_gmt`), read here in `timeZone`.
 * An explicit offset (`Z`, `+01:00`) wins over `timeZone`.
 */
export function parseQueueLogTime(raw: string, timeZone: string): number | null {
  const s = raw.trim();
  if (/^\d{1,12}(\.\d{1,9})?$/.test(s)) {
    const ms = Math.floor(Number(s) * 1000);
    return plausible(ms) ? ms : null;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, frac, offset] = m;
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const [year, month, day, hour, minute, second] = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec)];
  if (month > 11 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  let at: number;
  if (offset) {
    const iso = `${y}-${mo}-${d}T${h}:${mi}:${sec}${offset.toUpperCase() === "Z" ? "Z" : normaliseOffset(offset)}`;
    at = Date.parse(iso) + ms;
  } else {
    at = new TZDate(year, month, day, hour, minute, second, ms, timeZone).getTime();
  }
  return plausible(at) ? at : null;
}

const normaliseOffset = (o: string) => (o.length === 3 ? `${o}:00` : o.includes(":") ? o : `${o.slice(0, 3)}:${o.slice(3)}`);

/** Asterisk's first queue_log is from 2004; beyond year 3000 is a corrupted field. */
const plausible = (ms: number) => Number.isFinite(ms) && ms >= Date.UTC(2000, 0, 1) && ms < Date.UTC(3000, 0, 1);
