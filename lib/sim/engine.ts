import type { AgentState } from "../events/schema";
import { Agenda } from "./agenda";
import { createContext, hourly, type Contact, type Router, type WireEvent } from "./context";
import { createInbound } from "./inbound";
import { startDialer } from "./outbound";
import { checkProfile, type AgentProfile, type CenterProfile, type Duration, type QueueProfile } from "./profile";
import { chance, createRandom, exponential, poisson } from "./rng";
import { createSurveys } from "./surveys";

export type { WireEvent } from "./context";

/**
 * A deterministic discrete-event simulation of a contact center. Pure: time only
 * moves when `advanceTo` is called, and every random draw happens while
 * processing a scheduled happening in (time, order of scheduling) order, so the
 * events depend on the seed and the profile, never on how time was advanced.
 *
 * This file holds the agents, their shifts and the queues' lines; what happens
 * around a contact lives beside it (inbound.ts, outbound.ts, surveys.ts…).
 */

export interface SimulationOptions {
  seed: number;
  profile: CenterProfile;
  /** Epoch ms. */
  startAt: number;
  /** IANA zone whose local hours drive the intraday curve and the shifts. */
  timeZone: string;
  /** Multiplies every arrival rate; staffing stays, so above 1 the center is overloaded. */
  rateScale?: number;
}

export interface Simulation {
  /** Runs up to `at` (epoch ms, inclusive) and returns the new events in time order. */
  advanceTo(at: number): WireEvent[];
  /** How far the simulation has run, epoch ms. */
  readonly now: number;
}

interface QueueState {
  profile: QueueProfile;
  /** Insertion order is the order of joining the line: the first entry waited longest. */
  waiting: Map<string, { contact: Contact; since: number }>;
  peakPerMs: number;
}

interface Agent {
  profile: AgentProfile;
  /** Highest priority first. */
  queues: QueueState[];
  state: AgentState;
  /** Chosen for a contact that is still ringing. */
  reserved: boolean;
  idleSince: number;
  onShift: boolean;
  shiftNo: number;
  lunchDue: number | null;
}

const HOUR = 3_600_000;

export function createSimulation(options: SimulationOptions): Simulation {
  const { profile, timeZone } = options;
  checkProfile(profile);
  new Intl.DateTimeFormat("en", { timeZone }); // throws RangeError on an unknown zone
  if (!Number.isFinite(options.startAt)) throw new RangeError("startAt must be epoch milliseconds");
  const startAt = Math.floor(options.startAt);
  const rateScale = options.rateScale ?? 1;
  if (!(rateScale >= 0) || !Number.isFinite(rateScale)) throw new RangeError("rateScale must be a finite number ≥ 0");
  const seed = options.seed >>> 0;
  const agenda = new Agenda();
  let out: WireEvent[] = [];
  let now = startAt;
  const ctx = createContext({
    rand: createRandom(seed),
    profile,
    agenda,
    timeZone,
    // Ids carry the start so that two runs with one seed but different starts never collide.
    run: `${seed}-${startAt.toString(36)}`,
    out: (e) => out.push(e),
  });
  const { rand, emit } = ctx;
  const ms = ctx.duration;

  const peakWeekday = Math.max(...profile.weekday);
  const queues = new Map<string, QueueState>(
    profile.queues.map((q) => [q.name, {
      profile: q,
      waiting: new Map(),
      peakPerMs: (q.ratePerHour * Math.max(...q.intraday) * peakWeekday * rateScale) / HOUR,
    }]),
  );
  const agents: Agent[] = profile.agents.map((a) => ({
    profile: a,
    queues: a.queues.map((name) => queues.get(name)!).sort((x, y) => y.profile.priority - x.profile.priority),
    state: "offline",
    reserved: false,
    idleSince: startAt,
    onShift: false,
    shiftNo: 0,
    lunchDue: null,
  }));

  const router: Router = {
    enqueue(contact, at, giveUpAt) {
      const q = queues.get(contact.queue)!;
      contact.status = "waiting";
      q.waiting.set(contact.id, { contact, since: at });
      if (giveUpAt !== null) {
        ctx.schedule(giveUpAt, () => {
          if (contact.status !== "waiting") return;
          contact.status = "gone";
          q.waiting.delete(contact.id);
          emit("contact.abandoned", giveUpAt, { contactId: contact.id });
          contact.handling.abandoned(giveUpAt);
        });
      }
      const agent = longestIdleAgent(q);
      if (agent) reserve(agent, contact, at);
    },
    idleAgents: (queue) => agents.filter((a) => isIdle(a) && a.profile.queues.includes(queue)).length,
    waiting: (queue) => queues.get(queue)!.waiting.size,
  };
  const surveys = createSurveys(ctx);
  const inbound = createInbound(ctx, router, surveys);

  // Arrivals: a non-homogeneous Poisson process by thinning a homogeneous one at the peak rate.
  function scheduleArrival(q: QueueState, from: number): void {
    if (q.peakPerMs <= 0) return;
    const at = from + Math.max(1, Math.round(exponential(rand, 1 / q.peakPerMs)));
    ctx.schedule(at, () => {
      const { hour, weekday } = ctx.localTime(at);
      const rate = (q.profile.ratePerHour * hourly(q.profile.intraday, hour) * profile.weekday[weekday]! * rateScale) / HOUR;
      if (chance(rand, rate / q.peakPerMs)) inbound.arrive(q.profile, at);
      scheduleArrival(q, at);
    });
  }

  const isIdle = (a: Agent) => a.state === "available" && !a.reserved;

  function longestIdleAgent(q: QueueState): Agent | undefined {
    let best: Agent | undefined;
    for (const a of agents) {
      if (!isIdle(a) || !a.queues.includes(q)) continue;
      if (!best || a.idleSince < best.idleSince) best = a;
    }
    return best;
  }

  function oldestContactFor(agent: Agent): Contact | undefined {
    let best: { contact: Contact; since: number; priority: number } | undefined;
    for (const q of agent.queues) {
      const head = q.waiting.values().next().value;
      if (!head) continue;
      if (best && best.priority > q.profile.priority) break;
      if (!best || head.since < best.since) best = { ...head, priority: q.profile.priority };
    }
    return best?.contact;
  }

  function reserve(agent: Agent, contact: Contact, at: number): void {
    const q = queues.get(contact.queue)!;
    contact.status = "reserved";
    q.waiting.delete(contact.id);
    agent.reserved = true;
    const answerAt = at + ms(q.profile.pickup, 500);
    ctx.schedule(answerAt, () => connect(agent, contact, answerAt));
  }

  function setState(agent: Agent, state: AgentState, at: number, reason?: string): void {
    agent.state = state;
    const fields = { agentId: agent.profile.id, state, queues: [...agent.profile.queues] };
    emit("agent.state", at, reason ? { ...fields, reason } : fields);
  }

  function connect(agent: Agent, contact: Contact, at: number): void {
    const q = queues.get(contact.queue)!.profile;
    const contactId = contact.id;
    const agentId = agent.profile.id;
    contact.status = "connected";
    agent.reserved = false;
    emit("contact.answered", at, { contactId, agentId });
    setState(agent, "busy", at);

    const talk = contact.handling.talk();
    const holds = q.hold && chance(rand, q.hold.chance) ? 1 + poisson(rand, q.hold.extraHoldsMean) : 0;
    const cuts = Array.from({ length: holds }, () => rand()).sort((x, y) => x - y);
    let holdMs = 0;
    for (const cut of cuts) {
      const heldAt = at + Math.round(cut * talk) + holdMs;
      holdMs += ms(q.hold!.duration);
      const resumedAt = at + Math.round(cut * talk) + holdMs;
      ctx.schedule(heldAt, () => emit("contact.held", heldAt, { contactId }));
      ctx.schedule(resumedAt, () => emit("contact.resumed", resumedAt, { contactId }));
    }
    const endAt = at + talk + holdMs;
    if (q.firstReply) {
      const replyAt = q.firstReply === "at-end" ? endAt : Math.min(endAt, at + ms(q.firstReply));
      ctx.schedule(replyAt, () => emit("contact.responded", replyAt, { contactId, agentId }));
    }
    ctx.schedule(endAt, () => {
      contact.handling.ending(endAt, agentId);
      emit("contact.ended", endAt, { contactId });
      setState(agent, "wrap-up", endAt);
      const wrapAt = endAt + ms(q.afterContactWork);
      ctx.schedule(wrapAt, () => {
        contact.status = "gone";
        emit("contact.wrapped", wrapAt, { contactId });
        contact.handling.wrapped(wrapAt, { agentId, waitMs: at - contact.offeredAt, holdMs });
        const pause = profile.pauses.find((p) => chance(rand, p.chanceAfterContact));
        if (pause && agent.onShift) startPause(agent, pause.reason, pause.duration, wrapAt);
        else free(agent, wrapAt);
      });
    });
  }

  function startPause(agent: Agent, reason: string, duration: Duration, at: number): void {
    setState(agent, "paused", at, reason);
    const endAt = at + ms(duration);
    ctx.schedule(endAt, () => free(agent, endAt));
  }

  /** The agent has nothing to do: leave, eat, or take the next contact. */
  function free(agent: Agent, at: number): void {
    if (!agent.onShift) {
      agent.lunchDue = null;
      setState(agent, "offline", at);
    } else if (agent.lunchDue !== null && at >= agent.lunchDue) {
      agent.lunchDue = null;
      startPause(agent, profile.lunch.reason, profile.lunch.duration, at);
    } else {
      setState(agent, "available", at);
      agent.idleSince = at;
      const next = oldestContactFor(agent);
      if (next) reserve(agent, next, at);
    }
  }

  function login(agent: Agent, at: number): void {
    const { start, end, lunch } = agent.profile.shift;
    const shiftNo = ++agent.shiftNo;
    agent.onShift = true;
    const endAt = ctx.nextLocalTime(at, end);
    const lunchAt = lunch === undefined ? null : ctx.nextLocalTime(at, lunch) + Math.round((rand() - 0.5) * 30 * 60_000);
    // A start in the middle of a shift after its lunch time: that lunch was already taken.
    agent.lunchDue = lunchAt !== null && lunchAt > at && lunchAt < endAt ? lunchAt : null;
    if (agent.state === "offline") free(agent, at);
    if (agent.lunchDue !== null) {
      const due = agent.lunchDue;
      ctx.schedule(due, () => {
        if (agent.shiftNo === shiftNo && isIdle(agent)) free(agent, due);
      });
    }
    surveys.pulse(agent.profile.id, at, endAt);
    ctx.schedule(endAt, () => {
      agent.onShift = false;
      if (isIdle(agent)) free(agent, endAt);
      const nextStart = ctx.nextLocalTime(endAt, start);
      ctx.schedule(nextStart, () => login(agent, nextStart));
    });
  }

  const { hour: startHour } = ctx.localTime(startAt);
  for (const agent of agents) {
    const { start, end } = agent.profile.shift;
    const on = start < end ? startHour >= start && startHour < end : startHour >= start || startHour < end;
    const loginAt = on ? startAt : ctx.nextLocalTime(startAt, start);
    ctx.schedule(loginAt, () => login(agent, loginAt));
  }
  for (const q of queues.values()) scheduleArrival(q, startAt);
  for (const campaign of profile.campaigns) startDialer(ctx, router, campaign, startAt, rateScale);

  return {
    advanceTo(at: number): WireEvent[] {
      const target = Math.floor(at);
      out = [];
      for (let next = agenda.peek(); next && next.at <= target; next = agenda.peek()) {
        agenda.pop();
        next.run();
      }
      now = Math.max(now, target);
      return out;
    },
    get now() {
      return now;
    },
  };
}
