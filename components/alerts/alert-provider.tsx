"use client";

import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from "react";
import { concernsBoard, tileSeverity, type ActiveAlert } from "@/lib/alerts/active";
import type { Severity } from "@/lib/alerts/rule";
import type { Scope } from "@/lib/metrics/scope";
import { alertsState, noAlerts, subscribeAlerts, type AlertsState } from "./alerts-store";

/** The scope of the board the alerts show on; null outside a board (tiles then never pulse). */
const BoardScope = createContext<Scope | null>(null);

/** Puts a board's scope in context for `useAlerts` and `useTileAlert`; the alerts themselves come from the tab's socket. */
export function AlertProvider({ scope, children }: { scope: Scope; children: ReactNode }) {
  return <BoardScope.Provider value={scope}>{children}</BoardScope.Provider>;
}

const noSubscription = () => () => {};

function useAlertsState(active: boolean): AlertsState {
  return useSyncExternalStore(active ? subscribeAlerts : noSubscription, active ? alertsState : noAlerts, noAlerts);
}

/** The active alerts that concern the current board; none outside a board's provider. */
export function useAlerts(): { alerts: ActiveAlert[]; received: number } {
  const board = useContext(BoardScope);
  const { alerts, received } = useAlertsState(board !== null);
  const mine = useMemo(() => (board === null ? alerts : alerts.filter((a) => concernsBoard(board, a))), [alerts, board]);
  return { alerts: mine, received };
}

/** The severity of an alert firing on this tile's number of the board's scope, or null. */
export function useTileAlert(metricId: string): Severity | null {
  const board = useContext(BoardScope);
  // A primitive snapshot: a tile re-renders only when its own alert state changes.
  return useSyncExternalStore(
    board !== null ? subscribeAlerts : noSubscription,
    () => (board === null ? null : tileSeverity(alertsState().alerts, board, metricId)),
    () => null,
  );
}
