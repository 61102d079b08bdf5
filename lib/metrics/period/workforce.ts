import { ratioOf, type PeriodKpiDefinition } from "./define";

const l = (fr: string, en: string) => ({ fr, en });

/** Service costs and quality, and the team (articles 001, 004). */
export const WORKFORCE_KPIS: PeriodKpiDefinition[] = [
  {
    id: "costPerContact",
    name: l("Coût par contact (CPC)", "Cost per contact"),
    short: l("CPC", "CPC"),
    description: l("Coût moyen de gestion d'un contact client.", "Average cost of handling one customer contact."),
    formula: l("Coût total du service client / Nombre total de contacts", "Total customer-service cost / Total contacts"),
    unit: "currency", direction: "lower", availability: "period", category: "finance",
    sources: [{ article: "001", term: "Coût par contact (CPC)" }],
    inputs: ["serviceCost", "contacts"],
    compute: (f) => ratioOf(f, "serviceCost", "contacts"),
  },
  {
    id: "errorRate",
    name: l("Taux d'erreur du service client", "Customer-service error rate"),
    short: l("Erreurs", "Errors"),
    description: l("Part d'erreurs commises dans le traitement des demandes client.", "Share of errors made while handling customer requests."),
    formula: l("Nombre d'erreurs / Nombre total de transactions", "Errors / Total transactions"),
    unit: "ratio", direction: "lower", availability: "period", category: "service",
    sources: [{ article: "001", term: "Taux d'erreur du service client" }],
    inputs: ["errors", "transactions"],
    compute: (f) => ratioOf(f, "errors", "transactions"),
  },
  {
    id: "agentRetention",
    name: l("Taux de rétention des agents", "Agent retention rate"),
    short: l("Rétention agents", "Agent retention"),
    description: l(
      "Capacité à conserver les agents du service client sur le long terme.",
      "How well the center keeps its customer-service agents over time.",
    ),
    formula: l(
      "Nombre d'agents en fin de période / Nombre d'agents en début de période",
      "Agents at the end of the period / Agents at the start of the period",
    ),
    notes: l(
      "Compare des effectifs, pas des personnes : dépasse 100 % quand l'équipe grandit.",
      "Compares headcounts, not people: above 100 % when the team grows.",
    ),
    unit: "ratio", direction: "higher", availability: "period", category: "workforce",
    sources: [{ article: "001", term: "Taux de rétention des agents" }],
    inputs: ["agentsEnd", "agentsStart"],
    compute: (f) => ratioOf(f, "agentsEnd", "agentsStart"),
  },
  {
    id: "turnover",
    name: l("Taux de turnover", "Employee turnover rate"),
    short: l("Turnover", "Turnover"),
    description: l(
      "Proportion de collaborateurs quittant l'entreprise sur la période.",
      "Share of employees leaving the company during the period.",
    ),
    formula: l("Départs de collaborateurs / effectif moyen", "Employee departures / average headcount"),
    notes: l(
      "L'article définit une proportion sans formule ; Vigie rapporte les départs à l'effectif moyen de la période.",
      "The article defines a proportion without a formula; Vigie divides departures by the period's average headcount.",
    ),
    unit: "ratio", direction: "lower", availability: "period", category: "workforce",
    sources: [{ article: "004", term: "Taux de turnover" }],
    inputs: ["departures", "averageHeadcount"],
    compute: (f) => ratioOf(f, "departures", "averageHeadcount"),
  },
  {
    id: "absenteeism",
    name: l("Taux d'absentéisme", "Absenteeism rate"),
    short: l("Absentéisme", "Absenteeism"),
    description: l("Proportion d'heures d'absence par rapport au temps de travail théorique.", "Absence hours as a share of theoretical working time."),
    formula: l("Heures d'absence / temps de travail théorique", "Absence hours / theoretical working hours"),
    unit: "ratio", direction: "lower", availability: "period", category: "workforce",
    sources: [{ article: "004", term: "Taux d’absentéisme" }],
    inputs: ["absenceHours", "theoreticalHours"],
    compute: (f) => ratioOf(f, "absenceHours", "theoreticalHours"),
  },
  {
    id: "trainingRate",
    name: l("Taux de formation", "Training rate"),
    short: l("Formation", "Training"),
    description: l(
      "Heures de formation suivies par collaborateur sur la période.",
      "Training hours attended per employee over the period.",
    ),
    formula: l("Heures de formation suivies / nombre total de collaborateurs", "Training hours attended / total employees"),
    notes: l(
      "L'article admet des heures ou des sessions ; Vigie compte des heures, d'où des heures par collaborateur.",
      "The article allows hours or sessions; Vigie counts hours, hence hours per employee.",
    ),
    unit: "hours", direction: "higher", availability: "period", category: "workforce",
    sources: [{ article: "004", term: "Taux de formation" }],
    inputs: ["trainingHours", "headcount"],
    compute: (f) => ratioOf(f, "trainingHours", "headcount"),
  },
];
