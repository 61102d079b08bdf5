import { ratio, src, type EventKpi } from "./define";

const FCR_SOURCES = [
  src("000", "First Contact Resolution (FCR)"),
  src("001", "Taux de résolution au premier contact (FCR)"),
  src("002", "FCR (First Call Resolution ou First Contact Resolution)"),
  src("004", "FCR (First Contact Resolution)"),
];

const repeatNote = {
  fr: "Contacts entrants décrochés d'un client identifié (customerId) ; un contact est répété quand le même client recontacte, sur n'importe quelle file, dans les N jours (7 par défaut, VIGIE_FCR_DAYS). Le chiffre d'aujourd'hui peut encore baisser pendant N jours.",
  en: "Answered inbound contacts of an identified customer (customerId); a contact is repeated when the same customer contacts again, on any queue, within N days (7 by default, VIGIE_FCR_DAYS). Today's figure may still drop for N days.",
};

export const RESOLUTION_KPIS = [
  {
    id: "fcr",
    name: { fr: "Résolution au premier contact (FCR, disposition)", en: "First contact resolution (disposition)" },
    short: { fr: "FCR", en: "FCR" },
    description: {
      fr: "Méthode « disposition » : part des demandes résolues que le conseiller a qualifiées de résolues au premier contact.",
      en: "Disposition method: share of resolved requests the agent marked as resolved at first contact.",
    },
    formula: { fr: "résolues avec firstContact = vrai / résolues avec une qualification firstContact", en: "resolved with firstContact = true / resolved with a firstContact disposition" },
    variants: [{ id: "fcrRepeat", formula: { fr: "méthode « sans recontact » : 1 − contacts répétés sous N jours / contacts décrochés", en: "no-repeat method: 1 − contacts repeated within N days / answered contacts" } }],
    notes: { fr: "Compté à la résolution.", en: "Counted at the resolution." },
    unit: "ratio", direction: "higher", availability: "live+historical", category: "resolution", attribution: "resolved",
    thresholds: { warn: 0.7, alert: 0.6 },
    sources: FCR_SOURCES, feeds: ["contact.resolved"],
    compute: (a) => ratio(a.resolvedFirst, a.resolvedFlagged),
  },
  {
    id: "fcrRepeat",
    name: { fr: "Résolution au premier contact (FCR, sans recontact)", en: "First contact resolution (no repeat)" },
    short: { fr: "FCR sans recontact", en: "FCR no repeat" },
    description: {
      fr: "Méthode « sans recontact » (Once and Done) : part des contacts décrochés que le client n'a pas eu besoin de renouveler dans les N jours.",
      en: "No-repeat method (Once and Done): share of answered contacts the customer did not need to renew within N days.",
    },
    formula: { fr: "(contacts éligibles − contacts répétés sous N jours) / contacts éligibles", en: "(eligible contacts − contacts repeated within N days) / eligible contacts" },
    variants: [{ id: "fcr", formula: { fr: "méthode « disposition » : résolues au premier contact / résolues", en: "disposition method: resolved at first contact / resolved" } }],
    notes: repeatNote,
    unit: "ratio", direction: "higher", availability: "live+historical", category: "resolution", attribution: "offered",
    thresholds: { warn: 0.7, alert: 0.6 },
    sources: [src("004", "Once and Done")], feeds: ["contact.offered", "contact.answered"],
    compute: (a) => ratio(a.fcrEligible - a.repeated, a.fcrEligible),
  },
  {
    id: "repeatRate",
    name: { fr: "Taux de répétition des appels", en: "Repeat contact rate" },
    short: { fr: "Tx recontact", en: "Repeat %" },
    description: { fr: "Part des contacts décrochés suivis d'un nouveau contact du même client dans les N jours.", en: "Share of answered contacts followed by another contact from the same customer within N days." },
    formula: { fr: "contacts répétés sous N jours / contacts éligibles", en: "contacts repeated within N days / eligible contacts" },
    notes: repeatNote,
    unit: "ratio", direction: "lower", availability: "live+historical", category: "resolution", attribution: "offered",
    thresholds: { warn: 0.2, alert: 0.3 },
    sources: [src("000", "Taux de Répétition des Appels")], feeds: ["contact.offered", "contact.answered"],
    compute: (a) => ratio(a.repeated, a.fcrEligible),
  },
  {
    id: "resolved",
    name: { fr: "Demandes résolues", en: "Requests resolved" },
    short: { fr: "Résolues", en: "Resolved" },
    description: { fr: "Contacts qualifiés résolus (contact.resolved) dans la fenêtre.", en: "Contacts marked resolved (contact.resolved) in the window." },
    formula: { fr: "nombre de contacts avec contact.resolved", en: "count of contacts with contact.resolved" },
    notes: { fr: "Compté à la résolution.", en: "Counted at the resolution." },
    unit: "count", direction: "higher", availability: "live+historical", category: "resolution", attribution: "resolved",
    sources: [], feeds: ["contact.resolved"],
    compute: (a) => a.resolved,
  },
  {
    id: "transferRate",
    name: { fr: "Taux de transfert", en: "Transfer rate" },
    short: { fr: "Tx transfert", en: "Transfer %" },
    description: { fr: "Part des contacts pris par un conseiller transférés au moins une fois (vers une autre file ou un autre conseiller).", en: "Share of contacts taken by an agent transferred at least once (to another queue or agent)." },
    formula: { fr: "contacts transférés / contacts pris par un conseiller", en: "contacts transferred / contacts taken by an agent" },
    unit: "ratio", direction: "lower", availability: "live+historical", category: "resolution", attribution: "offered",
    thresholds: { warn: 0.1, alert: 0.2 },
    sources: [], feeds: ["contact.transferred", "contact.answered"],
    compute: (a) => ratio(a.transferred, a.agentContacts),
  },
  {
    id: "escalationRate",
    name: { fr: "Taux d'escalade", en: "Escalation rate" },
    short: { fr: "Tx escalade", en: "Escalation %" },
    description: { fr: "Part des demandes qui ont nécessité un niveau supérieur (niveau 2, ou un robot passant la main à un humain).", en: "Share of requests that needed a higher level (tier 2, or a bot handing over to a human)." },
    formula: { fr: "demandes escaladées / demandes présentées", en: "escalated requests / requests offered" },
    unit: "ratio", direction: "lower", availability: "live+historical", category: "resolution", attribution: "offered",
    thresholds: { warn: 0.1, alert: 0.2 },
    sources: [src("001", "Taux d'escalade")], feeds: ["contact.escalated", "contact.offered"],
    compute: (a) => ratio(a.escalated, a.offered),
  },
] as const satisfies readonly EventKpi[];
