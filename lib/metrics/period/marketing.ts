import { need, ratio, ratioOf, type PeriodKpiDefinition } from "./define";

const l = (fr: string, en: string) => ({ fr, en });

/** Acquisition and campaigns (articles 001, 002, 004). */
export const MARKETING_KPIS: PeriodKpiDefinition[] = [
  {
    id: "cac",
    name: l("Coût d'acquisition client (CAC)", "Customer acquisition cost"),
    short: l("CAC", "CAC"),
    description: l(
      "Coût moyen dépensé par l'entreprise pour gagner un nouveau client, sur la période.",
      "Average amount the company spends to win one new customer, over the period.",
    ),
    formula: l(
      "(Total des coûts marketing + total des coûts commerciaux) / nombre de nouveaux clients acquis",
      "(Total marketing costs + total sales costs) / new customers acquired",
    ),
    notes: l(
      "L'exemple de l'article, 10 000 € pour 150 clients, donne 66,67 € ; l'article l'arrondit à 66 €.",
      "The article's example, €10,000 for 150 customers, gives €66.67; the article rounds it down to €66.",
    ),
    unit: "currency", direction: "lower", availability: "period", category: "marketing",
    sources: [{ article: "002", term: "CAC (Customer Acquisition Cost ou Coût d’Acquisition Client)" }],
    inputs: ["marketingCosts", "salesCosts", "newCustomers"],
    compute: (f) => {
      const v = need(f, "marketingCosts", "salesCosts", "newCustomers");
      return v && ratio(v[0] + v[1], v[2]);
    },
  },
  {
    id: "cpl",
    name: l("Coût par lead (CPL)", "Cost per lead"),
    short: l("CPL", "CPL"),
    description: l("Efficacité des investissements marketing : coût d'un lead collecté.", "Efficiency of marketing spend: the cost of one lead collected."),
    formula: l(
      "Total des dépenses marketing pour générer des leads / Total des leads collectés",
      "Total marketing spend to generate leads / Total leads collected",
    ),
    unit: "currency", direction: "lower", availability: "period", category: "marketing",
    sources: [{ article: "002", term: "CPL (Cost Per Lead)" }],
    inputs: ["leadSpend", "leadsCollected"],
    compute: (f) => ratioOf(f, "leadSpend", "leadsCollected"),
  },
  {
    id: "roi",
    name: l("Retour sur investissement (ROI)", "Return on investment"),
    short: l("ROI", "ROI"),
    description: l("Rendement d'un investissement, pour le mesurer et le comparer.", "The return of an investment, to measure and compare it."),
    formula: l(
      "(Gains résultant de l'investissement − coûts de l'investissement) / coûts de l'investissement",
      "(Gains from the investment − cost of the investment) / cost of the investment",
    ),
    unit: "ratio", direction: "higher", availability: "period", category: "finance",
    sources: [{ article: "002", term: "ROI (Return on Investment)" }],
    inputs: ["investmentGains", "investmentCost"],
    compute: (f) => {
      const v = need(f, "investmentGains", "investmentCost");
      return v && ratio(v[0] - v[1], v[1]);
    },
  },
  {
    id: "socialEngagement",
    name: l("Taux d'engagement sur les réseaux sociaux", "Social media engagement rate"),
    short: l("Engagement", "Engagement"),
    description: l(
      "Interaction des clients avec la marque sur les plateformes de réseaux sociaux.",
      "How much customers interact with the brand on social media platforms.",
    ),
    formula: l("Interactions / Impressions", "Interactions / Impressions"),
    notes: l(
      "L'article ne donne pas de formule ; Vigie rapporte les interactions aux impressions, la forme la plus courante.",
      "The article gives no formula; Vigie divides interactions by impressions, the most common form.",
    ),
    unit: "ratio", direction: "higher", availability: "period", category: "marketing",
    sources: [{ article: "001", term: "Taux d'engagement sur les réseaux sociaux" }],
    inputs: ["socialInteractions", "socialImpressions"],
    compute: (f) => ratioOf(f, "socialInteractions", "socialImpressions"),
  },
  {
    id: "fileQuality",
    name: l("Qualité de fichier", "Contact file quality"),
    short: l("Qualité fichier", "File quality"),
    description: l(
      "Capacité d'exploitation d'un fichier de prospection : sans faux numéros ni adresses invalides.",
      "How usable a prospecting file is: no wrong numbers, no invalid addresses.",
    ),
    formula: l(
      "Nbre de fiches exploitables / Nbre de fiches fournies dans le fichier originel",
      "Usable records / Records supplied in the original file",
    ),
    unit: "ratio", direction: "higher", availability: "period", category: "outbound",
    sources: [{ article: "002", term: "Qualité de fichier" }],
    inputs: ["recordsUsable", "recordsSupplied"],
    compute: (f) => ratioOf(f, "recordsUsable", "recordsSupplied"),
  },
  {
    id: "openRate",
    name: l("Taux d'ouverture", "Open rate"),
    short: l("Ouverture", "Open rate"),
    description: l("Part des destinataires ayant ouvert l'e-mail au moins une fois.", "Share of recipients who opened the e-mail at least once."),
    formula: l("Messages ouverts / messages envoyés ou délivrés", "Messages opened / messages sent or delivered"),
    unit: "ratio", direction: "higher", availability: "period", category: "marketing",
    sources: [{ article: "002", term: "Taux d’ouverture" }],
    inputs: ["messagesOpened", "messagesSent"],
    compute: (f) => ratioOf(f, "messagesOpened", "messagesSent"),
  },
  {
    id: "ctr",
    name: l("Taux de clics (CTR)", "Click-through rate"),
    short: l("CTR", "CTR"),
    description: l("Efficacité d'une campagne marketing : part des impressions suivies d'un clic.", "Efficiency of a campaign: share of impressions followed by a click."),
    formula: l("Nombre de clics sur un lien / nombre total d'impressions", "Clicks on a link / total impressions"),
    unit: "ratio", direction: "higher", availability: "period", category: "marketing",
    sources: [{ article: "004", term: "CTR (Click Through Rate)" }],
    inputs: ["clicks", "impressions"],
    compute: (f) => ratioOf(f, "clicks", "impressions"),
  },
  {
    id: "bounceRate",
    name: l("Taux de rebond", "Bounce rate"),
    short: l("Rebond", "Bounce"),
    description: l("Part des visiteurs qui quittent une page sans interagir.", "Share of visitors who leave a page without interacting."),
    formula: l("Visites d'une seule page / total des visites", "Single-page visits / total visits"),
    unit: "ratio", direction: "lower", availability: "period", category: "marketing",
    sources: [{ article: "004", term: "Taux de rebond" }],
    inputs: ["singlePageVisits", "visits"],
    compute: (f) => ratioOf(f, "singlePageVisits", "visits"),
  },
  {
    id: "marketingConversion",
    name: l("Taux de conversion (marketing)", "Conversion rate (marketing)"),
    short: l("Conversion", "Conversion"),
    description: l(
      "Part des personnes ayant réalisé l'action souhaitée (téléchargement, achat, inscription…) parmi celles qui ont reçu le message.",
      "Share of the people who took the desired action (download, purchase, sign-up…) among those who received the message.",
    ),
    formula: l(
      "Nombre de personnes qui ont effectué l'action attendue / Nombre de personnes à qui le message a été poussé",
      "People who took the expected action / People the message was pushed to",
    ),
    variants: [{ formula: l("Nombre d'actions effectuées / nombre total de visiteurs", "Actions taken / total visitors") }],
    unit: "ratio", direction: "higher", availability: "period", category: "marketing",
    sources: [
      { article: "002", term: "Taux de conversion" },
      { article: "004", term: "Taux de conversion" },
    ],
    inputs: ["actionsTaken", "messageRecipients"],
    compute: (f) => ratioOf(f, "actionsTaken", "messageRecipients"),
  },
];
