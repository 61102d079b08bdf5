"use client";

import type { ActiveAlert, AlertsPayload } from "@/lib/alerts/active";
import { liveSocket } from "../live/use-live";

/**
 * The tab's active alerts, through use-live's one socket: subscribed while a
 * component listens (again on every reconnect, which answers with the full
 * set), released a second after the last one leaves so StrictMode remounts do
 * not churn the server.
 */

export interface AlertsState {
  alerts: ActiveAlert[];
  /** Pushes received since the page loaded: the first answers the subscription. */
  received: number;
}

const EMPTY: AlertsState = { alerts: [], received: 0 };
const RELEASE_DELAY_MS = 1000;

let state = EMPTY;
let detach: (() => void) | null = null;
let releaseTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function attach(): () => void {
  const s = liveSocket();
  const onAlerts = (p: AlertsPayload) => {
    state = { alerts: p.alerts, received: state.received + 1 };
    for (const l of [...listeners]) l();
  };
  const onConnect = () => s.emit("alerts:subscribe");
  s.on("alerts", onAlerts);
  s.on("connect", onConnect);
  if (s.connected) onConnect();
  return () => {
    s.off("alerts", onAlerts);
    s.off("connect", onConnect);
    if (s.connected) s.emit("alerts:unsubscribe");
    state = EMPTY;
  };
}

export function subscribeAlerts(onChange: () => void): () => void {
  clearTimeout(releaseTimer);
  listeners.add(onChange);
  detach ??= attach();
  return () => {
    listeners.delete(onChange);
    if (listeners.size > 0) return;
    releaseTimer = setTimeout(() => {
      if (listeners.size > 0 || !detach) return;
      detach();
      detach = null;
    }, RELEASE_DELAY_MS);
  };
}

export const alertsState = (): AlertsState => state;
export const noAlerts = (): AlertsState => EMPTY;
