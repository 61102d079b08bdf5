import type { Aggregate, NowFigures } from "./aggregate";

/**
 * The KPI registry: the single source of every formula. Live tiles, the HTTP
 * snapshot, reports, CSV headers and the catalogue page all read it.
 */

export type Unit = "count" | "seconds" | "ratio" | "score";
export type Direction = "higher" | "lower" | "neutral";
/** Which instant places a contribution in a window or report bucket. */
export type Attribution = "offered" | "handleEnd" | "surveyAt" | "now";

export interface Localized {
  fr: string;
  en: string;
}

export interface KpiDefinition {
  id: string;
  name: Localized;
  /** Short label for tiles and column headers; the articles' abbreviation when there is one. */
  short: Localized;
  description: Localized;
  formula: Localized;
  unit: Unit;
  direction: Direction;
  attribution: Attribution;
  /** Default colour thresholds: `warn` then `alert`, read with `direction`. */
  thresholds?: { warn: number; alert: number };
  compute: (a: Aggregate, now: NowFigures, at: number) => number | null;
}

export type MetricValues = Record<string, number | null>;

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);
const meanSeconds = (totalMs: number, n: number): number | null => (n > 0 ? totalMs / n / 1000 : null);

export const KPIS = [
  {
    id: "offered",
    name: { fr: "Contacts présentés", en: "Contacts offered" },
    short: { fr: "Présentés", en: "Offered" },
    description: { fr: "Contacts entrés en file dans la fenêtre.", en: "Contacts that entered a queue in the window." },
    formula: { fr: "nombre de contact.offered", en: "count of contact.offered" },
    unit: "count", direction: "neutral", attribution: "offered",
    compute: (a) => a.offered,
  },
  {
    id: "answered",
    name: { fr: "Contacts décrochés", en: "Contacts answered" },
    short: { fr: "Décrochés", en: "Answered" },
    description: { fr: "Contacts présentés dans la fenêtre et pris par un conseiller.", en: "Contacts offered in the window and connected to an agent." },
    formula: { fr: "présentés avec contact.answered", en: "offered with a contact.answered" },
    unit: "count", direction: "higher", attribution: "offered",
    compute: (a) => a.answered,
  },
  {
    id: "abandoned",
    name: { fr: "Contacts abandonnés", en: "Contacts abandoned" },
    short: { fr: "Abandons", en: "Abandoned" },
    description: { fr: "Le client a quitté avant d'être mis en relation.", en: "The customer left before reaching an agent." },
    formula: { fr: "présentés avec contact.abandoned et sans décroché", en: "offered with contact.abandoned and never answered" },
    unit: "count", direction: "lower", attribution: "offered",
    compute: (a) => a.abandoned,
  },
  {
    id: "abandonRate",
    name: { fr: "Taux d'abandon", en: "Abandon rate" },
    short: { fr: "Tx abandon", en: "Abandon %" },
    description: { fr: "Part des contacts présentés qui ont abandonné.", en: "Share of offered contacts that abandoned." },
    formula: { fr: "abandons / présentés", en: "abandoned / offered" },
    unit: "ratio", direction: "lower", attribution: "offered",
    thresholds: { warn: 0.05, alert: 0.1 },
    compute: (a) => ratio(a.abandoned, a.offered),
  },
  {
    id: "serviceLevel",
    name: { fr: "Taux de décroché en 18 s (qualité de service)", en: "Service level" },
    short: { fr: "QoS", en: "SL" },
    description: {
      fr: "Part des contacts décrochés dans le seuil de la file (18 s par défaut), hors contacts encore en attente sous le seuil.",
      en: "Share of contacts answered within the queue's threshold (18 s by default), leaving out contacts still waiting under the threshold.",
    },
    formula: {
      fr: "décrochés ≤ seuil / (présentés − en attente sous le seuil)",
      en: "answered ≤ threshold / (offered − still waiting under threshold)",
    },
    unit: "ratio", direction: "higher", attribution: "offered",
    thresholds: { warn: 0.8, alert: 0.7 },
    compute: (a, now) => ratio(a.answeredInSl, a.offered - now.waitingUnderSl),
  },
  {
    id: "asa",
    name: { fr: "Temps moyen de réponse (ASA)", en: "Average speed of answer" },
    short: { fr: "ASA", en: "ASA" },
    description: { fr: "Attente moyenne des contacts décrochés.", en: "Mean wait of answered contacts." },
    formula: { fr: "Σ (décroché − présenté) / décrochés", en: "Σ (answered − offered) / answered" },
    unit: "seconds", direction: "lower", attribution: "offered",
    thresholds: { warn: 20, alert: 40 },
    compute: (a) => meanSeconds(a.waitMs, a.answered),
  },
  {
    id: "aht",
    name: { fr: "Durée moyenne de traitement (DMT)", en: "Average handle time" },
    short: { fr: "DMT", en: "AHT" },
    description: {
      fr: "Conversation + attente (mise en garde) + travail après contact, des contacts dont le travail après contact s'est terminé dans la fenêtre.",
      en: "Talk + hold + after-contact work, for contacts whose after-contact work ended in the window.",
    },
    formula: { fr: "Σ (conversation + garde + post-appel) / contacts traités", en: "Σ (talk + hold + after-contact work) / handled" },
    unit: "seconds", direction: "lower", attribution: "handleEnd",
    compute: (a) => meanSeconds(a.handleMs, a.handled),
  },
  {
    id: "waiting",
    name: { fr: "Contacts en attente", en: "Contacts waiting" },
    short: { fr: "En attente", en: "Waiting" },
    description: { fr: "Contacts présentés, ni décrochés, ni abandonnés, ni auto-traités, ni terminés.", en: "Offered and not yet answered, abandoned, self-served or ended." },
    formula: { fr: "maintenant", en: "now" },
    unit: "count", direction: "lower", attribution: "now",
    thresholds: { warn: 5, alert: 10 },
    compute: (_a, now) => now.waiting,
  },
  {
    id: "longestWait",
    name: { fr: "Attente la plus longue", en: "Longest wait" },
    short: { fr: "Attente max", en: "Longest wait" },
    description: { fr: "Attente du plus ancien contact encore en attente.", en: "Wait of the oldest contact still waiting." },
    formula: { fr: "maintenant − présentation du plus ancien en attente", en: "now − offered time of the oldest waiting" },
    unit: "seconds", direction: "lower", attribution: "now",
    thresholds: { warn: 60, alert: 120 },
    compute: (_a, now, at) => (now.oldestWaitingSince === null ? null : Math.max(0, at - now.oldestWaitingSince) / 1000),
  },
  ...(
    [
      ["agentsAvailable", "available", "Conseillers disponibles", "Agents available", "Disponibles", "Available"],
      ["agentsBusy", "busy", "Conseillers occupés", "Agents busy", "Occupés", "Busy"],
      ["agentsWrapUp", "wrapUp", "Conseillers en post-appel", "Agents in wrap-up", "Post-appel", "Wrap-up"],
      ["agentsPaused", "paused", "Conseillers en pause", "Agents paused", "En pause", "Paused"],
    ] as const
  ).map(([id, state, fr, en, sfr, sen]) => ({
    id,
    name: { fr, en },
    short: { fr: sfr, en: sen },
    description: { fr: `${fr}, maintenant (dernier agent.state).`, en: `${en}, now (latest agent.state).` },
    formula: { fr: "maintenant", en: "now" },
    unit: "count" as const,
    direction: "neutral" as const,
    attribution: "now" as const,
    compute: (_a: Aggregate, now: NowFigures) => (now.agents ? now.agents[state] : null),
  })),
  {
    id: "csat",
    name: { fr: "Satisfaction client (CSAT)", en: "Customer satisfaction" },
    short: { fr: "CSAT", en: "CSAT" },
    description: {
      fr: "Part des réponses positives (≥ 4 sur 1–5, ou les 40 % supérieurs d'une autre échelle).",
      en: "Share of positive answers (≥ 4 on 1–5, or the top 40 % of another scale).",
    },
    formula: { fr: "réponses positives / réponses", en: "positive answers / answers" },
    unit: "ratio", direction: "higher", attribution: "surveyAt",
    thresholds: { warn: 0.8, alert: 0.7 },
    compute: (a) => ratio(a.csatPositive, a.csatAnswers),
  },
  {
    id: "nps",
    name: { fr: "Net Promoter Score (NPS)", en: "Net Promoter Score" },
    short: { fr: "NPS", en: "NPS" },
    description: { fr: "% promoteurs (9–10) − % détracteurs (0–6).", en: "% promoters (9–10) − % detractors (0–6)." },
    formula: { fr: "% promoteurs − % détracteurs", en: "% promoters − % detractors" },
    unit: "score", direction: "higher", attribution: "surveyAt",
    thresholds: { warn: 20, alert: 0 },
    compute: (a) => (a.npsAnswers > 0 ? (100 * (a.npsPromoters - a.npsDetractors)) / a.npsAnswers : null),
  },
] as const satisfies readonly KpiDefinition[];

export type MetricId = (typeof KPIS)[number]["id"];
export const METRIC_IDS: readonly MetricId[] = KPIS.map((k) => k.id);
const byId = new Map<string, KpiDefinition>(KPIS.map((k) => [k.id, k]));

export function kpi(id: string): KpiDefinition | undefined {
  return byId.get(id);
}

/** Every registry metric for one aggregate and its "now" figures. */
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

const NO_NOW: NowFigures = { waiting: 0, oldestWaitingSince: null, waitingUnderSl: 0, agents: null };

export type Status = "ok" | "warn" | "alert" | "none";

/** Colour status of a value against thresholds, read in the KPI's direction. */
export function statusOf(def: Pick<KpiDefinition, "direction" | "thresholds">, value: number | null): Status {
  const t = def.thresholds;
  if (value === null || !t || def.direction === "neutral") return "none";
  if (def.direction === "higher") return value <= t.alert ? "alert" : value < t.warn ? "warn" : "ok";
  return value >= t.alert ? "alert" : value > t.warn ? "warn" : "ok";
}
