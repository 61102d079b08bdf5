import { ratio, src, type EventKpi } from "./define";

const botHandled = "contact.selfserved + contact.escalated (from: bot)";

export const AUTOMATION_KPIS = [
  {
    id: "selfServiceUsage",
    name: { fr: "Taux d'utilisation du self-service", en: "Self-service usage rate" },
    short: { fr: "Usage self-service", en: "Self-service use" },
    description: { fr: "Part des contacts passés par un outil de self-service (SVI, FAQ, robot), qu'il les ait résolus ou passés à un humain.", en: "Share of contacts that went through a self-service tool (IVR, FAQ, bot), resolved there or handed to a human." },
    formula: { fr: "(auto-traités + escaladés par un robot) / présentés", en: "(self-served + escalated by a bot) / offered" },
    unit: "ratio", direction: "higher", availability: "live+historical", category: "automation", attribution: "offered",
    sources: [src("001", "Taux d'utilisation du self-service")], feeds: ["contact.selfserved", "contact.escalated", "contact.offered"],
    compute: (a) => ratio(a.selfServed + a.botEscalated, a.offered),
  },
  {
    id: "selfServiceSuccess",
    name: { fr: "Taux de réussite de l'auto-assistance", en: "Self-service success rate" },
    short: { fr: "Réussite self-service", en: "Self-service success" },
    description: { fr: "Parmi les contacts passés par le self-service, part résolue sans solliciter un conseiller.", en: "Of the contacts that went through self-service, the share resolved without an agent." },
    formula: { fr: "auto-traités / (auto-traités + escaladés par un robot)", en: `self-served / (${botHandled})` },
    unit: "ratio", direction: "higher", availability: "live+historical", category: "automation", attribution: "offered",
    sources: [src("004", "Taux de réussite de l’auto-assistance")], feeds: ["contact.selfserved", "contact.escalated"],
    compute: (a) => ratio(a.selfServed, a.selfServed + a.botEscalated),
  },
  {
    id: "botEscalationRate",
    name: { fr: "Taux d'escalade vers un agent humain", en: "Bot-to-human escalation rate" },
    short: { fr: "Escalade robot → humain", en: "Bot → human" },
    description: { fr: "Part des demandes prises par un système automatisé qui ont été passées à un conseiller.", en: "Share of requests taken by an automated system that were handed to an agent." },
    formula: { fr: "escaladés par un robot / (auto-traités + escaladés par un robot)", en: `escalated by a bot / (${botHandled})` },
    unit: "ratio", direction: "lower", availability: "live+historical", category: "automation", attribution: "offered",
    sources: [src("004", "Taux d’escalade vers un agent humain")], feeds: ["contact.escalated", "contact.selfserved"],
    compute: (a) => ratio(a.botEscalated, a.selfServed + a.botEscalated),
  },
  {
    id: "automatedRate",
    name: { fr: "Taux de réponses automatisées", en: "Automated response rate" },
    short: { fr: "Tx automatisé", en: "Automated %" },
    description: { fr: "Part de toutes les demandes traitées entièrement par un système automatisé.", en: "Share of all requests handled entirely by an automated system." },
    formula: { fr: "auto-traités / présentés", en: "self-served / offered" },
    unit: "ratio", direction: "higher", availability: "live+historical", category: "automation", attribution: "offered",
    sources: [src("001", "Taux de réponses automatisées")], feeds: ["contact.selfserved", "contact.offered"],
    compute: (a) => ratio(a.selfServed, a.offered),
  },
] as const satisfies readonly EventKpi[];
