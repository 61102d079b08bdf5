import type { ScopeSettings } from "./engine";
import type { MetricValues } from "./registry";
import type { Scope, WindowId } from "./scope";

/** CONTRACT §3: what `GET /api/live` answers and what the socket pushes. */
export interface Snapshot {
  at: string;
  version: number;
  scope: Scope;
  window: WindowId;
  metrics: MetricValues;
  /** The thresholds behind the numbers (an extension of CONTRACT §3, for display). */
  settings?: ScopeSettings;
}

/** One interval of a series (e.g. 15 minutes of today), for live charts. */
export interface SeriesPoint {
  start: string;
  metrics: MetricValues;
}

export interface Series {
  scope: Scope;
  stepMinutes: number;
  at: string;
  points: SeriesPoint[];
}
