import { need, ratio, ratioOf, type PeriodKpiDefinition } from "./define";

const l = (fr: string, en: string) => ({ fr, en });

/** Customers: retention, churn, value, adoption (articles 000, 001, 004). */
export const CUSTOMER_KPIS: PeriodKpiDefinition[] = [
  {
    id: "retentionRate",
    name: l("Taux de fidélité client (rétention)", "Customer retention rate"),
    short: l("Rétention", "Retention"),
    description: l(
      "Part des clients du début de période encore clients à la fin, sans compter les nouveaux clients.",
      "Share of the customers at the start of the period who are still customers at its end, new customers left out.",
    ),
    formula: l(
      "(Clients à la fin de la période − Nouveaux clients) / Clients au début de la période",
      "(Customers at the end of the period − New customers) / Customers at the start of the period",
    ),
    variants: [{ formula: l("clients conservés / nombre total de clients au départ", "customers kept / total customers at the start") }],
    unit: "ratio", direction: "higher", availability: "period", category: "customers",
    sources: [
      { article: "000", term: "Taux de Fidélité Client" },
      { article: "001", term: "Taux de rétention client" },
      { article: "004", term: "Taux de rétention et de churn" },
    ],
    inputs: ["customersEnd", "newCustomers", "customersStart"],
    compute: (f) => {
      const v = need(f, "customersEnd", "newCustomers", "customersStart");
      return v && ratio(v[0] - v[1], v[2]);
    },
  },
  {
    id: "churnRate",
    name: l("Taux d'attrition (churn)", "Churn rate"),
    short: l("Churn", "Churn"),
    description: l("Part des clients perdus sur la période.", "Share of customers lost during the period."),
    formula: l(
      "Clients perdus pendant une période / Clients totaux au début de la période",
      "Customers lost during the period / Total customers at the start of the period",
    ),
    variants: [
      {
        formula: l(
          "(Nombre de clients au début de la période − Nombre de clients à la fin de la période) / Nombre de clients au début de la période",
          "(Customers at the start of the period − Customers at the end of the period) / Customers at the start of the period",
        ),
      },
    ],
    notes: l(
      "Vigie calcule la première forme quand « clients perdus » est renseigné, sinon la seconde. La seconde est une attrition nette : les nouveaux clients y compensent les pertes, et elle devient négative quand la clientèle grandit.",
      "Vigie computes the first form when \"customers lost\" is given, else the second. The second is a net churn: new customers offset the losses, and it turns negative when the customer base grows.",
    ),
    unit: "ratio", direction: "lower", availability: "period", category: "customers",
    sources: [
      { article: "000", term: "Churn Rate (Taux d'attrition)" },
      { article: "001", term: "Taux d'attrition client" },
      { article: "004", term: "Taux de rétention et de churn" },
    ],
    inputs: ["customersLost", "customersStart", "customersEnd"],
    compute: (f) => {
      if (f.customersLost !== undefined) return ratioOf(f, "customersLost", "customersStart");
      const v = need(f, "customersStart", "customersEnd");
      return v && ratio(v[0] - v[1], v[0]);
    },
  },
  {
    id: "serviceRetention",
    name: l("Taux de rétention du service client", "Customer-service retention rate"),
    short: l("Rétention SC", "Service retention"),
    description: l(
      "Part des clients qui continuent à utiliser le service client après une interaction initiale.",
      "Share of customers who keep using customer service after a first interaction.",
    ),
    formula: l("Nombre de clients récurrents / Nombre total de clients", "Recurring customers / Total customers"),
    unit: "ratio", direction: "higher", availability: "period", category: "customers",
    sources: [{ article: "001", term: "Taux de rétention du service client" }],
    inputs: ["recurringCustomers", "totalCustomers"],
    compute: (f) => ratioOf(f, "recurringCustomers", "totalCustomers"),
  },
  {
    id: "recommendationRate",
    name: l("Taux de recommandation client", "Customer recommendation rate"),
    short: l("Recommandation", "Referral rate"),
    description: l("Part des clients qui recommandent activement l'entreprise.", "Share of customers who actively recommend the company."),
    formula: l("Clients qui recommandent activement / Nombre total de clients", "Customers who actively recommend / Total customers"),
    notes: l(
      "L'article décrit l'indicateur sans formule ; Vigie rapporte les clients qui recommandent activement à l'ensemble des clients.",
      "The article describes this KPI without a formula; Vigie divides the customers who actively recommend by all customers.",
    ),
    unit: "ratio", direction: "higher", availability: "period", category: "customers",
    sources: [{ article: "000", term: "Taux de Recommandation Client" }],
    inputs: ["recommendingCustomers", "totalCustomers"],
    compute: (f) => ratioOf(f, "recommendingCustomers", "totalCustomers"),
  },
  {
    id: "clv",
    name: l("Valeur vie client (CLV)", "Customer lifetime value"),
    short: l("CLV", "CLV"),
    description: l("Valeur totale qu'un client apportera à l'entreprise.", "Total value a customer brings to the company."),
    formula: l(
      "Dépense moyenne par client × Fréquence d'achat × Durée de la relation en années",
      "Average spend per customer × Purchase frequency × Relationship length in years",
    ),
    variants: [{ formula: l("CLTV = Valeur du client × Durée de vie du client", "CLTV = Customer value × Customer lifetime") }],
    notes: l("La fréquence d'achat est un nombre d'achats par an.", "Purchase frequency is a number of purchases per year."),
    unit: "currency", direction: "higher", availability: "period", category: "customers",
    sources: [
      { article: "000", term: "CLV (Customer Lifetime Value)" },
      { article: "002", term: "Customer Life Time Value" },
    ],
    inputs: ["averageSpend", "purchasesPerYear", "relationshipYears"],
    compute: (f) => {
      const v = need(f, "averageSpend", "purchasesPerYear", "relationshipYears");
      return v && v[0] * v[1] * v[2];
    },
  },
  {
    id: "clientRoi",
    name: l("ROI client", "Client ROI"),
    short: l("ROI client", "Client ROI"),
    description: l(
      "Ce que le client retire de la solution (gain de temps, économies, revenus générés…) comparé à ce qu'il dépense pour l'utiliser.",
      "What the client gets out of the solution (time saved, savings, revenue…) compared with what it pays to use it.",
    ),
    formula: l("(Ce que le client retire − ce qu'il dépense) / ce qu'il dépense", "(What the client gains − what it pays) / what it pays"),
    notes: l(
      "L'article « compare » sans donner de formule ; Vigie prend la forme du ROI de l'article 002.",
      "The article \"compares\" without a formula; Vigie uses the ROI form of article 002.",
    ),
    unit: "ratio", direction: "higher", availability: "period", category: "customers",
    sources: [{ article: "004", term: "ROI client" }],
    inputs: ["clientGains", "clientCost"],
    compute: (f) => {
      const v = need(f, "clientGains", "clientCost");
      return v && ratio(v[0] - v[1], v[1]);
    },
  },
  {
    id: "productAdoption",
    name: l("Taux d'adoption du produit", "Product adoption rate"),
    short: l("Adoption", "Adoption"),
    description: l("Part des clients qui utilisent réellement le produit.", "Share of customers who actually use the product."),
    formula: l("Nombre de clients actifs / Ensemble des clients", "Active customers / All customers"),
    unit: "ratio", direction: "higher", availability: "period", category: "customers",
    sources: [{ article: "004", term: "Product Adoption Rate" }],
    inputs: ["activeCustomers", "totalCustomers"],
    compute: (f) => ratioOf(f, "activeCustomers", "totalCustomers"),
  },
  {
    id: "featureUsage",
    name: l("Taux d'usage d'une fonctionnalité", "Feature usage rate"),
    short: l("Usage fonctionnalité", "Feature usage"),
    description: l("Part des clients qui utilisent une fonctionnalité donnée.", "Share of customers who use a given feature."),
    formula: l("Clients qui utilisent la fonctionnalité / Nombre total de clients", "Customers using the feature / Total customers"),
    unit: "ratio", direction: "higher", availability: "period", category: "customers",
    sources: [{ article: "004", term: "Feature Usage Rate" }],
    inputs: ["featureUsers", "totalCustomers"],
    compute: (f) => ratioOf(f, "featureUsers", "totalCustomers"),
  },
  {
    id: "ttfv",
    name: l("Délai avant première valeur (TTFV)", "Time to first value"),
    short: l("TTFV", "TTFV"),
    description: l(
      "Temps nécessaire pour qu'un client perçoive une première valeur tangible : de l'onboarding à la première utilisation réussie d'une fonctionnalité clé.",
      "Time until a customer gets a first tangible value: from onboarding to the first successful use of a key feature.",
    ),
    formula: l(
      "Σ délais entre l'onboarding et la première utilisation réussie (jours) / clients embarqués",
      "Σ days from onboarding to the first successful use / customers onboarded",
    ),
    notes: l(
      "L'article donne le délai d'un client ; Vigie en fait la moyenne sur les clients embarqués de la période.",
      "The article gives one customer's delay; Vigie averages it over the customers onboarded in the period.",
    ),
    unit: "days", direction: "lower", availability: "period", category: "customers",
    sources: [{ article: "004", term: "Time to First Value (TTFV)" }],
    inputs: ["firstValueDays", "customersOnboarded"],
    compute: (f) => ratioOf(f, "firstValueDays", "customersOnboarded"),
  },
];
