import { CUSTOMER_KPIS } from "./period/customers";
import type { PeriodKpiDefinition } from "./period/define";
import type { FigureValues } from "./period/figures";
import { MARKETING_KPIS } from "./period/marketing";
import { SALES_KPIS } from "./period/sales";
import { WORKFORCE_KPIS } from "./period/workforce";

/**
 * KPIs that contact-center events cannot give (costs, customers, HR…),
 * computed from figures a manager enters or imports per period, each with the
 * formula of the seed article it comes from (docs/kpi-sources). Pure: no I/O.
 * Rates are ratios in 0..1; a missing input or a zero denominator gives null.
 */

export { FIGURES, FIGURE_IDS, figureById, isFigureId, type FigureDefinition, type FigureId, type FigureValues } from "./period/figures";
export type { PeriodKpiDefinition } from "./period/define";

export const PERIOD_KPIS: readonly PeriodKpiDefinition[] = [...MARKETING_KPIS, ...CUSTOMER_KPIS, ...SALES_KPIS, ...WORKFORCE_KPIS];

export type PeriodKpiValues = Record<string, number | null>;

/** Every period KPI for one period's figures, by KPI id. */
export function computePeriodKpis(figures: FigureValues): PeriodKpiValues {
  return Object.fromEntries(PERIOD_KPIS.map((k) => [k.id, k.compute(figures)]));
}
