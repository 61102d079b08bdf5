"use client";

import { useCallback, useSyncExternalStore } from "react";
import { io, type Socket } from "socket.io-client";
import {
  roomOf,
  type Catalog,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type Subscription,
} from "@/lib/live/socket-events";
import type { Scope, WindowId } from "@/lib/metrics/scope";
import type { Series, Snapshot } from "@/lib/metrics/snapshot";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Listener = () => void;

export interface ConnectionState {
  connected: boolean;
  /** Client clock (ms) when the last snapshot or heartbeat arrived; null before any. */
  lastHeard: number | null;
  /** Server clock minus client clock (ms), from the last heartbeat. */
  serverOffsetMs: number;
  /** Client clock (ms) when `connected` last changed, or when the socket was created. */
  since: number;
}

/** One (scope, window) the tab is subscribed to, shared by every hook that asks for it. */
interface Entry {
  sub: Subscription;
  refs: number;
  snapshot: Snapshot | null;
  /** Accept the next snapshot whatever its version: set on (re)subscribe, as a restarted server may count again from 0. */
  fresh: boolean;
  listeners: Set<Listener>;
  releaseTimer: ReturnType<typeof setTimeout> | undefined;
}

const EMPTY_CATALOG: Catalog = { queues: [], channels: [], agents: [] };
const SERVER_CONNECTION: ConnectionState = { connected: false, lastHeard: null, serverOffsetMs: 0, since: 0 };
/** A released subscription lingers this long, so StrictMode remounts and quick toggles don't churn the server. */
const RELEASE_DELAY_MS = 1000;
const SERVER_KICK_RETRY_MS = 5000;

let socket: LiveSocket | null = null;
let socketOptions: LiveSocketOptions = {};
let connection = SERVER_CONNECTION;
let catalog = EMPTY_CATALOG;
const entries = new Map<string, Entry>();
const seriesByScope = new Map<Scope, Series>();
const connectionListeners = new Set<Listener>();
const catalogListeners = new Set<Listener>();
const seriesListeners = new Map<Scope, Set<Listener>>();

const notify = (listeners: Iterable<Listener> | undefined) => {
  if (listeners) for (const l of [...listeners]) l();
};

function setConnection(patch: Partial<ConnectionState>) {
  connection = { ...connection, ...patch };
  notify(connectionListeners);
}

function accept(entry: Entry, next: Snapshot) {
  const held = entry.snapshot;
  if (!entry.fresh && held) {
    if (next.version < held.version) return;
    if (next.version === held.version && Date.parse(next.at) < Date.parse(held.at)) return;
  }
  entry.fresh = false;
  entry.snapshot = next;
  notify(entry.listeners);
}

function requestSubscribe(s: LiveSocket, entry: Entry) {
  entry.fresh = true;
  s.emit("subscribe", entry.sub, (res) => {
    if (entries.get(roomOf(entry.sub)) !== entry) return; // released meanwhile
    if (!res.ok) {
      console.warn(`[vigie] subscription ${roomOf(entry.sub)} refused: ${res.error}`);
      return;
    }
    setConnection({ lastHeard: Date.now() });
    accept(entry, res.snapshot);
  });
}

export interface LiveSocketOptions {
  /** socket.io handshake `auth`, e.g. `{ kiosk: token }` for a kiosk screen. */
  auth?: Record<string, string>;
  /** The server refused the connection (its middleware said no, e.g. a revoked kiosk link); it is not retried. */
  onRefused?: (reason: string) => void;
}

/** Sets how the tab's socket connects; call before the first hook renders (later calls are ignored). */
export function configureLiveSocket(options: LiveSocketOptions): void {
  if (!socket) socketOptions = options;
}

/** The tab's one socket (created on first use), for features with their own events (alerts). */
export const liveSocket = (): LiveSocket => getSocket();

/** Server clock minus this tab's (ms), from the last heartbeat: durations on screen count from the server's instants. */
export const serverOffsetMs = (): number => connection.serverOffsetMs;

function getSocket(): LiveSocket {
  if (socket) return socket;
  // Same origin, default path /socket.io. Emits are only sent while connected: the
  // "connect" handler (re)subscribes everything, so socket.io's offline buffer stays unused.
  const { auth, onRefused } = socketOptions;
  const s: LiveSocket = io({ transports: ["websocket"], ...(auth ? { auth } : {}) });
  socket = s;
  connection = { ...connection, since: Date.now() };
  // A middleware refusal leaves the socket inactive: socket.io will not retry it.
  if (onRefused) s.on("connect_error", (err) => void (s.active || onRefused(err.message)));

  s.on("connect", () => {
    setConnection({ connected: true, since: Date.now() });
    for (const entry of entries.values()) requestSubscribe(s, entry);
  });
  s.on("disconnect", (reason) => {
    setConnection({ connected: false, since: Date.now() });
    // socket.io does not retry after a server-side disconnect; a wallboard on a TV must, gently.
    if (reason === "io server disconnect") setTimeout(() => s.connect(), SERVER_KICK_RETRY_MS);
  });
  s.on("heartbeat", ({ at }) => {
    const now = Date.now();
    const serverAt = Date.parse(at);
    setConnection({ lastHeard: now, serverOffsetMs: Number.isFinite(serverAt) ? serverAt - now : connection.serverOffsetMs });
  });
  s.on("snapshot", (snap) => {
    setConnection({ lastHeard: Date.now() });
    const entry = entries.get(roomOf(snap));
    if (entry) accept(entry, snap);
  });
  s.on("series", (series) => {
    // Only for scopes still held: a late push must not re-grow the cache after a release.
    if (!entries.has(roomOf({ scope: series.scope, window: "today" }))) return;
    seriesByScope.set(series.scope, series);
    notify(seriesListeners.get(series.scope));
  });
  s.on("catalog", (next) => {
    catalog = next;
    notify(catalogListeners);
  });
  return s;
}

function retain(sub: Subscription): Entry {
  const key = roomOf(sub);
  const existing = entries.get(key);
  if (existing) {
    clearTimeout(existing.releaseTimer);
    existing.releaseTimer = undefined;
    existing.refs += 1;
    return existing;
  }
  const entry: Entry = { sub: { scope: sub.scope, window: sub.window }, refs: 1, snapshot: null, fresh: true, listeners: new Set(), releaseTimer: undefined };
  entries.set(key, entry);
  const s = getSocket();
  if (s.connected) requestSubscribe(s, entry);
  return entry;
}

function release(entry: Entry) {
  entry.refs -= 1;
  if (entry.refs > 0) return;
  entry.releaseTimer = setTimeout(() => {
    if (entry.refs > 0) return;
    entries.delete(roomOf(entry.sub));
    if (entry.sub.window === "today") seriesByScope.delete(entry.sub.scope);
    if (socket?.connected) socket.emit("unsubscribe", entry.sub);
  }, RELEASE_DELAY_MS);
}

const getNull = () => null;

/** The latest snapshot of (scope, window), kept current by server pushes; null until the first arrives. */
export function useLiveSnapshot(scope: Scope, window: WindowId): Snapshot | null {
  const key = roomOf({ scope, window });
  const subscribe = useCallback(
    (onChange: Listener) => {
      const entry = retain({ scope, window });
      entry.listeners.add(onChange);
      return () => {
        entry.listeners.delete(onChange);
        release(entry);
      };
    },
    [scope, window],
  );
  const getSnapshot = useCallback(() => entries.get(key)?.snapshot ?? null, [key]);
  return useSyncExternalStore(subscribe, getSnapshot, getNull);
}

/** Today's per-15-minute series of a scope (subscribes to its "today" window to receive it). */
export function useSeries(scope: Scope): Series | null {
  const subscribe = useCallback(
    (onChange: Listener) => {
      const entry = retain({ scope, window: "today" });
      const set = seriesListeners.get(scope) ?? new Set<Listener>();
      seriesListeners.set(scope, set);
      set.add(onChange);
      return () => {
        set.delete(onChange);
        if (set.size === 0 && seriesListeners.get(scope) === set) seriesListeners.delete(scope);
        release(entry);
      };
    },
    [scope],
  );
  const getSnapshot = useCallback(() => seriesByScope.get(scope) ?? null, [scope]);
  return useSyncExternalStore(subscribe, getSnapshot, getNull);
}

function subscribeCatalog(onChange: Listener) {
  getSocket();
  catalogListeners.add(onChange);
  return () => void catalogListeners.delete(onChange);
}

/** Queues, channels and agents the server knows of. */
export function useCatalog(): Catalog {
  return useSyncExternalStore(subscribeCatalog, () => catalog, () => EMPTY_CATALOG);
}

function subscribeConnection(onChange: Listener) {
  getSocket();
  connectionListeners.add(onChange);
  return () => void connectionListeners.delete(onChange);
}

/** Socket state; changes at least every second while the server's heartbeat arrives. */
export function useConnection(): ConnectionState {
  return useSyncExternalStore(subscribeConnection, () => connection, () => SERVER_CONNECTION);
}
