"use client";

import { useCallback, useSyncExternalStore } from "react";
import type { AgentGrid, AgentRow } from "@/lib/metrics/agent-grid";
import type { MinuteSeries } from "@/lib/metrics/minute-series";
import type { Scope } from "@/lib/metrics/scope";
import type { WaitingList } from "@/lib/metrics/waiting-list";
import type { DayOffered } from "@/lib/reports/offered-last-week";
import type { FeedAck } from "@/lib/live/socket-events";
import { liveSocket, type LiveSocket } from "./use-live";

/**
 * Per-scope feeds on the tab's one socket (agent grid, waiting list, minute
 * chart, last week): shared by every component asking for the same scope,
 * subscribed again on every reconnect, released a second after the last user.
 */

type Kind = "agents" | "waiting" | "minutes" | "lastWeek";
interface Payloads {
  agents: AgentGrid;
  waiting: WaitingList;
  minutes: MinuteSeries;
  lastWeek: DayOffered;
}
type Listener = () => void;

interface Entry<K extends Kind> {
  kind: K;
  scope: Scope;
  refs: number;
  data: Payloads[K] | null;
  listeners: Set<Listener>;
  releaseTimer: ReturnType<typeof setTimeout> | undefined;
}

const RELEASE_DELAY_MS = 1000;
/** Last week's line is asked again this often: it changes when the day does. */
const LAST_WEEK_REFRESH_MS = 10 * 60_000;

const entries = new Map<string, Entry<Kind>>();
const keyOf = (kind: Kind, scope: Scope) => `${kind}|${scope}`;
let wired: LiveSocket | null = null;

function set<K extends Kind>(entry: Entry<K>, data: Payloads[K]) {
  entry.data = entry.kind === "agents" && entry.data ? (keepRows(entry.data as AgentGrid, data as AgentGrid) as Payloads[K]) : data;
  for (const l of [...entry.listeners]) l();
}

/** Unchanged rows keep their identity, so a memoised row re-renders only when its agent changed. */
function keepRows(prev: AgentGrid, next: AgentGrid): AgentGrid {
  const old = new Map(prev.agents.map((r) => [r.agentId, r]));
  const agents = next.agents.map((r): AgentRow => {
    const o = old.get(r.agentId);
    return o && JSON.stringify(o) === JSON.stringify(r) ? o : r;
  });
  return { ...next, agents };
}

function request(s: LiveSocket, entry: Entry<Kind>) {
  const event = entry.kind === "lastWeek" ? "lastWeek:get" : (`${entry.kind}:subscribe` as const);
  const onAck = (res: FeedAck<Payloads[Kind]>) => {
    if (entries.get(keyOf(entry.kind, entry.scope)) !== entry) return; // released meanwhile
    if (res.ok) set(entry, res.data);
    else console.warn(`[vigie] ${event} ${entry.scope} refused: ${res.error}`);
  };
  (s.emit as (e: string, req: { scope: Scope }, ack: typeof onAck) => void)(event, { scope: entry.scope }, onAck);
}

function socket(): LiveSocket {
  const s = liveSocket();
  if (wired === s) return s;
  wired = s;
  s.on("connect", () => {
    for (const e of entries.values()) request(s, e);
  });
  const push = <K extends Kind>(kind: K) => (data: Payloads[K]) => {
    const e = entries.get(keyOf(kind, data.scope));
    if (e && (!e.data || Date.parse((data as { at?: string }).at ?? "") >= Date.parse((e.data as { at?: string }).at ?? ""))) set(e, data);
  };
  s.on("agents", push("agents"));
  s.on("waiting", push("waiting"));
  s.on("minutes", push("minutes"));
  setInterval(() => {
    if (!s.connected) return;
    for (const e of entries.values()) if (e.kind === "lastWeek") request(s, e);
  }, LAST_WEEK_REFRESH_MS);
  return s;
}

function retain(kind: Kind, scope: Scope): Entry<Kind> {
  const key = keyOf(kind, scope);
  const existing = entries.get(key);
  if (existing) {
    clearTimeout(existing.releaseTimer);
    existing.releaseTimer = undefined;
    existing.refs++;
    return existing;
  }
  const entry: Entry<Kind> = { kind, scope, refs: 1, data: null, listeners: new Set(), releaseTimer: undefined };
  entries.set(key, entry);
  const s = socket();
  if (s.connected) request(s, entry);
  return entry;
}

function release(entry: Entry<Kind>) {
  if (--entry.refs > 0) return;
  entry.releaseTimer = setTimeout(() => {
    if (entry.refs > 0) return;
    entries.delete(keyOf(entry.kind, entry.scope));
    const s = liveSocket();
    if (entry.kind !== "lastWeek" && s.connected) (s.emit as (e: string, req: { scope: Scope }) => void)(`${entry.kind}:unsubscribe`, { scope: entry.scope });
  }, RELEASE_DELAY_MS);
}

const getNull = () => null;

function useFeed<K extends Kind>(kind: K, scope: Scope): Payloads[K] | null {
  const subscribe = useCallback(
    (onChange: Listener) => {
      const entry = retain(kind, scope);
      entry.listeners.add(onChange);
      return () => {
        entry.listeners.delete(onChange);
        release(entry);
      };
    },
    [kind, scope],
  );
  const get = useCallback(() => (entries.get(keyOf(kind, scope))?.data ?? null) as Payloads[K] | null, [kind, scope]);
  return useSyncExternalStore(subscribe, get, getNull);
}

/** The agents of a scope with their state, open contact and day, pushed when one changes. */
export const useAgentGrid = (scope: Scope) => useFeed("agents", scope);
/** The contacts waiting now in a scope, longest wait first. */
export const useWaitingList = (scope: Scope) => useFeed("waiting", scope);
/** Waiting contacts and service level per minute over the last hour. */
export const useMinuteSeries = (scope: Scope) => useFeed("minutes", scope);
/** Offered per 15 minutes on the same weekday last week. */
export const useLastWeek = (scope: Scope) => useFeed("lastWeek", scope);
