import type { Scope, WindowId } from "../metrics/scope";
import type { Series, Snapshot } from "../metrics/snapshot";

/** Typed socket.io events, shared by server.ts and the browser. */

export interface Subscription {
  scope: Scope;
  window: WindowId;
}

export type SubscribeAck = { ok: true; snapshot: Snapshot } | { ok: false; error: string };

/** Scopes the server currently knows of (queues, channels and agents seen in events). */
export interface Catalog {
  queues: string[];
  channels: string[];
  agents: string[];
}

export interface ServerToClientEvents {
  /** A fresh snapshot for one (scope, window) the socket subscribed to. */
  snapshot: (s: Snapshot) => void;
  /** Today's per-15-minute series of a subscribed scope (throttled). */
  series: (s: Series) => void;
  catalog: (c: Catalog) => void;
  /** Sent every second: the server is alive and the numbers shown are current as of `at`. */
  heartbeat: (h: { at: string }) => void;
}

export interface ClientToServerEvents {
  subscribe: (sub: Subscription, ack: (res: SubscribeAck) => void) => void;
  unsubscribe: (sub: Subscription) => void;
}

export const roomOf = (sub: Subscription): string => `live|${sub.window}|${sub.scope}`;
