import type { AlertsPayload } from "../alerts/active";
import type { AgentGrid } from "../metrics/agent-grid";
import type { MinuteSeries } from "../metrics/minute-series";
import type { WaitingList } from "../metrics/waiting-list";
import type { DayOffered } from "../reports/offered-last-week";
import type { Scope, WindowId } from "../metrics/scope";
import type { Series, Snapshot } from "../metrics/snapshot";

/** Typed socket.io events, shared by server.ts and the browser. */

export interface Subscription {
  scope: Scope;
  window: WindowId;
}

export type SubscribeAck = { ok: true; snapshot: Snapshot } | { ok: false; error: string };

/** A per-scope feed request (agent grid, waiting list, minute chart, last week). */
export interface ScopeRequest {
  scope: Scope;
}

export type FeedAck<T> = { ok: true; data: T } | { ok: false; error: string };

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
  /** The active alerts this socket may see: in full after `alerts:subscribe`, then whenever they change. */
  alerts: (a: AlertsPayload) => void;
  /** The agent grid of a scope after `agents:subscribe`: pushed when a row changed, at most once a second. */
  agents: (g: AgentGrid) => void;
  /** The contacts waiting in a scope after `waiting:subscribe`: pushed when the list changed, at most once a second. */
  waiting: (w: WaitingList) => void;
  /** Waiting contacts and service level per minute over the last hour after `minutes:subscribe` (every 5 s when changed). */
  minutes: (m: MinuteSeries) => void;
}

export interface ClientToServerEvents {
  subscribe: (sub: Subscription, ack: (res: SubscribeAck) => void) => void;
  unsubscribe: (sub: Subscription) => void;
  /** Receive `alerts` (send again after every reconnect); the answer is an `alerts` push. */
  "alerts:subscribe": () => void;
  "alerts:unsubscribe": () => void;
  /** Each answers with the current value and joins the scope's room (send again after every reconnect). */
  "agents:subscribe": (req: ScopeRequest, ack: (res: FeedAck<AgentGrid>) => void) => void;
  "agents:unsubscribe": (req: ScopeRequest) => void;
  "waiting:subscribe": (req: ScopeRequest, ack: (res: FeedAck<WaitingList>) => void) => void;
  "waiting:unsubscribe": (req: ScopeRequest) => void;
  "minutes:subscribe": (req: ScopeRequest, ack: (res: FeedAck<MinuteSeries>) => void) => void;
  "minutes:unsubscribe": (req: ScopeRequest) => void;
  /** The same weekday of last week, offered per 15 minutes (computed once per scope and day). */
  "lastWeek:get": (req: ScopeRequest, ack: (res: FeedAck<DayOffered>) => void) => void;
}

export const roomOf = (sub: Subscription): string => `live|${sub.window}|${sub.scope}`;
