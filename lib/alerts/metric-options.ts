import type { Category } from "../metrics/kpi-types";
import { KPIS } from "../metrics/registry";
import { AGENT_CONDITION_IDS } from "./rule";

/** The metric picker's groups: the registry by family (live numbers first), then the agent conditions. */

const ORDER = ["service", "volume", "agents", "handling", "resolution", "automation", "satisfaction", "outbound", "sales"] as const satisfies readonly Category[];

export interface MetricGroup {
  /** A registry category, or "agentConditions". */
  key: (typeof ORDER)[number] | "agentConditions";
  ids: string[];
}

export const METRIC_GROUPS: readonly MetricGroup[] = [
  ...ORDER.map((category) => ({ key: category, ids: KPIS.filter((k) => k.category === category).map((k) => k.id as string) })).filter((g) => g.ids.length > 0),
  { key: "agentConditions", ids: [...AGENT_CONDITION_IDS] },
];

/** A ratio is typed in % in the form and stored in 0..1; other units as they are. */
export const toInput = (unit: string | undefined, threshold: number): string =>
  String(unit === "ratio" ? Number((threshold * 100).toFixed(6)) : threshold);

export const fromInput = (unit: string | undefined, text: string): number => {
  const n = Number(text.trim().replace(",", "."));
  return unit === "ratio" ? n / 100 : n;
};
