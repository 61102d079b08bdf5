import type { Server } from "socket.io";
import type { SocketAuthData } from "../auth/socket-auth";
import type { VigieEvent } from "../events/schema";
import type { MetricsEngine } from "../metrics/engine";
import { memberScopes } from "../metrics/scope";
import { startOfLocalDay } from "../metrics/time";
import type { Series, Snapshot } from "../metrics/snapshot";
import { roomOf, type Catalog, type ClientToServerEvents, type ServerToClientEvents, type Subscription } from "./socket-events";

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, Partial<SocketAuthData>>;

export type TickListener = (now: number, full: boolean, dirty: ReadonlySet<string>) => void;

interface Published {
  key: string;
  version: number;
}

const TICK_MS = 250; // at most 4 pushes a second per scope
const FULL_PASS_MS = 1000; // time alone moves windows and waits
const SERIES_MS = 5000;
const SERIES_REUSE_MS = 1000;
const EVICT_MS = 5 * 60_000;
const EVICT_GROWTH = 50_000;
const MAX_UNSUBSCRIBED = 2000;

/**
 * Feeds stored events to the engine and pushes snapshots to socket rooms, one
 * room per (scope, window). A room is recomputed when its scope changed, and
 * every second for time-driven metrics; it is pushed only when a number moved.
 */
export class LiveHub {
  private readonly published = new Map<string, Published>();
  private readonly subscribed = new Map<string, Subscription>();
  /** Version last emitted to each room: HTTP reads and new subscribers compute snapshots too. */
  private readonly pushed = new Map<string, number>();
  private readonly lastSeries = new Map<string, number>();
  private readonly seriesCache = new Map<string, { computedAt: number; series: Series }>();
  private lastVersion = 0;
  private lastFull = 0;
  private lastEvict = 0;
  private sizeAfterEvict = 0;
  private catalogVersion = 0;
  private timer: NodeJS.Timeout | undefined;
  private io: LiveServer | undefined;
  private readonly catalogListeners = new Set<(c: Catalog) => void>();
  private readonly tickListeners = new Set<TickListener>();

  constructor(
    readonly engine: MetricsEngine,
    private readonly clock: () => number = Date.now,
  ) {}

  onStored(events: VigieEvent[]): void {
    const now = this.clock();
    for (const e of events) this.engine.apply(e, now);
    // A bulk import of old history must not pile up until the periodic eviction.
    if (this.engine.size.contacts > this.sizeAfterEvict + EVICT_GROWTH) this.evict(now);
  }

  private evict(now: number): void {
    this.lastEvict = now;
    this.engine.evict(now);
    this.sizeAfterEvict = this.engine.size.contacts;
  }

  /** The current snapshot; its version grows whenever its numbers change, across restarts too. */
  snapshot(sub: Subscription): Snapshot {
    const now = this.clock();
    const metrics = this.engine.metrics(sub.scope, sub.window, now);
    const room = roomOf(sub);
    const key = JSON.stringify(metrics);
    let p = this.published.get(room);
    if (!p || p.key !== key) {
      p = { key, version: this.nextVersion(now) };
      this.published.set(room, p);
      if (!this.subscribed.has(room) && this.published.size > MAX_UNSUBSCRIBED + this.subscribed.size) this.trim();
    }
    const settings = this.engine.settings(sub.scope);
    return { at: new Date(now).toISOString(), version: p.version, scope: sub.scope, window: sub.window, metrics, settings };
  }

  /**
   * Today's per-15-minute series of a scope, from local midnight to now. Shared
   * for a second: after a restart every wallboard resubscribes at once, and
   * recomputing it per socket would stall ingest for seconds.
   */
  series(scope: Subscription["scope"]): Series {
    const now = this.clock();
    const cached = this.seriesCache.get(scope);
    if (cached && now - cached.computedAt < SERIES_REUSE_MS) return cached.series;
    const series = this.computeSeries(scope, now);
    this.seriesCache.set(scope, { computedAt: now, series });
    return series;
  }

  private computeSeries(scope: Subscription["scope"], now: number): Series {
    const from = startOfLocalDay(now, this.engine.timeZone);
    const points = this.engine.series(scope, from, now + 1, 15).map((p) => ({ start: new Date(p.start).toISOString(), metrics: p.metrics }));
    return { scope, stepMinutes: 15, at: new Date(now).toISOString(), points };
  }

  catalog(): Catalog {
    return this.engine.catalog();
  }

  /** The queues an agent currently serves, as `canViewScope` needs them. */
  queuesOfAgent(agentId: string): readonly string[] {
    return this.engine.queuesOfAgent(agentId);
  }

  /**
   * Called with the full catalog whenever it changes. The socket layer filters
   * it per socket: the catalog names queues and agents a reader may not see.
   */
  onCatalogChange(listener: (c: Catalog) => void): () => void {
    this.catalogListeners.add(listener);
    return () => this.catalogListeners.delete(listener);
  }

  /**
   * Called after every pass of the push loop (4 a second; `full` once a second),
   * for features that follow the live numbers (alerts, agent grids…).
   */
  onTick(listener: TickListener): () => void {
    this.tickListeners.add(listener);
    return () => this.tickListeners.delete(listener);
  }

  /** The socket.io server the hub pushes through, once started. */
  get server(): LiveServer | undefined {
    return this.io;
  }

  /** A microsecond clock that never repeats nor goes back: versions stay monotonic across restarts. */
  private nextVersion(now: number): number {
    this.lastVersion = Math.max(this.lastVersion + 1, now * 1000);
    return this.lastVersion;
  }

  private trim(): void {
    for (const room of this.published.keys()) {
      if (this.published.size <= MAX_UNSUBSCRIBED) break;
      if (!this.subscribed.has(room)) this.published.delete(room);
    }
  }

  /** Called by the socket layer when a room gains its first member or loses its last. */
  trackRoom(sub: Subscription, active: boolean): void {
    const room = roomOf(sub);
    if (active) this.subscribed.set(room, sub);
    else {
      this.subscribed.delete(room);
      this.pushed.delete(room);
    }
  }

  start(io: LiveServer): void {
    this.io = io;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass of the push loop; public for tests. */
  tick(): void {
    const io = this.io;
    if (!io) return;
    const now = this.clock();
    this.engine.tick(now);
    const dirty = this.engine.takeDirty();
    const full = now - this.lastFull >= FULL_PASS_MS;
    if (full) this.lastFull = now;

    for (const [room, sub] of this.subscribed) {
      const changed = memberScopes(sub.scope).some((m) => dirty.has(m));
      if (!full && !changed) continue;
      const snap = this.snapshot(sub);
      if (snap.version !== this.pushed.get(room)) {
        this.pushed.set(room, snap.version);
        io.to(room).emit("snapshot", snap);
      }
      if (sub.window === "today" && (changed || full)) {
        const last = this.lastSeries.get(room) ?? 0;
        if (now - last >= SERIES_MS) {
          this.lastSeries.set(room, now);
          io.to(room).emit("series", this.series(sub.scope));
        }
      }
    }
    if (full) {
      io.emit("heartbeat", { at: new Date(now).toISOString() });
      for (const [scope, c] of this.seriesCache) if (now - c.computedAt >= SERIES_MS) this.seriesCache.delete(scope);
    }
    if (this.engine.catalogVersion !== this.catalogVersion) {
      this.catalogVersion = this.engine.catalogVersion;
      const catalog = this.catalog();
      for (const listener of this.catalogListeners) listener(catalog);
    }
    for (const listener of this.tickListeners) listener(now, full, dirty);
    if (now - this.lastEvict >= EVICT_MS) this.evict(now);
  }
}
