import type { Aggregate, NowFigures } from "./aggregate";
import type { Direction } from "./kpi-types";
import { AGENT_NOW_KPIS, AGENT_TIME_KPIS } from "./kpis/agents";
import { AUTOMATION_KPIS } from "./kpis/automation";
import type { EventKpi } from "./kpis/define";
import { FORECAST_KPIS } from "./kpis/forecast";
import { HANDLING_KPIS } from "./kpis/handling";
import { OUTBOUND_KPIS } from "./kpis/outbound";
import { RESOLUTION_KPIS } from "./kpis/resolution";
import { SALES_KPIS } from "./kpis/sales";
import { SATISFACTION_KPIS } from "./kpis/satisfaction";
import { SERVICE_KPIS } from "./kpis/service";
import { VOLUME_KPIS } from "./kpis/volume";

export type { Direction, Localized, Unit } from "./kpi-types";

/**
 * The KPI registry: the single source of every formula computed from events.
 * Live tiles, the HTTP snapshot, reports, CSV headers and the catalogue page
 * all read it; each definition lives with its family in `kpis/`. KPIs computed
 * from period figures are in `period-kpis.ts`; `catalogue.ts` lists both.
 */
export type KpiDefinition = EventKpi;

export const KPIS = [
  ...VOLUME_KPIS,
  ...SERVICE_KPIS,
  ...FORECAST_KPIS,
  ...HANDLING_KPIS,
  ...RESOLUTION_KPIS,
  ...AUTOMATION_KPIS,
  ...OUTBOUND_KPIS,
  ...SALES_KPIS,
  ...SATISFACTION_KPIS,
  ...AGENT_NOW_KPIS,
  ...AGENT_TIME_KPIS,
] as const satisfies readonly KpiDefinition[];

export type MetricId = (typeof KPIS)[number]["id"];
export type MetricValues = Record<string, number | null>;
export const METRIC_IDS: readonly MetricId[] = KPIS.map((k) => k.id);
const byId = new Map<string, KpiDefinition>(KPIS.map((k) => [k.id, k]));

export function kpi(id: string): KpiDefinition | undefined {
  return byId.get(id);
}

/** The KPIs a report can show: every one computed from events, not the "now" ones. */
export const HISTORICAL_IDS: readonly MetricId[] = KPIS.filter((k) => k.availability === "live+historical").map((k) => k.id);

/** Every registry metric for one aggregate and its "now" figures (null for a past interval). */
export function computeMetrics(a: Aggregate, now: NowFigures | null, at: number): MetricValues {
  const out: MetricValues = {};
  for (const k of KPIS as readonly KpiDefinition[]) {
    if (now === null && k.attribution === "now") {
      out[k.id] = null; // a past interval has no "now"
      continue;
    }
    const v = k.compute(a, now ?? NO_NOW, at);
    out[k.id] = v === null || !Number.isFinite(v) ? null : v;
  }
  return out;
}

/** Only the metrics `ids` of a past interval's aggregate (a report's chosen columns), null where there is no value. */
export function computeSelected(a: Aggregate, ids: readonly string[], at: number): MetricValues {
  const values = new Float64Array(ids.length);
  selectedFormulas(ids)(a, at, values, 0);
  return Object.fromEntries(ids.map((id, i) => [id, Number.isNaN(values[i]!) ? null : values[i]!]));
}

/**
 * The metrics `ids` of a past interval's aggregate written as numbers into
 * `out[at0 + i]`, NaN for "no value" (no denominator, a "now" metric, an
 * unknown id): a report computes hundreds of thousands of cells this way,
 * without an object per cell. Compiled once per list: each formula gets a
 * call site of its own, which V8 can inline (one loop calling nine formulas
 * through one site could not).
 */
export function selectedFormulas(ids: readonly string[]): (a: Aggregate, at: number, out: Float64Array, at0: number) => void {
  const formulas = ids.map((id) => {
    const k = byId.get(id);
    return k && k.attribution !== "now" ? k.compute : null;
  });
  const body = formulas.map((f, i) => (f ? `v = f${i}(a, N, at); out[at0 + ${i}] = v !== null && v - v === 0 ? v : NaN;` : `out[at0 + ${i}] = NaN;`));
  const make = new Function("N", ...formulas.map((_, i) => `f${i}`), `return (a, at, out, at0) => { let v; ${body.join(" ")} };`);
  return make(NO_NOW, ...formulas);
}

const NO_NOW: NowFigures = { waiting: 0, oldestWaitingSince: null, agents: null };

export type Status = "ok" | "warn" | "alert" | "none";

/** Colour status of a value against thresholds, read in the KPI's direction. */
export function statusOf(def: { direction: Direction; thresholds?: { warn: number; alert: number } }, value: number | null): Status {
  const t = def.thresholds;
  if (value === null || !t || def.direction === "neutral") return "none";
  if (def.direction === "higher") return value <= t.alert ? "alert" : value < t.warn ? "warn" : "ok";
  return value >= t.alert ? "alert" : value > t.warn ? "warn" : "ok";
}
