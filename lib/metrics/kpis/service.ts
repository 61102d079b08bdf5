import { FLOW, meanSeconds, ratio, src, type EventKpi } from "./define";

const SL_FEEDS = FLOW;
const SL_SOURCE = [src("002", "Taux de décroché en 18 secondes (ou Quality of Service (QoS))")];

const SL_VARIANTS = [
  { id: "serviceLevel", formula: { fr: "décrochés ≤ seuil / (présentés − auto-traités − en attente sous le seuil)", en: "answered ≤ threshold / (offered − self-served − still waiting under the threshold)" } },
  { id: "serviceLevelOffered", formula: { fr: "décrochés ≤ seuil / présentés (formule de l'article)", en: "answered ≤ threshold / offered (the article's formula)" } },
  { id: "serviceLevelAnswered", formula: { fr: "décrochés ≤ seuil / décrochés", en: "answered ≤ threshold / answered" } },
  { id: "serviceLevelNoShort", formula: { fr: "décrochés ≤ seuil / (présentés − auto-traités − abandons courts − en attente sous le seuil)", en: "answered ≤ threshold / (offered − self-served − short abandons − waiting under the threshold)" } },
] as const;

const slNotes = {
  fr: "Contacts entrants. Seuil par file (18 s par défaut, réglable dans l'administration des files) ; l'attente court depuis la présentation, ou depuis la remise par un robot (SVI, chatbot) ; un contact compte dans l'intervalle où il a été présenté.",
  en: "Inbound contacts. Threshold per queue (18 s by default, set in the queue administration); the wait runs from the offer, or from the hand-over by a bot (IVR, chatbot); a contact counts in the interval it was offered.",
};

export const SERVICE_KPIS = [
  {
    id: "serviceLevel",
    name: { fr: "Taux de décroché en 18 s (qualité de service)", en: "Service level" },
    short: { fr: "QoS", en: "SL" },
    description: {
      fr: "Part des contacts décrochés dans le seuil de la file, hors contacts encore en attente sous le seuil (ils peuvent encore être servis à temps) et contacts résolus en self-service (ils n'ont jamais attendu un conseiller).",
      en: "Share of contacts answered within the queue's threshold, leaving out contacts still waiting under the threshold (they may still be served in time) and contacts resolved by self-service (they never waited for an agent).",
    },
    formula: SL_VARIANTS[0].formula,
    variants: SL_VARIANTS.slice(1),
    notes: slNotes,
    unit: "ratio", direction: "higher", availability: "live+historical", category: "service", attribution: "offered",
    thresholds: { warn: 0.8, alert: 0.7 },
    sources: SL_SOURCE, feeds: SL_FEEDS,
    compute: (a) => ratio(a.answeredInSl, a.offered - a.selfServed - a.waitingUnderSl),
  },
  {
    id: "serviceLevelOffered",
    name: { fr: "Taux de décroché en 18 s (sur présentés)", en: "Service level (of offered)" },
    short: { fr: "QoS / présentés", en: "SL / offered" },
    description: { fr: "Variante de l'article : tous les contacts présentés au dénominateur.", en: "The article's variant: every offered contact in the denominator." },
    formula: SL_VARIANTS[1].formula,
    notes: slNotes,
    unit: "ratio", direction: "higher", availability: "live+historical", category: "service", attribution: "offered",
    thresholds: { warn: 0.8, alert: 0.7 },
    sources: SL_SOURCE, feeds: SL_FEEDS,
    compute: (a) => ratio(a.answeredInSl, a.offered),
  },
  {
    id: "serviceLevelAnswered",
    name: { fr: "Taux de décroché en 18 s (sur décrochés)", en: "Service level (of answered)" },
    short: { fr: "QoS / décrochés", en: "SL / answered" },
    description: { fr: "Variante sans les abandons : part des décrochés qui l'ont été dans le seuil.", en: "Variant without abandons: share of answered contacts answered within the threshold." },
    formula: SL_VARIANTS[2].formula,
    notes: slNotes,
    unit: "ratio", direction: "higher", availability: "live+historical", category: "service", attribution: "offered",
    thresholds: { warn: 0.8, alert: 0.7 },
    sources: SL_SOURCE, feeds: SL_FEEDS,
    compute: (a) => ratio(a.answeredInSl, a.answered),
  },
  {
    id: "serviceLevelNoShort",
    name: { fr: "Taux de décroché en 18 s (hors abandons courts)", en: "Service level (short abandons excluded)" },
    short: { fr: "QoS hors courts", en: "SL excl. short" },
    description: { fr: "Comme le taux de décroché, sans les abandons plus courts que le seuil d'abandon court de la file.", en: "As the service level, without the abandons quicker than the queue's short-abandon threshold." },
    formula: SL_VARIANTS[3].formula,
    notes: slNotes,
    unit: "ratio", direction: "higher", availability: "live+historical", category: "service", attribution: "offered",
    thresholds: { warn: 0.8, alert: 0.7 },
    sources: SL_SOURCE, feeds: SL_FEEDS,
    compute: (a) => ratio(a.answeredInSl, a.offered - a.selfServed - a.shortAbandoned - a.waitingUnderSl),
  },
  {
    id: "asa",
    name: { fr: "Temps moyen d'attente avant décroché (ASA)", en: "Average speed of answer" },
    short: { fr: "ASA", en: "ASA" },
    description: { fr: "Attente moyenne des contacts entrants décrochés (depuis la présentation, ou la remise par un robot).", en: "Mean wait of answered inbound contacts (from the offer, or the hand-over by a bot)." },
    formula: { fr: "Σ (décroché − présenté) / décrochés", en: "Σ (answered − offered) / answered" },
    unit: "seconds", direction: "lower", availability: "live+historical", category: "service", attribution: "offered",
    thresholds: { warn: 20, alert: 40 },
    sources: [], feeds: FLOW,
    compute: (a) => meanSeconds(a.waitMs, a.answered),
  },
  {
    id: "waiting",
    name: { fr: "Contacts en attente", en: "Contacts waiting" },
    short: { fr: "En attente", en: "Waiting" },
    description: { fr: "Contacts entrants présentés, ni décrochés, ni abandonnés, ni auto-traités, ni terminés.", en: "Inbound contacts offered and not yet answered, abandoned, self-served or ended." },
    formula: { fr: "maintenant", en: "now" },
    unit: "count", direction: "lower", availability: "live", category: "service", attribution: "now",
    thresholds: { warn: 5, alert: 10 },
    sources: [], feeds: [...FLOW, "contact.selfserved", "contact.ended"],
    compute: (_a, now) => now.waiting,
  },
  {
    id: "longestWait",
    name: { fr: "Attente la plus longue", en: "Longest wait" },
    short: { fr: "Attente max", en: "Longest wait" },
    description: { fr: "Attente du plus ancien contact encore en attente.", en: "Wait of the oldest contact still waiting." },
    formula: { fr: "maintenant − présentation du plus ancien en attente", en: "now − offered time of the oldest waiting" },
    unit: "seconds", direction: "lower", availability: "live", category: "service", attribution: "now",
    thresholds: { warn: 60, alert: 120 },
    sources: [], feeds: [...FLOW, "contact.selfserved", "contact.ended"],
    compute: (_a, now, at) => (now.oldestWaitingSince === null ? null : Math.max(0, at - now.oldestWaitingSince) / 1000),
  },
] as const satisfies readonly EventKpi[];
