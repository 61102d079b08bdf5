import type { Channel } from "../events/schema";

/**
 * A simulated contact center described as data: what arrives when, how long it
 * takes, who serves it. Hours are local hours in the simulation's time zone.
 */

/** A log-normal duration: right-skewed like real handling times. */
export interface Duration {
  meanSeconds: number;
  /** Coefficient of variation (standard deviation / mean). */
  cv: number;
}

export interface QueueProfile {
  name: string;
  channel: Channel;
  /** Contacts per hour at an intraday multiplier of 1 on a weekday factor of 1. */
  ratePerHour: number;
  /** 24 multipliers, one per local hour (the hour's average); interpolated in between. */
  intraday: readonly number[];
  /** Agents skilled for several queues serve the highest priority first. */
  priority: number;
  /** Mean patience (exponential); null: the customer never gives up (email). */
  patienceSeconds: number | null;
  /** Ringing or pick-up delay between an agent being chosen and the connection. */
  pickup: Duration;
  /** Conversation time, hold excluded. */
  talk: Duration;
  hold: { chance: number; extraHoldsMean: number; duration: Duration } | null;
  /** First reply on async channels: a delay after the answer, or when the work is done (email). */
  firstReply: Duration | "at-end" | null;
  afterContactWork: Duration;
  resolveChance: number;
  survey: {
    csatChance: number;
    npsChance: number;
    /** A wait this long costs about half a point of satisfaction. */
    waitToleranceSeconds: number;
  };
}

export interface AgentProfile {
  id: string;
  name: string;
  queues: readonly string[];
  /**
   * Local hours; end < start means the shift runs past midnight. Lunch is a local
   * time (11.5 is 11:30), planned so that breaks are staggered as a real roster would.
   */
  shift: { start: number; end: number; lunch?: number };
}

export interface PauseProfile {
  reason: string;
  /** Chance of taking this pause right after a contact's wrap-up. */
  chanceAfterContact: number;
  duration: Duration;
}

export interface CenterProfile {
  name: string;
  queues: readonly QueueProfile[];
  agents: readonly AgentProfile[];
  /** Sunday first, as Date.getDay(). */
  weekday: readonly number[];
  pauses: readonly PauseProfile[];
  /** Taken at the agent's first free moment after their planned lunch time (± 15 min). */
  lunch: { reason: string; duration: Duration };
  /** Customers who abandoned or were left unresolved call back: the repeat contacts. */
  callbacks: { chance: number; remembered: number };
  surveyDelay: Duration;
}

// Morning peak around 10:00, lunch dip, second peak around 14:00, quiet night.
const OFFICE_DAY = [
  0.03, 0.02, 0.02, 0.02, 0.02, 0.04, 0.1, 0.25, 0.55, 0.85, 1.0, 0.9,
  0.65, 0.75, 0.95, 0.85, 0.7, 0.4, 0.25, 0.15, 0.1, 0.07, 0.05, 0.04,
];
// Chat keeps going into the evening, after working hours.
const CHAT_DAY = [
  0.04, 0.03, 0.02, 0.02, 0.02, 0.03, 0.08, 0.2, 0.45, 0.75, 1.0, 0.9,
  0.7, 0.8, 1.0, 0.9, 0.75, 0.55, 0.45, 0.35, 0.3, 0.2, 0.12, 0.07,
];
// Email is written at any hour and arrives more evenly.
const EMAIL_DAY = [
  0.15, 0.1, 0.08, 0.08, 0.1, 0.15, 0.3, 0.5, 0.8, 1.0, 1.0, 0.95,
  0.8, 0.85, 0.95, 0.9, 0.8, 0.7, 0.6, 0.55, 0.5, 0.4, 0.3, 0.2,
];

const voiceSurvey = { csatChance: 0.2, npsChance: 0.1, waitToleranceSeconds: 60 };

export const DEMO_PROFILE: CenterProfile = {
  name: "Vigie demo center",
  queues: [
    {
      name: "support", channel: "voice", ratePerHour: 25, intraday: OFFICE_DAY, priority: 2,
      patienceSeconds: 120, pickup: { meanSeconds: 5, cv: 0.4 }, talk: { meanSeconds: 300, cv: 0.8 },
      hold: { chance: 0.25, extraHoldsMean: 0.3, duration: { meanSeconds: 55, cv: 0.9 } },
      firstReply: null, afterContactWork: { meanSeconds: 45, cv: 0.6 }, resolveChance: 0.78, survey: voiceSurvey,
    },
    {
      name: "sales", channel: "voice", ratePerHour: 10, intraday: OFFICE_DAY, priority: 2,
      patienceSeconds: 120, pickup: { meanSeconds: 5, cv: 0.4 }, talk: { meanSeconds: 420, cv: 0.7 },
      hold: { chance: 0.15, extraHoldsMean: 0.2, duration: { meanSeconds: 45, cv: 0.8 } },
      firstReply: null, afterContactWork: { meanSeconds: 60, cv: 0.6 }, resolveChance: 0.7, survey: voiceSurvey,
    },
    {
      name: "billing", channel: "voice", ratePerHour: 10, intraday: OFFICE_DAY, priority: 2,
      patienceSeconds: 100, pickup: { meanSeconds: 5, cv: 0.4 }, talk: { meanSeconds: 240, cv: 0.7 },
      hold: { chance: 0.3, extraHoldsMean: 0.3, duration: { meanSeconds: 60, cv: 0.9 } },
      firstReply: null, afterContactWork: { meanSeconds: 40, cv: 0.6 }, resolveChance: 0.82, survey: voiceSurvey,
    },
    {
      name: "chat-support", channel: "chat", ratePerHour: 11, intraday: CHAT_DAY, priority: 2,
      patienceSeconds: 240, pickup: { meanSeconds: 8, cv: 0.5 }, talk: { meanSeconds: 420, cv: 0.6 },
      hold: null, firstReply: { meanSeconds: 20, cv: 0.6 }, afterContactWork: { meanSeconds: 30, cv: 0.5 },
      resolveChance: 0.75, survey: { csatChance: 0.3, npsChance: 0.1, waitToleranceSeconds: 120 },
    },
    {
      name: "email", channel: "email", ratePerHour: 8, intraday: EMAIL_DAY, priority: 1,
      patienceSeconds: null, pickup: { meanSeconds: 20, cv: 0.5 }, talk: { meanSeconds: 480, cv: 0.7 },
      hold: null, firstReply: "at-end", afterContactWork: { meanSeconds: 60, cv: 0.5 },
      resolveChance: 0.65, survey: { csatChance: 0.15, npsChance: 0.05, waitToleranceSeconds: 4 * 3600 },
    },
  ],
  agents: [
    { id: "a-101", name: "Camille Martin", queues: ["support", "billing", "sales"], shift: { start: 7, end: 15, lunch: 11 } },
    { id: "a-102", name: "Lucas Bernard", queues: ["support", "sales", "billing"], shift: { start: 7, end: 15, lunch: 12.5 } },
    { id: "a-103", name: "Léa Dubois", queues: ["chat-support", "support", "sales"], shift: { start: 7, end: 15, lunch: 12 } },
    { id: "a-104", name: "Hugo Thomas", queues: ["support", "billing", "chat-support"], shift: { start: 7, end: 15, lunch: 11.75 } },
    { id: "a-105", name: "Chloé Robert", queues: ["sales", "support"], shift: { start: 8, end: 16, lunch: 12.75 } },
    { id: "a-106", name: "Nathan Richard", queues: ["support", "billing"], shift: { start: 8, end: 16, lunch: 13.5 } },
    { id: "a-107", name: "Manon Petit", queues: ["chat-support", "email"], shift: { start: 8, end: 16, lunch: 12.25 } },
    { id: "a-108", name: "Théo Durand", queues: ["support", "sales"], shift: { start: 9, end: 17, lunch: 13 } },
    { id: "a-109", name: "Inès Leroy", queues: ["billing", "email"], shift: { start: 9, end: 17, lunch: 13.25 } },
    { id: "a-110", name: "Louis Moreau", queues: ["sales"], shift: { start: 9, end: 17, lunch: 12.25 } },
    { id: "a-111", name: "Sarah Simon", queues: ["chat-support"], shift: { start: 9, end: 17, lunch: 13.5 } },
    { id: "a-112", name: "Jules Laurent", queues: ["email", "chat-support"], shift: { start: 10, end: 18, lunch: 15 } },
    { id: "a-113", name: "Emma Lefebvre", queues: ["support", "billing"], shift: { start: 12, end: 20, lunch: 15.75 } },
    { id: "a-114", name: "Gabriel Michel", queues: ["support", "chat-support", "sales"], shift: { start: 11, end: 19, lunch: 15.5 } },
    { id: "a-115", name: "Jade Garcia", queues: ["support", "sales", "billing"], shift: { start: 13, end: 21, lunch: 18 } },
    { id: "a-116", name: "Raphaël David", queues: ["support", "sales", "billing", "chat-support", "email"], shift: { start: 13, end: 21, lunch: 16.25 } },
    { id: "a-117", name: "Alice Bertrand", queues: ["support", "sales", "billing", "chat-support"], shift: { start: 14, end: 22, lunch: 18.75 } },
    { id: "a-118", name: "Adam Roux", queues: ["support", "sales", "billing", "chat-support"], shift: { start: 14, end: 22, lunch: 19.5 } },
    { id: "a-119", name: "Louise Girard", queues: ["support", "sales", "billing", "chat-support"], shift: { start: 22, end: 7, lunch: 2 } },
    { id: "a-120", name: "Arthur Bonnet", queues: ["support", "sales", "billing", "chat-support"], shift: { start: 22, end: 7, lunch: 3 } },
  ],
  weekday: [0.35, 1.05, 1.0, 0.95, 0.95, 0.9, 0.5],
  pauses: [
    { reason: "break", chanceAfterContact: 0.05, duration: { meanSeconds: 8 * 60, cv: 0.3 } },
    { reason: "coaching", chanceAfterContact: 0.008, duration: { meanSeconds: 15 * 60, cv: 0.3 } },
    { reason: "training", chanceAfterContact: 0.004, duration: { meanSeconds: 30 * 60, cv: 0.2 } },
  ],
  lunch: { reason: "lunch", duration: { meanSeconds: 40 * 60, cv: 0.15 } },
  callbacks: { chance: 0.15, remembered: 200 },
  surveyDelay: { meanSeconds: 60, cv: 1 },
};

/** Throws on a profile the engine cannot run, naming what is wrong. */
export function checkProfile(profile: CenterProfile): void {
  const names = new Set(profile.queues.map((q) => q.name));
  if (names.size !== profile.queues.length) throw new Error("profile: queue names must be unique");
  for (const q of profile.queues) {
    if (q.intraday.length !== 24) throw new Error(`profile: queue ${q.name} needs 24 intraday multipliers`);
    if (!(q.ratePerHour >= 0)) throw new Error(`profile: queue ${q.name} has a negative rate`);
  }
  if (profile.weekday.length !== 7) throw new Error("profile: weekday needs 7 factors, Sunday first");
  const ids = new Set(profile.agents.map((a) => a.id));
  if (ids.size !== profile.agents.length) throw new Error("profile: agent ids must be unique");
  for (const a of profile.agents) {
    const unknown = a.queues.find((q) => !names.has(q));
    if (unknown) throw new Error(`profile: agent ${a.id} serves unknown queue ${unknown}`);
    const { start, end } = a.shift;
    if (![start, end].every((h) => Number.isInteger(h) && h >= 0 && h < 24) || start === end) {
      throw new Error(`profile: agent ${a.id} has an invalid shift`);
    }
    const { lunch } = a.shift;
    if (lunch !== undefined && !(lunch >= 0 && lunch < 24)) throw new Error(`profile: agent ${a.id} has an invalid lunch time`);
  }
}

/**
 * The same center `factor` times bigger: arrival rates multiplied and the
 * roster repeated (a-101 → a-201, a-301…), so that service levels stay alike
 * while the numbers move faster (the demo uses it).
 */
export function scaleProfile(profile: CenterProfile, factor: number): CenterProfile {
  if (!Number.isInteger(factor) || factor < 1 || factor > 9) throw new Error("scaleProfile: factor must be an integer from 1 to 9");
  return {
    ...profile,
    queues: profile.queues.map((q) => ({ ...q, ratePerHour: q.ratePerHour * factor })),
    agents: Array.from({ length: factor }, (_, k) =>
      profile.agents.map((a) => ({
        ...a,
        id: k === 0 ? a.id : a.id.replace(/^(\D*)\d/, (_m, p: string) => `${p}${k + 1}`),
        name: k === 0 ? a.name : `${a.name} ${k + 1}`,
      })),
    ).flat(),
  };
}
