import { ratio, src, type EventKpi } from "./define";

export const SALES_KPIS = [
  {
    id: "conversionRate",
    name: { fr: "Taux de conversion du service client", en: "Customer-service conversion rate" },
    short: { fr: "Tx conversion", en: "Conversion %" },
    description: { fr: "Part des contacts pris par un conseiller qui se traduisent par une vente.", en: "Share of contacts handled by an agent that led to a sale." },
    formula: { fr: "contacts avec un résultat sale / contacts pris par un conseiller (entrants et sortants)", en: "contacts with a sale outcome / contacts an agent took (inbound and outbound)" },
    unit: "ratio", direction: "higher", availability: "live+historical", category: "sales", attribution: "offered",
    sources: [src("001", "Taux de conversion du service client"), src("000", "Taux de Conversion")],
    feeds: ["contact.outcome", "contact.answered"],
    compute: (a) => ratio(a.sales, a.agentContacts),
  },
  {
    id: "assistedSales",
    name: { fr: "Ventes assistées par le service client", en: "Assisted sales" },
    short: { fr: "Ventes", en: "Sales" },
    description: { fr: "Nombre de contacts pris par un conseiller et conclus par une vente.", en: "Number of contacts handled by an agent and closed with a sale." },
    formula: { fr: "contacts décrochés avec contact.outcome = sale", en: "answered contacts with contact.outcome = sale" },
    unit: "count", direction: "higher", availability: "live+historical", category: "sales", attribution: "offered",
    sources: [src("001", "Volume de ventes assistées par le service client")], feeds: ["contact.outcome"],
    compute: (a) => a.sales,
  },
  {
    id: "salesAmount",
    name: { fr: "Montant des ventes assistées", en: "Assisted sales amount" },
    short: { fr: "Montant ventes", en: "Sales amount" },
    description: { fr: "Somme des montants (amount) des ventes ; la dernière vente d'un contact compte.", en: "Sum of the sales' amounts; a contact's latest sale counts." },
    formula: { fr: "Σ amount des contact.outcome = sale", en: "Σ amount of contact.outcome = sale" },
    unit: "currency", direction: "higher", availability: "live+historical", category: "sales", attribution: "offered",
    sources: [], feeds: ["contact.outcome"],
    compute: (a) => a.salesCents / 100,
  },
] as const satisfies readonly EventKpi[];
