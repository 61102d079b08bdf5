import type { NowFigures } from "../aggregate";
import { forecast, type Forecast } from "../erlang-c";
import type { EventKpi } from "./define";

/** The service-level target the forecast staffs for: the service level's own amber threshold (80 %). */
export const FORECAST_TARGET = 0.8;

const note = {
  fr: "Erlang C sur l'intervalle suivant : arrivées des 15 dernières minutes (× 4 par heure), DMT du jour, conseillers connectés maintenant (disponibles, occupés, en post-appel), seuil de la file. Suppose des arrivées de Poisson et aucun abandon.",
  en: "Erlang C over the next interval: the last 15 minutes' arrivals (× 4 per hour), today's AHT, agents staffed now (available, busy, wrap-up), the queue's threshold. Assumes Poisson arrivals and no abandons.",
};

function predict(now: NowFigures): Forecast | null {
  const f = now.forecast;
  if (!f || !now.agents || f.handledToday === 0) return null;
  const agents = now.agents.available + now.agents.busy + now.agents.wrapUp;
  return forecast({
    arrivalsPerHour: f.arrivals15m * 4,
    ahtSeconds: f.handleMsToday / f.handledToday / 1000,
    agents,
    targetSeconds: f.slSeconds,
    target: FORECAST_TARGET,
  });
}

const common = {
  availability: "live", category: "service", attribution: "now", sources: [],
  feeds: ["contact.offered", "contact.wrapped", "agent.state"], notes: note,
} as const;

export const FORECAST_KPIS = [
  {
    id: "arrivalRate",
    name: { fr: "Arrivées par heure (15 dernières minutes)", en: "Arrivals per hour (last 15 minutes)" },
    short: { fr: "Arrivées / h", en: "Arrivals / h" },
    description: { fr: "Contacts entrants présentés ces 15 dernières minutes, ramenés à l'heure.", en: "Inbound contacts offered in the last 15 minutes, per hour." },
    formula: { fr: "présentés sur 15 min × 4", en: "offered in 15 min × 4" },
    unit: "number", direction: "neutral", ...common,
    compute: (_a, now) => (now.forecast ? now.forecast.arrivals15m * 4 : null),
  },
  {
    id: "forecastServiceLevel",
    name: { fr: "Qualité de service prévue (Erlang C)", en: "Forecast service level (Erlang C)" },
    short: { fr: "QoS prévue", en: "SL forecast" },
    description: {
      fr: "Taux de décroché attendu sur l'intervalle suivant avec les conseillers connectés maintenant.",
      en: "Service level expected over the next interval with the agents staffed now.",
    },
    formula: { fr: "1 − C(N, A) · e^(−(N − A) · seuil / DMT), A = arrivées/h × DMT / 3600", en: "1 − C(N, A) · e^(−(N − A) · threshold / AHT), A = arrivals/h × AHT / 3600" },
    unit: "ratio", direction: "higher", thresholds: { warn: 0.8, alert: 0.7 }, ...common,
    compute: (_a, now) => predict(now)?.serviceLevel ?? null,
  },
  {
    id: "forecastAsa",
    name: { fr: "Attente moyenne prévue (Erlang C)", en: "Forecast speed of answer (Erlang C)" },
    short: { fr: "ASA prévue", en: "ASA forecast" },
    description: { fr: "Attente moyenne attendue avant décroché sur l'intervalle suivant ; vide quand les conseillers ne suffisent pas.", en: "Mean wait expected before answer over the next interval; empty when the agents cannot keep up." },
    formula: { fr: "C(N, A) · DMT / (N − A)", en: "C(N, A) · AHT / (N − A)" },
    unit: "seconds", direction: "lower", thresholds: { warn: 20, alert: 40 }, ...common,
    compute: (_a, now) => {
      const asa = predict(now)?.asa;
      return asa === undefined || !Number.isFinite(asa) ? null : asa;
    },
  },
  {
    id: "agentsNeeded",
    name: { fr: "Conseillers nécessaires (Erlang C)", en: "Agents needed (Erlang C)" },
    short: { fr: "Conseillers requis", en: "Agents needed" },
    description: {
      fr: "Nombre de conseillers pour atteindre 80 % de décroché dans le seuil au rythme d'arrivée actuel (hors pauses et absences).",
      en: "Agents needed to answer 80 % within the threshold at the current arrival rate (before breaks and absence).",
    },
    formula: { fr: "plus petit N avec QoS prévue(N) ≥ 80 %", en: "smallest N with forecast SL(N) ≥ 80 %" },
    unit: "count", direction: "neutral", ...common,
    compute: (_a, now) => predict(now)?.agentsNeeded ?? null,
  },
] as const satisfies readonly EventKpi[];
