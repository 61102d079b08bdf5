import { TZDate } from "@date-fns/tz";
import type { AgentState, Channel, EventType, OUTCOMES, SurveyKind } from "../events/schema";
import type { Agenda } from "./agenda";
import type { Amount, CenterProfile, Duration } from "./profile";
import { lognormal, type Random } from "./rng";

/**
 * What the parts of the simulation share: the clock, the randomness, the event
 * output, and the contact record the agents' engine routes.
 */

/** One event in the CONTRACT §2 wire format. */
export interface WireEvent {
  id: string;
  type: EventType;
  /** ISO-8601 with the center's offset. */
  at: string;
  contactId?: string;
  queue?: string;
  channel?: Channel;
  direction?: "inbound" | "outbound";
  customerId?: string;
  caseId?: string;
  campaign?: string;
  agentId?: string;
  state?: AgentState;
  reason?: string;
  queues?: string[];
  firstContact?: boolean;
  toQueue?: string;
  toAgentId?: string;
  from?: "bot" | "agent";
  outcome?: (typeof OUTCOMES)[number];
  amount?: number;
  kind?: SurveyKind;
  score?: number;
  /** What a survey question was about when not the overall experience. */
  topic?: "wait";
}

export type EventFields = Omit<WireEvent, "id" | "type" | "at">;

export interface SimContext {
  readonly rand: Random;
  readonly profile: CenterProfile;
  /** Runs `run` at `at` (epoch ms), after whatever was scheduled earlier for that instant. */
  schedule(at: number, run: () => void): void;
  emit(type: EventType, at: number, fields: EventFields): void;
  /** A draw of `d` in whole milliseconds, at least `minMs`. */
  duration(d: Duration, minMs?: number): number;
  /** A draw of `a`, rounded to cents. */
  amount(a: Amount): number;
  /** Local hour (11.5 is 11:30), weekday (Sunday 0) and calendar day (yyyymmdd). */
  localTime(at: number): { hour: number; weekday: number; day: number };
  /** The first instant after `after` when the local clock shows `hour`. */
  nextLocalTime(after: number, hour: number): number;
  /** A new id, unique to this run: `c` contacts, `case` cases, `cust` customers. */
  newId(kind: "c" | "case" | "cust"): string;
}

/** How a contact's conversation goes once an agent takes it; inbound and outbound differ. */
export interface Handling {
  /** Conversation time, hold excluded, ms. */
  talk(): number;
  /** Just before `contact.ended`: transfers and escalations. */
  ending(at: number, agentId: string): void;
  /** Just after `contact.wrapped`: resolution, outcomes, cases, surveys. */
  wrapped(at: number, done: { agentId: string; waitMs: number; holdMs: number }): void;
  /** Just after `contact.abandoned`: the customer left, or the dialer dropped the call. */
  abandoned(at: number): void;
}

export interface Contact {
  id: string;
  queue: string;
  offeredAt: number;
  status: "waiting" | "reserved" | "connected" | "gone";
  handling: Handling;
}

/** What the agents' engine offers the parts that create contacts. */
export interface Router {
  /** Puts the contact in its queue's line at `at`; it is abandoned at `giveUpAt` if no agent took it by then. */
  enqueue(contact: Contact, at: number, giveUpAt: number | null): void;
  /** Agents free right now for the queue. */
  idleAgents(queue: string): number;
  /** Contacts in the queue's line right now. */
  waiting(queue: string): number;
}

export function createContext(options: {
  rand: Random;
  profile: CenterProfile;
  agenda: Agenda;
  timeZone: string;
  /** Prefix of every id, distinct for each seed and start. */
  run: string;
  out: (e: WireEvent) => void;
}): SimContext {
  const { rand, agenda, timeZone, run, out } = options;
  let eventNo = 0;
  const counters = { c: 0, case: 0, cust: 0 };
  return {
    rand,
    profile: options.profile,
    schedule: (at, fn) => agenda.push(at, fn),
    emit(type, at, fields) {
      out({ id: `sim-${run}-${++eventNo}`, type, at: new TZDate(at, timeZone).toISOString(), ...fields });
    },
    duration: (d, minMs = 1000) => Math.max(minMs, Math.round(lognormal(rand, d.meanSeconds * 1000, d.cv))),
    amount: (a) => Math.max(1, Math.round(lognormal(rand, a.mean, a.cv) * 100) / 100),
    localTime(at) {
      const d = new TZDate(at, timeZone);
      return {
        hour: d.getHours() + d.getMinutes() / 60,
        weekday: d.getDay(),
        day: d.getFullYear() * 10_000 + (d.getMonth() + 1) * 100 + d.getDate(),
      };
    },
    nextLocalTime(after, hour) {
      const d = new TZDate(after, timeZone);
      const set = () => d.setHours(Math.floor(hour), Math.round((hour % 1) * 60), 0, 0);
      set();
      if (d.getTime() <= after) {
        d.setDate(d.getDate() + 1);
        set();
      }
      return d.getTime();
    },
    newId: (kind) => `${kind}-${run}-${++counters[kind]}`,
  };
}

/** The value of a 24-hour curve of hourly averages at a local hour, interpolated between the middles of the hours. */
export function hourly(curve: readonly number[], hour: number): number {
  const x = hour - 0.5;
  const h = Math.floor(x);
  const before = curve[(h + 24) % 24]!;
  return before + (curve[(h + 25) % 24]! - before) * (x - h);
}
