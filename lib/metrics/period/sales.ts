import { need, ratioOf, type PeriodKpiDefinition } from "./define";

const l = (fr: string, en: string) => ({ fr, en });

/** Sales and the purchase path (articles 002, 004). */
export const SALES_KPIS: PeriodKpiDefinition[] = [
  {
    id: "cartAbandonment",
    name: l("Taux d'abandon de panier", "Cart abandonment rate"),
    short: l("Abandon panier", "Cart abandon"),
    description: l(
      "Part des clients qui ajoutent des produits à leur panier sans finaliser l'achat.",
      "Share of customers who add products to their cart without completing the purchase.",
    ),
    formula: l("Nombre de paniers abandonnés / nombre total de paniers créés", "Abandoned carts / total carts created"),
    unit: "ratio", direction: "lower", availability: "period", category: "sales",
    sources: [{ article: "004", term: "Taux d’abandon de panier" }],
    inputs: ["cartsAbandoned", "cartsCreated"],
    compute: (f) => ratioOf(f, "cartsAbandoned", "cartsCreated"),
  },
  {
    id: "averageBasket",
    name: l("Panier moyen", "Average basket"),
    short: l("Panier moyen", "Avg basket"),
    description: l("Dépense moyenne par commande.", "Average spend per order."),
    formula: l("Chiffre d'affaires total / nombre de commandes", "Total revenue / number of orders"),
    unit: "currency", direction: "higher", availability: "period", category: "sales",
    sources: [{ article: "004", term: "Panier moyen" }],
    inputs: ["revenue", "orders"],
    compute: (f) => ratioOf(f, "revenue", "orders"),
  },
  {
    id: "expansionRevenue",
    name: l("Revenus d'expansion", "Expansion revenue"),
    short: l("Expansion", "Expansion"),
    description: l(
      "Revenus supplémentaires générés par les clients existants (montée en gamme, fonctionnalités premium, services complémentaires).",
      "Additional revenue from existing customers (upsell, premium features, add-on services).",
    ),
    formula: l(
      "Revenus actuels des clients existants − revenus initiaux",
      "Current revenue of existing customers − their initial revenue",
    ),
    notes: l("Négatif quand les clients existants dépensent moins qu'au départ.", "Negative when existing customers spend less than at first."),
    unit: "currency", direction: "higher", availability: "period", category: "sales",
    sources: [{ article: "004", term: "Expansion Revenue" }],
    inputs: ["existingRevenueNow", "existingRevenueInitial"],
    compute: (f) => {
      const v = need(f, "existingRevenueNow", "existingRevenueInitial");
      return v && v[0] - v[1];
    },
  },
  {
    id: "transformationRate",
    name: l("Taux de transformation", "Transformation rate"),
    short: l("Transformation", "Win rate"),
    description: l(
      "Part des prospects devenus clients parmi les contacts, par exemple pour une force de vente.",
      "Share of the prospects contacted who became customers, e.g. for a sales force.",
    ),
    formula: l("Nombre de prospects devenus clients / nombre total de contacts", "Prospects who became customers / total contacts"),
    unit: "ratio", direction: "higher", availability: "period", category: "sales",
    sources: [{ article: "004", term: "Taux de transformation" }],
    inputs: ["prospectsWon", "prospectContacts"],
    compute: (f) => ratioOf(f, "prospectsWon", "prospectContacts"),
  },
  {
    id: "velocity",
    name: l("Vélocité", "Lead velocity"),
    short: l("Vélocité", "Velocity"),
    description: l(
      "Durée entre le moment où un visiteur se convertit (premier contact avec l'entreprise) et celui où un conseiller commercial le qualifie.",
      "Time from a visitor's conversion (first contact with the company) to their qualification by a sales adviser.",
    ),
    formula: l(
      "Σ (t qualification − t conversion) en jours / leads qualifiés",
      "Σ (t qualification − t conversion) in days / leads qualified",
    ),
    notes: l(
      "L'article écrit « tconversion – tqualification » mais décrit la durée de la conversion jusqu'à la qualification : Vigie compte cette durée, positive, en moyenne sur les leads qualifiés de la période.",
      "The article writes \"tconversion – tqualification\" but describes the time from conversion to qualification: Vigie counts that duration, positive, averaged over the leads qualified in the period.",
    ),
    unit: "days", direction: "lower", availability: "period", category: "sales",
    sources: [{ article: "002", term: "Vélocité" }],
    inputs: ["qualificationDays", "leadsQualified"],
    compute: (f) => ratioOf(f, "qualificationDays", "leadsQualified"),
  },
];
