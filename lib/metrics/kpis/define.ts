import type { EventType } from "../../events/schema";
import type { Aggregate, NowFigures } from "../aggregate";
import type { ArticleId, EventKpiMeta, KpiSource } from "../kpi-types";

/** An event KPI: its catalogue entry and the one function that computes it, live and in reports. */
export interface EventKpi extends EventKpiMeta {
  compute: (a: Aggregate, now: NowFigures, at: number) => number | null;
}

export const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);
export const meanSeconds = (totalMs: number, n: number): number | null => (n > 0 ? totalMs / n / 1000 : null);
/** Net score in −100..100: % of the first group − % of the second. */
export const netScore = (plus: number, minus: number, n: number): number | null => (n > 0 ? (100 * (plus - minus)) / n : null);

export const src = (article: ArticleId, term: string): KpiSource => ({ article, term });

/** Event families, for `feeds`. */
export const FLOW: readonly EventType[] = ["contact.offered", "contact.answered", "contact.abandoned"];
export const HANDLE: readonly EventType[] = ["contact.answered", "contact.held", "contact.resumed", "contact.ended", "contact.wrapped"];
export const OUTCOME: readonly EventType[] = ["contact.offered", "contact.outcome"];
