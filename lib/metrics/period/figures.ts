import type { Localized, Unit } from "../kpi-types";

/**
 * The figures a manager enters (or imports) per period, from which the period
 * KPIs are computed. One figure serves every KPI where it means the same thing
 * (`newCustomers` feeds both the CAC and the retention rate). Counts are whole
 * numbers; amounts are in the configured currency; nothing here is negative.
 */

export interface FigureDefinition {
  id: string;
  name: Localized;
  unit: Unit;
}

const f = <const Id extends string>(id: Id, fr: string, en: string, unit: Unit) => ({ id, name: { fr, en }, unit }) as const;

export const FIGURES = [
  // Customers
  f("customersStart", "Clients au début de la période", "Customers at the start of the period", "count"),
  f("customersEnd", "Clients à la fin de la période", "Customers at the end of the period", "count"),
  f("newCustomers", "Nouveaux clients acquis", "New customers acquired", "count"),
  f("customersLost", "Clients perdus pendant la période", "Customers lost during the period", "count"),
  f("totalCustomers", "Nombre total de clients", "Total customers", "count"),
  f("recurringCustomers", "Clients récurrents du service client", "Recurring customer-service customers", "count"),
  f("recommendingCustomers", "Clients qui recommandent activement", "Customers who actively recommend", "count"),
  f("activeCustomers", "Clients actifs", "Active customers", "count"),
  f("featureUsers", "Clients utilisant la fonctionnalité", "Customers using the feature", "count"),
  f("averageSpend", "Dépense moyenne par client (par achat)", "Average spend per customer (per purchase)", "currency"),
  f("purchasesPerYear", "Fréquence d'achat (achats par an)", "Purchase frequency (purchases per year)", "number"),
  f("relationshipYears", "Durée de la relation (années)", "Relationship length (years)", "number"),
  f("customersOnboarded", "Clients embarqués (onboarding)", "Customers onboarded", "count"),
  f("firstValueDays", "Σ jours de l'onboarding à la première valeur", "Σ days from onboarding to first value", "days"),
  f("clientGains", "Ce que le client retire de la solution", "What the client gains from the solution", "currency"),
  f("clientCost", "Ce que le client dépense pour l'utiliser", "What the client pays to use it", "currency"),
  // Marketing and sales
  f("marketingCosts", "Total des coûts marketing", "Total marketing costs", "currency"),
  f("salesCosts", "Total des coûts commerciaux", "Total sales costs", "currency"),
  f("leadSpend", "Dépenses marketing pour générer des leads", "Marketing spend to generate leads", "currency"),
  f("leadsCollected", "Leads collectés", "Leads collected", "count"),
  f("leadsQualified", "Leads qualifiés", "Leads qualified", "count"),
  f("qualificationDays", "Σ jours de la conversion à la qualification", "Σ days from conversion to qualification", "days"),
  f("investmentGains", "Gains résultant de l'investissement", "Gains from the investment", "currency"),
  f("investmentCost", "Coûts de l'investissement", "Cost of the investment", "currency"),
  f("recordsUsable", "Fiches exploitables", "Usable records", "count"),
  f("recordsSupplied", "Fiches fournies dans le fichier originel", "Records supplied in the original file", "count"),
  f("messagesSent", "Messages envoyés ou délivrés", "Messages sent or delivered", "count"),
  f("messagesOpened", "Messages ouverts", "Messages opened", "count"),
  f("messageRecipients", "Personnes à qui le message a été poussé", "People the message was pushed to", "count"),
  f("actionsTaken", "Personnes ayant effectué l'action attendue", "People who took the expected action", "count"),
  f("impressions", "Impressions", "Impressions", "count"),
  f("clicks", "Clics", "Clicks", "count"),
  f("socialImpressions", "Impressions sur les réseaux sociaux", "Social media impressions", "count"),
  f("socialInteractions", "Interactions sur les réseaux sociaux", "Social media interactions", "count"),
  f("visits", "Visites", "Visits", "count"),
  f("singlePageVisits", "Visites d'une seule page", "Single-page visits", "count"),
  f("cartsCreated", "Paniers créés", "Carts created", "count"),
  f("cartsAbandoned", "Paniers abandonnés", "Abandoned carts", "count"),
  f("revenue", "Chiffre d'affaires", "Revenue", "currency"),
  f("orders", "Commandes", "Orders", "count"),
  f("existingRevenueNow", "Revenus actuels des clients existants", "Current revenue of existing customers", "currency"),
  f("existingRevenueInitial", "Revenus initiaux des clients existants", "Initial revenue of existing customers", "currency"),
  f("prospectContacts", "Contacts (prospects)", "Contacts (prospects)", "count"),
  f("prospectsWon", "Prospects devenus clients", "Prospects who became customers", "count"),
  // Service and workforce
  f("serviceCost", "Coût total du service client", "Total customer-service cost", "currency"),
  f("contacts", "Nombre total de contacts", "Total contacts", "count"),
  f("transactions", "Nombre total de transactions", "Total transactions", "count"),
  f("errors", "Nombre d'erreurs", "Errors", "count"),
  f("agentsStart", "Agents en début de période", "Agents at the start of the period", "count"),
  f("agentsEnd", "Agents en fin de période", "Agents at the end of the period", "count"),
  f("departures", "Départs de collaborateurs", "Employee departures", "count"),
  f("averageHeadcount", "Effectif moyen", "Average headcount", "number"),
  f("headcount", "Nombre total de collaborateurs", "Total employees", "count"),
  f("absenceHours", "Heures d'absence", "Absence hours", "hours"),
  f("theoreticalHours", "Temps de travail théorique (heures)", "Theoretical working time (hours)", "hours"),
  f("trainingHours", "Heures de formation suivies", "Training hours attended", "hours"),
] as const satisfies readonly FigureDefinition[];

export type FigureId = (typeof FIGURES)[number]["id"];
export type FigureValues = Partial<Record<FigureId, number>>;

export const FIGURE_IDS: readonly FigureId[] = FIGURES.map((x) => x.id);
const BY_ID = new Map<string, FigureDefinition>(FIGURES.map((x) => [x.id, x]));

export const isFigureId = (id: string): id is FigureId => BY_ID.has(id);
export const figureById = (id: FigureId): FigureDefinition => BY_ID.get(id)!;
