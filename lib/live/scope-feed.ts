import type { Scope } from "../metrics/scope";
import { scopeSchema } from "../metrics/scope";

/** How one kind of per-scope live data is computed and when. */
export interface FeedSpec<T> {
  /** Room prefix: rooms are `<kind>|<scope>`. */
  kind: string;
  /** At most one push per room this often; a change after a quiet spell goes out at the next pass. */
  minIntervalMs: number;
  /** At most this many rooms computed per pass, least recently computed first, so a costly feed never stalls the push loop. */
  maxPerPass?: number;
  /** Recompute every room this often even if nothing was marked (time alone moves the data). */
  refreshMs: number;
  /** Whether a pass's dirty scopes may have changed this scope's data. */
  touched(scope: Scope, dirty: ReadonlySet<string>): boolean;
  /** The data of several scopes at `now`, computed together (shared work is done once). */
  compute(scopes: readonly Scope[], now: number): Map<Scope, T>;
  /** What identifies a value, leaving out its timestamp: a push goes out only when it changed. */
  signature(data: T): string;
  emit(room: string, data: T): void;
}

interface Room {
  scope: Scope;
  /** Signature of the last value pushed to the room. */
  sent: string | null;
  marked: boolean;
  computedAt: number;
  pushedAt: number;
}

/** A computed value is reused this long for new subscribers (a restart resubscribes every screen at once). */
const REUSE_MS = 1000;

/**
 * Rooms of one kind of per-scope live data (agent grid, waiting list, minute
 * chart): computed once per room, not per socket, when something it depends on
 * changed (or every `refreshMs`), and pushed only when the value changed, at
 * most every `minIntervalMs`. Subscribers get the current value in their ack.
 */
export class ScopeFeed<T> {
  private readonly rooms = new Map<string, Room>();
  private readonly cache = new Map<Scope, { at: number; data: T }>();
  private lastRefresh = -Infinity;

  constructor(private readonly spec: FeedSpec<T>) {}

  roomOf(scope: Scope): string {
    return `${this.spec.kind}|${scope}`;
  }

  /** Follows the socket.io adapter's room creations and deletions; ignores other rooms. */
  track(room: string, active: boolean): void {
    const prefix = `${this.spec.kind}|`;
    if (!room.startsWith(prefix)) return;
    if (!active) {
      const r = this.rooms.get(room);
      this.rooms.delete(room);
      if (r) this.cache.delete(r.scope);
      return;
    }
    const scope = scopeSchema.safeParse(room.slice(prefix.length));
    if (scope.success) this.rooms.set(room, { scope: scope.data, sent: null, marked: true, computedAt: -Infinity, pushedAt: -Infinity });
  }

  /** The value for a new subscriber: shared with the room's last computation when recent. */
  current(scope: Scope, now: number): T {
    const c = this.cache.get(scope);
    if (c && now - c.at < REUSE_MS) return c.data;
    const data = this.spec.compute([scope], now).get(scope)!;
    this.cache.set(scope, { at: now, data });
    return data;
  }

  /** A subscriber got `data` in its ack: a room's first one needs no push of the same value. */
  acked(room: string, data: T): void {
    const r = this.rooms.get(room);
    if (r && r.sent === null) r.sent = this.spec.signature(data);
  }

  /** One pass of the hub's push loop. */
  tick(now: number, dirty: ReadonlySet<string>): void {
    const refresh = now - this.lastRefresh >= this.spec.refreshMs;
    if (refresh) this.lastRefresh = now;
    for (const r of this.rooms.values()) if (!r.marked && (refresh || this.spec.touched(r.scope, dirty))) r.marked = true;
    const due = [...this.rooms.entries()]
      .filter(([, r]) => r.marked && now - r.pushedAt >= this.spec.minIntervalMs)
      .sort(([, a], [, b]) => a.computedAt - b.computedAt)
      .slice(0, this.spec.maxPerPass ?? Infinity);
    if (due.length === 0) return;
    const values = this.spec.compute([...new Set(due.map(([, r]) => r.scope))], now);
    for (const [room, r] of due) {
      r.marked = false;
      r.computedAt = now;
      const data = values.get(r.scope)!;
      this.cache.set(r.scope, { at: now, data });
      const sig = this.spec.signature(data);
      if (sig === r.sent) continue;
      r.sent = sig;
      r.pushedAt = now;
      this.spec.emit(room, data);
    }
  }

  get size(): number {
    return this.rooms.size;
  }
}
