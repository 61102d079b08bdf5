import type { Aggregate, NowFigures } from "../aggregate";
import { ratio, src, type EventKpi } from "./define";

const timeNote = {
  fr: "Temps d'agent découpé à la milliseconde sur l'intervalle ; un conseiller compte pour les files de son dernier agent.state qui les nomme. Non défini par canal.",
  en: "Agent time clipped to the millisecond to the interval; an agent counts for the queues of their latest agent.state naming them. Not defined per channel.",
};

const NOW_STATES = [
  ["agentsAvailable", "available", "Conseillers disponibles", "Agents available", "Disponibles", "Available"],
  ["agentsBusy", "busy", "Conseillers occupés", "Agents busy", "Occupés", "Busy"],
  ["agentsWrapUp", "wrapUp", "Conseillers en post-appel", "Agents in wrap-up", "Post-appel", "Wrap-up"],
  ["agentsPaused", "paused", "Conseillers en pause", "Agents paused", "En pause", "Paused"],
] as const;

export const AGENT_NOW_KPIS = NOW_STATES.map(([id, state, fr, en, sfr, sen]) => ({
  id,
  name: { fr, en },
  short: { fr: sfr, en: sen },
  description: { fr: `${fr}, maintenant (dernier agent.state).`, en: `${en}, now (latest agent.state).` },
  formula: { fr: "maintenant", en: "now" },
  unit: "count" as const,
  direction: "neutral" as const,
  availability: "live" as const,
  category: "agents" as const,
  attribution: "now" as const,
  sources: [],
  feeds: ["agent.state"] as const,
  compute: (_a: Aggregate, now: NowFigures) => (now.agents ? now.agents[state] : null),
})) satisfies EventKpi[];

export const AGENT_TIME_KPIS = [
  {
    id: "occupancy",
    name: { fr: "Taux d'occupation", en: "Occupancy" },
    short: { fr: "Occupation", en: "Occupancy" },
    description: { fr: "Part du temps disponible passé en contact ou en post-appel.", en: "Share of the staffed time spent on contacts or in wrap-up." },
    formula: { fr: "(occupé + post-appel) / (disponible + occupé + post-appel)", en: "(busy + wrap-up) / (available + busy + wrap-up)" },
    notes: timeNote,
    unit: "ratio", direction: "neutral", availability: "live+historical", category: "agents", attribution: "agentTime",
    sources: [], feeds: ["agent.state"],
    compute: (a) => ratio(a.busyMs + a.wrapUpMs, a.availableMs + a.busyMs + a.wrapUpMs),
  },
  {
    id: "agentsStaffed",
    name: { fr: "Conseillers connectés", en: "Agents staffed" },
    short: { fr: "Connectés", en: "Staffed" },
    description: { fr: "Conseillers distincts connectés (hors offline) à un moment de l'intervalle.", en: "Distinct agents logged in (not offline) at some point of the interval." },
    formula: { fr: "conseillers avec du temps disponible, occupé, post-appel ou pause", en: "agents with available, busy, wrap-up or paused time" },
    notes: timeNote,
    unit: "count", direction: "neutral", availability: "live+historical", category: "agents", attribution: "agentTime",
    sources: [], feeds: ["agent.state"],
    compute: (a) => (a.staffedAgents > 0 ? a.staffedAgents : null),
  },
  {
    id: "contactsPerAgent",
    name: { fr: "Contacts par conseiller", en: "Contacts per agent" },
    short: { fr: "Contacts / conseiller", en: "Contacts / agent" },
    description: { fr: "Contacts traités rapportés aux conseillers connectés sur l'intervalle.", en: "Contacts handled over the agents staffed in the interval." },
    formula: { fr: "contacts traités / conseillers connectés", en: "contacts handled / agents staffed" },
    notes: timeNote,
    unit: "number", direction: "higher", availability: "live+historical", category: "agents", attribution: "handleEnd",
    sources: [], feeds: ["contact.wrapped", "agent.state"],
    compute: (a) => ratio(a.handled, a.staffedAgents),
  },
  {
    id: "resolutionsPerAgent",
    name: { fr: "Ratio de résolution par conseiller", en: "Resolutions per agent" },
    short: { fr: "Résolutions / conseiller", en: "Resolutions / agent" },
    description: { fr: "Demandes résolues rapportées aux conseillers connectés sur l'intervalle.", en: "Requests resolved over the agents staffed in the interval." },
    formula: { fr: "demandes résolues / conseillers connectés", en: "requests resolved / agents staffed" },
    notes: timeNote,
    unit: "number", direction: "higher", availability: "live+historical", category: "agents", attribution: "resolved",
    sources: [src("001", "Ratio de résolution par agent")], feeds: ["contact.resolved", "agent.state"],
    compute: (a) => ratio(a.resolved, a.staffedAgents),
  },
] as const satisfies readonly EventKpi[];
