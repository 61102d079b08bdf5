import type { KpiMeta } from "../kpi-types";
import type { FigureId, FigureValues } from "./figures";

/** A KPI computed from the figures of one period (see `period-kpis.ts`). */
export interface PeriodKpiDefinition extends KpiMeta {
  availability: "period";
  /** Every figure the formula (or its fallback form) may read; the form shows them under the KPI. */
  inputs: readonly FigureId[];
  /** Null when an input is missing or a denominator is zero: never NaN nor Infinity. */
  compute(f: FigureValues): number | null;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The values of `ids`, or null when any of them is missing (or not a finite number). */
export function need<const Ids extends readonly FigureId[]>(f: FigureValues, ...ids: Ids): { [K in keyof Ids]: number } | null {
  const values = ids.map((id) => f[id]);
  return values.every((v) => typeof v === "number" && Number.isFinite(v)) ? (values as { [K in keyof Ids]: number }) : null;
}

/** `num / den`, or null when the denominator is zero (or negative: no count is). */
export const ratio = (num: number, den: number): number | null => (den > 0 ? finite(num / den) : null);

/** `num / den` for two figures of `f`. */
export function ratioOf(f: FigureValues, num: FigureId, den: FigureId): number | null {
  const v = need(f, num, den);
  return v && ratio(v[0], v[1]);
}

export { finite };
