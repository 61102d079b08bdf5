import type { Channel } from "../events/schema";

export { DEMO_PROFILE } from "./demo-profile";

/**
 * A simulated contact center described as data: what arrives when, how long it
 * takes, who serves it, how contacts end. Hours are local hours in the
 * simulation's time zone; chances are per contact unless said otherwise.
 */

/** A log-normal duration: right-skewed like real handling times. */
export interface Duration {
  meanSeconds: number;
  /** Coefficient of variation (standard deviation / mean). */
  cv: number;
}

/** A log-normal amount of money, in the center's currency, rounded to cents. */
export interface Amount {
  mean: number;
  cv: number;
}

export interface QueueProfile {
  name: string;
  channel: Channel;
  /**
   * New customers per hour at an intraday multiplier of 1 on a weekday factor of 1;
   * customers coming back (`returns`) arrive on top. 0 for a queue only a dialer feeds.
   */
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
    /** Customer effort score, 1–7. */
    cesChance: number;
    /** A csat question about the wait itself (`topic: "wait"`). */
    waitChance: number;
    /** A wait this long costs about half a point of satisfaction. */
    waitToleranceSeconds: number;
  };
  /** Contacts of customers with no open case that open one (a ticket created on arrival). */
  caseChance?: number;
  /** An IVR or bot takes this share of arrivals first; the rest reach the agents' line directly. */
  selfService?: {
    chance: number;
    /** Of those, the share the bot resolves; the others are escalated to an agent. */
    resolveChance: number;
    duration: Duration;
    /** Self-served customers asked for a csat about the bot. */
    csatChance: number;
  };
  /** Handled contacts handed to another queue, or to a named colleague, at the end of the talk. */
  transfer?: { chance: number; toQueues: readonly string[]; toAgentChance: number };
  /** Handled contacts escalated by the agent to a higher level. */
  escalation?: { chance: number; toQueue: string };
  /** Handled contacts that end in an assisted sale. */
  sale?: { chance: number; amount: Amount };
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

/** How a dialed number answers, and when the dialer tries that record again. */
export interface RingResult {
  /** Share of the attempts on valid numbers. */
  share: number;
  /** From dialing to the result (for no-answer: the ringing timeout). */
  duration: Duration;
  retryAfter: Duration;
}

/** An outbound campaign: a dialer calling a finite list of records, one queue of agents taking the calls. */
export interface CampaignProfile {
  name: string;
  /** The queue whose agents take the connected calls; its talk, wrap-up and pick-up apply. */
  queue: string;
  /** The dialer's top pace, at an hours multiplier of 1 on a weekday factor of 1. */
  attemptsPerHour: number;
  /** 24 multipliers, one per local hour; 0 when calling is not allowed. */
  hours: readonly number[];
  /** Sunday first; 0 on days without calls. */
  weekday: readonly number[];
  /**
   * Predictive pacing: the dialer keeps up to `ratio` calls ringing or waiting per
   * idle agent, raising the ratio after each connected call taken and lowering it
   * after each drop, so that drops settle around `dropTarget` of the connected calls.
   */
  pacing: { dropTarget: number; maxRatio: number };
  /** A connected call nobody takes within this delay is dropped by the dialer. */
  dropAfterSeconds: number;
  /** Records loaded at the first call of each local day; a record is retried at hours it was not called yet. */
  list: { recordsPerDay: number; maxAttempts: number };
  invalidNumber: { share: number; duration: Duration };
  ring: { busy: RingResult; "no-answer": RingResult; voicemail: RingResult };
  /** Ringing time of the calls the customer picks up (what the ring results leave). */
  connect: { duration: Duration; retryAfterDrop: Duration };
  conversation: {
    /** Connected calls where the agent gets to argue; the others are refused straight away. */
    argueChance: number;
    refusalTalk: Duration;
    /** After the argument: shares of the final outcomes, the rest refused. */
    saleChance: number;
    agreeChance: number;
    amount: Amount;
  };
}

/** A customer left without an answer may come back on the same queue, after a delay. */
export interface ReturnProfile {
  chance: number;
  delay: Duration;
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
  /** The repeat contacts: customers who abandoned, were not resolved, or were resolved but not really. */
  returns: { afterAbandon: ReturnProfile; afterUnresolved: ReturnProfile; afterResolved: ReturnProfile };
  /** A case whose customer does not come back is closed by the back office after this delay. */
  cases: { backOffice: Duration };
  campaigns: readonly CampaignProfile[];
  surveyDelay: Duration;
  /** Employee NPS pulse: answered once in a shift with this chance, around each agent's own mood. */
  enps: { chancePerShift: number; mean: number };
}


/** Throws on a profile the engine cannot run, naming what is wrong. */
export function checkProfile(profile: CenterProfile): void {
  const names = new Set(profile.queues.map((q) => q.name));
  if (names.size !== profile.queues.length) throw new Error("profile: queue names must be unique");
  const share = (x: number) => x >= 0 && x <= 1;
  for (const q of profile.queues) {
    if (q.intraday.length !== 24) throw new Error(`profile: queue ${q.name} needs 24 intraday multipliers`);
    if (!(q.ratePerHour >= 0)) throw new Error(`profile: queue ${q.name} has a negative rate`);
    const unknown = q.transfer?.toQueues.find((t) => !names.has(t) || t === q.name);
    if (q.transfer?.toQueues.length === 0) throw new Error(`profile: queue ${q.name} transfers to no queue`);
    if (unknown) throw new Error(`profile: queue ${q.name} transfers to ${unknown}, not another queue`);
    const chances = [q.resolveChance, q.caseChance ?? 0, q.selfService?.chance ?? 0, q.transfer?.chance ?? 0, q.sale?.chance ?? 0];
    if (!chances.every(share)) throw new Error(`profile: queue ${q.name} has a chance outside 0..1`);
    if ((q.transfer?.chance ?? 0) + (q.escalation?.chance ?? 0) > 1) throw new Error(`profile: queue ${q.name} hands over more than every contact`);
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
  for (const c of profile.campaigns) {
    const queue = profile.queues.find((q) => q.name === c.queue);
    if (!queue) throw new Error(`profile: campaign ${c.name} uses unknown queue ${c.queue}`);
    if (queue.ratePerHour > 0) throw new Error(`profile: campaign ${c.name} needs a queue without inbound traffic`);
    if (c.hours.length !== 24 || c.weekday.length !== 7) throw new Error(`profile: campaign ${c.name} needs 24 hours and 7 weekdays`);
    const ringShares = Object.values(c.ring).reduce((sum, r) => sum + r.share, 0);
    if (!(ringShares <= 1) || !share(c.invalidNumber.share)) throw new Error(`profile: campaign ${c.name} has ring shares above 1`);
    if (!(c.conversation.saleChance + c.conversation.agreeChance <= 1)) throw new Error(`profile: campaign ${c.name} has outcome shares above 1`);
    if (!(c.pacing.dropTarget > 0 && c.pacing.dropTarget < 0.5) || !(c.pacing.maxRatio >= 1)) throw new Error(`profile: campaign ${c.name} has an invalid pacing`);
    if (!(c.list.maxAttempts >= 1) || !(c.list.maxAttempts <= 24)) throw new Error(`profile: campaign ${c.name} needs 1 to 24 attempts per record`);
  }
}

/**
 * The same center `factor` times bigger: arrival rates, dialers and call lists
 * multiplied and the roster repeated (a-101 → a-201, a-301…), so that service
 * levels stay alike while the numbers move faster (the demo uses it).
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
    campaigns: profile.campaigns.map((c) => ({
      ...c,
      attemptsPerHour: c.attemptsPerHour * factor,
      list: { ...c.list, recordsPerDay: c.list.recordsPerDay * factor },
    })),
  };
}
