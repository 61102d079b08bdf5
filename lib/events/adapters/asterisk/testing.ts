import { TZDate } from "@date-fns/tz";

/**
 * Test helpers: the morning fixture moved to "now". The fixture is dated
 * 2026-11-23 08:00–09:00 Europe/Paris; tests shift every epoch by whole seconds
 * so its last line falls a minute ago, and pick a fixed-offset time zone where
 * it is midday now, so that the whole morning is "today" whenever tests run.
 */
export const FIXTURE_T0 = 1795417200; // 2026-11-23 08:00:00 Europe/Paris
export const FIXTURE_LAST = FIXTURE_T0 + 3600; // the last line: 09:00:00

/** A zone where the local time now is between 12:00 and 13:00 (Etc/GMT-5 is UTC+5). */
export function middayZone(now: number): string {
  const offset = 12 - new Date(now).getUTCHours();
  return offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

/** Moves every epoch-seconds time field of queue_log lines by `delta` seconds (NUL-prefixed lines too). */
export function shiftLog(text: string, delta: number): string {
  return text.replace(/(^|\n|\0)(\d{10})\|/g, (_m, lead: string, epoch: string) => `${lead}${Number(epoch) + delta}|`);
}

/** Moves the local dates of a database export by `delta` seconds, re-written in `toZone`. */
export function shiftExport(text: string, delta: number, fromZone: string, toZone: string): string {
  return text.replace(/"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{6})"/g, (_m, y, mo, d, h, mi, s, us: string) => {
    const at = new TZDate(+y, +mo - 1, +d, +h, +mi, +s, 0, fromZone).getTime() + delta * 1000;
    const l = new TZDate(at, toZone);
    const p = (n: number, w = 2) => String(n).padStart(w, "0");
    return `"${l.getFullYear()}-${p(l.getMonth() + 1)}-${p(l.getDate())} ${p(l.getHours())}:${p(l.getMinutes())}:${p(l.getSeconds())}.${us}"`;
  });
}
