import type { KpiSource, Localized } from "../kpi-types";

/** A KPI the seed articles name that Vigie does not compute, and why. */
export interface NotComputed {
  id: string;
  name: Localized;
  /** Where the articles name it (verbatim terms). */
  sources: readonly KpiSource[];
  reason: Localized;
  /** Catalogue entries that stand in for it or that it is read from. */
  related?: readonly string[];
}

const qualitative = (what: Localized): Localized => ({
  fr: `Évaluation qualitative (${what.fr}) faite par l'écoute des échanges, les grilles qualité ou des enquêtes : l'article ne donne aucune formule, et aucun événement du centre de contacts ne la porte.`,
  en: `A qualitative assessment (${what.en}) made by listening to conversations, quality-assurance scorecards or surveys: the article gives no formula, and no contact-center event carries it.`,
});

export const NOT_COMPUTED: readonly NotComputed[] = [
  {
    id: "communicationQuality",
    name: { fr: "Qualité de la communication", en: "Communication quality" },
    sources: [{ article: "001", term: "Qualité de la communication" }],
    reason: qualitative({ fr: "qualité des interactions entre conseillers et clients", en: "quality of the conversations between agents and customers" }),
    related: ["csat"],
  },
  {
    id: "informationAccuracy",
    name: { fr: "Précision de l'information fournie", en: "Accuracy of the information given" },
    sources: [{ article: "001", term: "Précision de l'information fournie" }],
    reason: qualitative({ fr: "justesse et pertinence des réponses", en: "correctness and relevance of the answers" }),
    related: ["errorRate"],
  },
  {
    id: "serviceFlexibility",
    name: { fr: "Flexibilité du service client", en: "Customer-service flexibility" },
    sources: [{ article: "001", term: "Flexibilité du service client" }],
    reason: qualitative({ fr: "capacité à adapter les solutions à chaque client", en: "ability to tailor solutions to each customer" }),
  },
  {
    id: "trainingEffectiveness",
    name: { fr: "Efficacité de la formation des agents", en: "Agent training effectiveness" },
    sources: [{ article: "001", term: "Efficacité de la formation des agents" }],
    reason: {
      fr: "Pas un indicateur en soi : l'article l'évalue par l'amélioration d'autres KPI après les sessions de formation. Les rapports sur plusieurs périodes montrent ces KPI avant et après ; le taux de formation est un chiffre de période.",
      en: "Not a KPI of its own: the article assesses it by how other KPIs improve after training sessions. Reports over several periods show those KPIs before and after; the training rate is a period figure.",
    },
    related: ["trainingRate", "aht", "fcr", "csat"],
  },
  {
    id: "digitalChannelPerformance",
    name: { fr: "Performance des canaux digitaux", en: "Digital channel performance" },
    sources: [{ article: "001", term: "Performance des canaux digitaux" }],
    reason: {
      fr: "Pas de formule unique : l'article l'évalue par la satisfaction et la résolution sur chaque canal digital. Les rapports par canal montrent le CSAT, le FCR, le temps de première réponse et le taux de réponse de chaque canal.",
      en: "No single formula: the article assesses it by satisfaction and resolution on each digital channel. Reports by channel show each channel's CSAT, FCR, time to first response and response rate.",
    },
    related: ["csat", "fcr", "firstResponse", "responseRate"],
  },
  {
    id: "agentSatisfaction",
    name: { fr: "Satisfaction des agents", en: "Agent satisfaction" },
    sources: [{ article: "001", term: "Satisfaction des agents" }],
    reason: {
      fr: "Mesurée par des enquêtes internes sans formule dans l'article : Vigie la mesure par l'eNPS (réponses d'enquête enps des collaborateurs).",
      en: "Measured by internal surveys with no formula in the article: Vigie measures it by the eNPS (staff answers to enps surveys).",
    },
    related: ["enps"],
  },
  {
    id: "employeeEngagement",
    name: { fr: "Engagement collaborateur", en: "Employee engagement" },
    sources: [{ article: "004", term: "Engagement collaborateur" }],
    reason: {
      fr: "Évalué par des sondages internes ou l'analyse des interactions, sans formule dans l'article : Vigie le mesure par l'eNPS ; le turnover et l'absentéisme sont des chiffres de période.",
      en: "Assessed by internal polls or by analysing interactions, with no formula in the article: Vigie measures it by the eNPS; turnover and absenteeism are period figures.",
    },
    related: ["enps", "turnover", "absenteeism"],
  },
];
