import type { EventType } from "../events/schema";

/**
 * The shape of a KPI definition, shared by the event registry (`registry.ts`)
 * and the period-figure registry (`period-kpis.ts`). A KPI is data: the
 * catalogue page, tiles, report columns and CSV headers all read these fields.
 */

export type Unit =
  | "count"
  /** A duration in seconds. */
  | "seconds"
  /** A share in 0..1, shown as a percentage. */
  | "ratio"
  /** A score such as NPS (−100..100) or a mean on a survey scale. */
  | "score"
  /** A plain decimal number (e.g. contacts per agent). */
  | "number"
  /** An amount of money in the configured currency. */
  | "currency"
  | "days"
  | "hours";

export type Direction = "higher" | "lower" | "neutral";

export interface Localized {
  fr: string;
  en: string;
}

/**
 * Where a KPI is computed:
 * - `live`: "now" figures (waiting, agents by state), on wallboards only;
 * - `live+historical`: from events, on wallboards and in reports, one formula;
 * - `period`: from figures a manager enters per period (costs, customers, HR…).
 */
export type Availability = "live" | "live+historical" | "period";

export type Category =
  | "volume"
  | "service"
  | "handling"
  | "resolution"
  | "automation"
  | "outbound"
  | "sales"
  | "satisfaction"
  | "agents"
  | "customers"
  | "marketing"
  | "workforce"
  | "finance";

/** The seed articles (docs/kpi-sources), by file prefix. */
export type ArticleId = "000" | "001" | "002" | "003" | "004";

/** Where a KPI is defined: an article and the term it uses there (found verbatim in the text). */
export interface KpiSource {
  article: ArticleId;
  term: string;
}

/** What every catalogue entry carries, whatever computes it. */
export interface KpiMeta {
  id: string;
  name: Localized;
  /** Short label for tiles and column headers; the articles' abbreviation when there is one. */
  short: Localized;
  description: Localized;
  /** The formula as the articles give it, in words. */
  formula: Localized;
  unit: Unit;
  direction: Direction;
  availability: Availability;
  category: Category;
  sources: readonly KpiSource[];
  /** Default colour thresholds: `warn` then `alert`, read with `direction`. */
  thresholds?: { warn: number; alert: number };
  /** Other forms of the formula, shown next to it (e.g. service-level variants). */
  variants?: readonly { id?: string; formula: Localized }[];
  /** Why the number might surprise: scope rules, approximations. */
  notes?: Localized;
}

/** Which instant places a contribution in a window or report bucket. */
export type Attribution =
  | "offered"
  | "handleEnd"
  | "resolved"
  | "caseClosed"
  | "surveyAt"
  | "agentTime"
  | "outboundRecord"
  | "now";

export interface EventKpiMeta extends KpiMeta {
  availability: "live" | "live+historical";
  attribution: Attribution;
  /** The CONTRACT §2 event types it is computed from. */
  feeds: readonly EventType[];
}
