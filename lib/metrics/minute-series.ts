import type { Channel } from "../events/schema";
import { queuedAt, type ContactState } from "./contact";
import { parseScope, type Scope } from "./scope";

const MINUTE = 60_000;
/** The live minute chart covers the last hour. */
export const MINUTES_SHOWN = 60;

/** When an inbound contact waited for an agent: [start, end), end null while it still waits. */
export interface WaitSpan {
  start: number;
  end: number | null;
  queue: string;
  channel: Channel;
}

/**
 * Every inbound contact's wait span, kept current as contacts change: from
 * `queuedAt` (a bot's hand-over, else the offer) until it was answered,
 * abandoned, self-served or ended, whichever came first. Derived from the
 * contact state alone, so independent of the order events arrived in.
 */
export class WaitSpans {
  private readonly spans = new Map<string, WaitSpan>();

  update(c: ContactState): void {
    const span = spanOf(c);
    if (span) this.spans.set(c.contactId, span);
    else this.spans.delete(c.contactId);
  }

  remove(contactId: string): void {
    this.spans.delete(contactId);
  }

  /** Forgets waits that ended before `before` (the chart never looks that far back). */
  prune(before: number): void {
    for (const [id, s] of this.spans) if (s.end !== null && s.end < before) this.spans.delete(id);
  }

  values(): Iterable<WaitSpan> {
    return this.spans.values();
  }

  get size(): number {
    return this.spans.size;
  }
}

function spanOf(c: ContactState): WaitSpan | null {
  const o = c.offered;
  if (!o || o.direction !== "inbound") return null;
  let end: number | null = null;
  for (const m of [c.answered, c.abandoned, c.selfserved, c.ended]) if (m && (end === null || m.at < end)) end = m.at;
  const start = queuedAt(c);
  if (end !== null && end <= start) return null;
  return { start, end, queue: o.queue, channel: o.channel };
}

/** Does a wait of `queue`/`channel` count in `scope`? Agent scopes have no queue wait. */
export function spanFilter(scope: Scope): (s: WaitSpan) => boolean {
  const p = parseScope(scope);
  switch (p.kind) {
    case "all":
      return () => true;
    case "queue":
      return (s) => s.queue === p.key;
    case "queues":
      return (s) => p.keys.includes(s.queue);
    case "channel":
      return (s) => s.channel === p.key;
    case "agent":
      return () => false;
  }
}

/** Starts of the last hour's minutes, the current (partial) minute last. */
export function minuteStarts(now: number, count = MINUTES_SHOWN): number[] {
  const current = Math.floor(now / MINUTE) * MINUTE;
  return Array.from({ length: count }, (_, i) => current - (count - 1 - i) * MINUTE);
}

/**
 * Contacts waiting at each instant of `instants` (ascending): those whose span
 * holds it (start ≤ t < end). One pass over the spans with a difference array.
 */
export function waitingAt(spans: Iterable<WaitSpan>, include: (s: WaitSpan) => boolean, instants: readonly number[]): number[] {
  const n = instants.length;
  const diff = new Array<number>(n + 1).fill(0);
  if (n === 0) return [];
  const first = instants[0]!;
  const last = instants[n - 1]!;
  for (const s of spans) {
    if (s.start > last || (s.end !== null && s.end <= first) || !include(s)) continue;
    const from = lowerBound(instants, s.start);
    const to = s.end === null ? n : lowerBound(instants, s.end);
    if (from < to) {
      diff[from]! += 1;
      diff[to]! -= 1;
    }
  }
  const out: number[] = [];
  let running = 0;
  for (let i = 0; i < n; i++) out.push((running += diff[i]!));
  return out;
}

/** First index whose instant is ≥ `at`. */
function lowerBound(xs: readonly number[], at: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One minute of the live chart: contacts waiting at its end (at `now` for the current one), its offers and service level. */
export interface MinutePoint {
  start: string;
  waiting: number;
  offered: number;
  /** The registry's service level of the contacts offered in that minute; null when none counts. */
  serviceLevel: number | null;
}

export interface MinuteSeries {
  scope: Scope;
  at: string;
  points: MinutePoint[];
}

/** The per-minute points of the last hour at `now`, from wait spans and the per-minute flow metrics. */
export function minutePoints(
  spans: Iterable<WaitSpan>,
  scope: Scope,
  now: number,
  flow: (from: number, to: number) => { offered: number | null; serviceLevel: number | null }[],
): MinutePoint[] {
  const starts = minuteStarts(now);
  const instants = starts.map((s) => Math.min(s + MINUTE - 1, now));
  const waiting = waitingAt(spans, spanFilter(scope), instants);
  const perMinute = flow(starts[0]!, now + 1);
  return starts.map((s, i) => ({
    start: new Date(s).toISOString(),
    waiting: waiting[i]!,
    offered: perMinute[i]?.offered ?? 0,
    serviceLevel: perMinute[i]?.serviceLevel ?? null,
  }));
}
