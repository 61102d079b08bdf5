import type { CenterProfile } from "./profile";

/**
 * The demo center: five inbound queues (a bot on chat, an IVR on billing), one
 * outbound campaign, twenty-four agents. Rates are for an average French
 * customer-service site; the demo runs it three times bigger (scaleProfile).
 */

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
// The dialer calls 9:00–20:00, slower over lunch, when customers are least reachable.
const CALLING_HOURS = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 1.0, 1.0, 1.0,
  0.5, 0.7, 1.0, 1.0, 1.0, 1.0, 1.0, 0.8, 0, 0, 0, 0,
];
const NO_INBOUND = Array.from({ length: 24 }, () => 0);

const voiceSurvey = { csatChance: 0.2, npsChance: 0.1, cesChance: 0.12, waitChance: 0.15, waitToleranceSeconds: 60 };
const noSurvey = { csatChance: 0, npsChance: 0, cesChance: 0, waitChance: 0, waitToleranceSeconds: 60 };

export const DEMO_PROFILE: CenterProfile = {
  name: "Vigie demo center",
  queues: [
    {
      name: "support", channel: "voice", ratePerHour: 22, intraday: OFFICE_DAY, priority: 2,
      patienceSeconds: 120, pickup: { meanSeconds: 5, cv: 0.4 }, talk: { meanSeconds: 300, cv: 0.8 },
      hold: { chance: 0.25, extraHoldsMean: 0.3, duration: { meanSeconds: 55, cv: 0.9 } },
      firstReply: null, afterContactWork: { meanSeconds: 45, cv: 0.6 }, resolveChance: 0.78, survey: voiceSurvey,
      caseChance: 0.3,
      transfer: { chance: 0.05, toQueues: ["billing", "sales"], toAgentChance: 0.25 },
      escalation: { chance: 0.04, toQueue: "support-n2" },
    },
    {
      name: "sales", channel: "voice", ratePerHour: 9, intraday: OFFICE_DAY, priority: 2,
      patienceSeconds: 120, pickup: { meanSeconds: 5, cv: 0.4 }, talk: { meanSeconds: 420, cv: 0.7 },
      hold: { chance: 0.15, extraHoldsMean: 0.2, duration: { meanSeconds: 45, cv: 0.8 } },
      firstReply: null, afterContactWork: { meanSeconds: 60, cv: 0.6 }, resolveChance: 0.7, survey: voiceSurvey,
      transfer: { chance: 0.04, toQueues: ["support", "billing"], toAgentChance: 0.2 },
      sale: { chance: 0.22, amount: { mean: 240, cv: 0.7 } },
    },
    {
      name: "billing", channel: "voice", ratePerHour: 9, intraday: OFFICE_DAY, priority: 2,
      patienceSeconds: 100, pickup: { meanSeconds: 5, cv: 0.4 }, talk: { meanSeconds: 240, cv: 0.7 },
      hold: { chance: 0.3, extraHoldsMean: 0.3, duration: { meanSeconds: 60, cv: 0.9 } },
      firstReply: null, afterContactWork: { meanSeconds: 40, cv: 0.6 }, resolveChance: 0.82, survey: voiceSurvey,
      caseChance: 0.35,
      // The IVR's "balance and last invoice" menu.
      selfService: { chance: 0.3, resolveChance: 0.45, duration: { meanSeconds: 35, cv: 0.4 }, csatChance: 0.15 },
      transfer: { chance: 0.05, toQueues: ["support"], toAgentChance: 0.2 },
      escalation: { chance: 0.03, toQueue: "billing-disputes" },
    },
    {
      name: "chat-support", channel: "chat", ratePerHour: 10, intraday: CHAT_DAY, priority: 2,
      patienceSeconds: 240, pickup: { meanSeconds: 8, cv: 0.5 }, talk: { meanSeconds: 420, cv: 0.6 },
      hold: null, firstReply: { meanSeconds: 20, cv: 0.6 }, afterContactWork: { meanSeconds: 30, cv: 0.5 },
      resolveChance: 0.75,
      survey: { csatChance: 0.3, npsChance: 0.1, cesChance: 0.2, waitChance: 0.2, waitToleranceSeconds: 120 },
      // The web assistant greets most chats; customers asking for a human skip it.
      selfService: { chance: 0.55, resolveChance: 0.4, duration: { meanSeconds: 70, cv: 0.6 }, csatChance: 0.25 },
      escalation: { chance: 0.03, toQueue: "support-n2" },
    },
    {
      name: "email", channel: "email", ratePerHour: 7, intraday: EMAIL_DAY, priority: 1,
      patienceSeconds: null, pickup: { meanSeconds: 20, cv: 0.5 }, talk: { meanSeconds: 480, cv: 0.7 },
      hold: null, firstReply: "at-end", afterContactWork: { meanSeconds: 60, cv: 0.5 }, resolveChance: 0.65,
      survey: { csatChance: 0.15, npsChance: 0.05, cesChance: 0.1, waitChance: 0.05, waitToleranceSeconds: 4 * 3600 },
      caseChance: 0.6,
    },
    {
      // Fed only by the dialer (campaigns below); below inbound for the agents who also take sales.
      name: "relance", channel: "voice", ratePerHour: 0, intraday: NO_INBOUND, priority: 1,
      patienceSeconds: null, pickup: { meanSeconds: 1, cv: 0.3 }, talk: { meanSeconds: 210, cv: 0.6 },
      hold: { chance: 0.05, extraHoldsMean: 0, duration: { meanSeconds: 30, cv: 0.6 } },
      firstReply: null, afterContactWork: { meanSeconds: 40, cv: 0.5 }, resolveChance: 0, survey: noSurvey,
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
    { id: "a-121", name: "Zoé Fontaine", queues: ["relance"], shift: { start: 9, end: 17, lunch: 12.5 } },
    { id: "a-122", name: "Paul Chevalier", queues: ["relance", "sales"], shift: { start: 9, end: 17, lunch: 13 } },
    { id: "a-123", name: "Lina Mercier", queues: ["relance"], shift: { start: 12, end: 20, lunch: 16 } },
    { id: "a-124", name: "Noah Blanc", queues: ["sales", "relance"], shift: { start: 12, end: 20, lunch: 16.5 } },
  ],
  weekday: [0.35, 1.05, 1.0, 0.95, 0.95, 0.9, 0.5],
  pauses: [
    { reason: "break", chanceAfterContact: 0.05, duration: { meanSeconds: 8 * 60, cv: 0.3 } },
    { reason: "coaching", chanceAfterContact: 0.008, duration: { meanSeconds: 15 * 60, cv: 0.3 } },
    { reason: "training", chanceAfterContact: 0.004, duration: { meanSeconds: 30 * 60, cv: 0.2 } },
  ],
  lunch: { reason: "lunch", duration: { meanSeconds: 40 * 60, cv: 0.15 } },
  returns: {
    // Most who hang up try again within the hour; the unresolved come back within a few days.
    afterAbandon: { chance: 0.55, delay: { meanSeconds: 15 * 60, cv: 1.5 } },
    afterUnresolved: { chance: 0.6, delay: { meanSeconds: 30 * 3600, cv: 1 } },
    afterResolved: { chance: 0.06, delay: { meanSeconds: 48 * 3600, cv: 0.8 } },
  },
  cases: { backOffice: { meanSeconds: 36 * 3600, cv: 0.7 } },
  campaigns: [
    {
      name: "relance-devis", queue: "relance", attemptsPerHour: 240, hours: CALLING_HOURS,
      weekday: [0, 1, 1, 1, 1, 1, 0.5], pacing: { dropTarget: 0.03, maxRatio: 3 }, dropAfterSeconds: 2,
      list: { recordsPerDay: 700, maxAttempts: 6 },
      invalidNumber: { share: 0.05, duration: { meanSeconds: 4, cv: 0.3 } },
      ring: {
        busy: { share: 0.08, duration: { meanSeconds: 6, cv: 0.3 }, retryAfter: { meanSeconds: 45 * 60, cv: 0.4 } },
        "no-answer": { share: 0.4, duration: { meanSeconds: 28, cv: 0.1 }, retryAfter: { meanSeconds: 3 * 3600, cv: 0.4 } },
        voicemail: { share: 0.17, duration: { meanSeconds: 22, cv: 0.25 }, retryAfter: { meanSeconds: 20 * 3600, cv: 0.2 } },
      },
      connect: { duration: { meanSeconds: 12, cv: 0.5 }, retryAfterDrop: { meanSeconds: 2 * 3600, cv: 0.5 } },
      conversation: {
        argueChance: 0.8, refusalTalk: { meanSeconds: 35, cv: 0.5 },
        saleChance: 0.15, agreeChance: 0.3, amount: { mean: 180, cv: 0.6 },
      },
    },
  ],
  surveyDelay: { meanSeconds: 60, cv: 1 },
  enps: { chancePerShift: 0.5, mean: 7.8 },
};
