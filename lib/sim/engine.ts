import { TZDate } from "@date-fns/tz";
import type { AgentState, Channel, EventType, SurveyKind } from "../events/schema";
import { checkProfile, type AgentProfile, type CenterProfile, type Duration, type QueueProfile } from "./profile";
import { chance, createRandom, exponential, int, lognormal, normal, poisson, type Random } from "./rng";

/**
 * A deterministic discrete-event simulation of a contact center. Pure: time only
 * moves when `advanceTo` is called, and every random draw happens while
 * processing a scheduled happening in (time, order of scheduling) order, so the
 * events depend on the seed and the profile, never on how time was advanced.
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
  direction?: "inbound";
  customerId?: string;
  agentId?: string;
  state?: AgentState;
  reason?: string;
  queues?: string[];
  firstContact?: boolean;
  kind?: SurveyKind;
  score?: number;
}

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
  /** Insertion order is arrival order: the first entry waited longest. */
  waiting: Map<string, Contact>;
  peakPerMs: number;
  /** Customers who abandoned or were not resolved, likely to call back. */
  callers: string[];
}

interface Contact {
  id: string;
  queue: QueueState;
  offeredAt: number;
  customerId: string;
  repeat: boolean;
  status: "waiting" | "reserved" | "connected" | "gone";
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
  // Ids carry the start so that two runs with one seed but different starts never collide.
  const run = `${seed}-${startAt.toString(36)}`;
  const rand: Random = createRandom(seed);
  const agenda = new Agenda();
  let out: WireEvent[] = [];
  let eventNo = 0;
  let contactNo = 0;
  let now = startAt;

  const peakWeekday = Math.max(...profile.weekday);
  const queues = new Map<string, QueueState>(
    profile.queues.map((q) => [q.name, {
      profile: q,
      waiting: new Map(),
      peakPerMs: (q.ratePerHour * Math.max(...q.intraday) * peakWeekday * rateScale) / HOUR,
      callers: [],
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

  const iso = (at: number) => new TZDate(at, timeZone).toISOString();
  const ms = (d: Duration, min = 1000) => Math.max(min, Math.round(lognormal(rand, d.meanSeconds * 1000, d.cv)));
  function emit(type: EventType, at: number, fields: Omit<WireEvent, "id" | "type" | "at">): void {
    out.push({ id: `sim-${run}-${++eventNo}`, type, at: iso(at), ...fields });
  }

  function localTime(at: number): { hour: number; weekday: number } {
    const d = new TZDate(at, timeZone);
    return { hour: d.getHours() + d.getMinutes() / 60, weekday: d.getDay() };
  }
  /** The first instant after `after` when the local clock shows `hour` (11.5 is 11:30). */
  function nextLocalTime(after: number, hour: number): number {
    const d = new TZDate(after, timeZone);
    const set = () => d.setHours(Math.floor(hour), Math.round((hour % 1) * 60), 0, 0);
    set();
    if (d.getTime() <= after) {
      d.setDate(d.getDate() + 1);
      set();
    }
    return d.getTime();
  }

  // Arrivals: a non-homogeneous Poisson process by thinning a homogeneous one at the peak rate.
  function scheduleArrival(q: QueueState, from: number): void {
    if (q.peakPerMs <= 0) return;
    const at = from + Math.max(1, Math.round(exponential(rand, 1 / q.peakPerMs)));
    agenda.push(at, () => {
      const { hour, weekday } = localTime(at);
      // Each multiplier is the hour's average: interpolate between the middles of the hours.
      const x = hour - 0.5;
      const h = Math.floor(x);
      const curve = q.profile.intraday;
      const before = curve[(h + 24) % 24]!;
      const multiplier = before + (curve[(h + 25) % 24]! - before) * (x - h);
      const rate = (q.profile.ratePerHour * multiplier * profile.weekday[weekday]! * rateScale) / HOUR;
      if (chance(rand, rate / q.peakPerMs)) offer(q, at);
      scheduleArrival(q, at);
    });
  }

  function offer(q: QueueState, at: number): void {
    const callback = q.callers.length > 0 && chance(rand, profile.callbacks.chance);
    const customerId = callback
      ? q.callers.splice(int(rand, 0, q.callers.length - 1), 1)[0]!
      : `cust-${int(rand, 100_000, 9_999_999)}`;
    const contact: Contact = { id: `c-${run}-${++contactNo}`, queue: q, offeredAt: at, customerId, repeat: callback, status: "waiting" };
    const { name, channel } = q.profile;
    emit("contact.offered", at, { contactId: contact.id, queue: name, channel, direction: "inbound", customerId });
    q.waiting.set(contact.id, contact);
    if (q.profile.patienceSeconds !== null) {
      const giveUp = at + Math.max(1, Math.round(exponential(rand, q.profile.patienceSeconds * 1000)));
      agenda.push(giveUp, () => {
        if (contact.status !== "waiting") return;
        contact.status = "gone";
        q.waiting.delete(contact.id);
        emit("contact.abandoned", giveUp, { contactId: contact.id });
        rememberCaller(q, customerId);
      });
    }
    const agent = longestIdleAgent(q);
    if (agent) reserve(agent, contact, at);
  }

  function rememberCaller(q: QueueState, customerId: string): void {
    q.callers.push(customerId);
    if (q.callers.length > profile.callbacks.remembered) q.callers.shift();
  }

  function longestIdleAgent(q: QueueState): Agent | undefined {
    let best: Agent | undefined;
    for (const a of agents) {
      if (a.state !== "available" || a.reserved || !a.queues.includes(q)) continue;
      if (!best || a.idleSince < best.idleSince) best = a;
    }
    return best;
  }

  function oldestContactFor(agent: Agent): Contact | undefined {
    let best: Contact | undefined;
    for (const q of agent.queues) {
      const head = q.waiting.values().next().value;
      if (!head) continue;
      if (best && best.queue.profile.priority > q.profile.priority) break;
      if (!best || head.offeredAt < best.offeredAt) best = head;
    }
    return best;
  }

  function reserve(agent: Agent, contact: Contact, at: number): void {
    contact.status = "reserved";
    contact.queue.waiting.delete(contact.id);
    agent.reserved = true;
    const answerAt = at + ms(contact.queue.profile.pickup, 500);
    agenda.push(answerAt, () => connect(agent, contact, answerAt));
  }

  function setState(agent: Agent, state: AgentState, at: number, reason?: string): void {
    agent.state = state;
    const fields = { agentId: agent.profile.id, state, queues: [...agent.profile.queues] };
    emit("agent.state", at, reason ? { ...fields, reason } : fields);
  }

  function connect(agent: Agent, contact: Contact, at: number): void {
    const q = contact.queue.profile;
    const contactId = contact.id;
    const agentId = agent.profile.id;
    contact.status = "connected";
    agent.reserved = false;
    emit("contact.answered", at, { contactId, agentId });
    setState(agent, "busy", at);

    const talk = ms(q.talk);
    const holds = q.hold && chance(rand, q.hold.chance) ? 1 + poisson(rand, q.hold.extraHoldsMean) : 0;
    const cuts = Array.from({ length: holds }, () => rand()).sort((x, y) => x - y);
    let holdMs = 0;
    for (const cut of cuts) {
      const heldAt = at + Math.round(cut * talk) + holdMs;
      holdMs += ms(q.hold!.duration);
      const resumedAt = at + Math.round(cut * talk) + holdMs;
      agenda.push(heldAt, () => emit("contact.held", heldAt, { contactId }));
      agenda.push(resumedAt, () => emit("contact.resumed", resumedAt, { contactId }));
    }
    const endAt = at + talk + holdMs;
    if (q.firstReply) {
      const replyAt = q.firstReply === "at-end" ? endAt : Math.min(endAt, at + ms(q.firstReply));
      agenda.push(replyAt, () => emit("contact.responded", replyAt, { contactId, agentId }));
    }
    agenda.push(endAt, () => {
      emit("contact.ended", endAt, { contactId });
      setState(agent, "wrap-up", endAt);
      const wrapAt = endAt + ms(q.afterContactWork);
      agenda.push(wrapAt, () => wrap(agent, contact, wrapAt, at - contact.offeredAt, holdMs));
    });
  }

  function wrap(agent: Agent, contact: Contact, at: number, waitMs: number, holdMs: number): void {
    const q = contact.queue.profile;
    const contactId = contact.id;
    contact.status = "gone";
    emit("contact.wrapped", at, { contactId });
    const resolved = chance(rand, q.resolveChance);
    if (resolved) emit("contact.resolved", at, { contactId, firstContact: !contact.repeat });
    else rememberCaller(contact.queue, contact.customerId);

    const kinds = (["csat", "nps"] as const).filter((k) => chance(rand, k === "csat" ? q.survey.csatChance : q.survey.npsChance));
    if (kinds.length > 0) {
      // One latent satisfaction per customer, so both answers tell the same story.
      const waitCost = 0.5 * Math.min(waitMs / 1000 / q.survey.waitToleranceSeconds, 4);
      const mood = 4.4 - waitCost - (resolved ? 0 : 1.3) - (holdMs > 120_000 ? 0.3 : 0) + 0.7 * normal(rand);
      const surveyAt = at + ms(profile.surveyDelay, 5000);
      const scores = kinds.map((kind) => ({
        kind,
        score: kind === "csat" ? clamp(Math.round(mood), 1, 5) : clamp(Math.round(2.2 * mood - 0.8 + normal(rand)), 0, 10),
      }));
      agenda.push(surveyAt, () => {
        for (const s of scores) emit("survey.response", surveyAt, { ...s, contactId, agentId: agent.profile.id, queue: q.name });
      });
    }

    const pause = profile.pauses.find((p) => chance(rand, p.chanceAfterContact));
    if (pause && agent.onShift) startPause(agent, pause.reason, pause.duration, at);
    else free(agent, at);
  }

  function startPause(agent: Agent, reason: string, duration: Duration, at: number): void {
    setState(agent, "paused", at, reason);
    const endAt = at + ms(duration);
    agenda.push(endAt, () => free(agent, endAt));
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
    const endAt = nextLocalTime(at, end);
    const lunchAt = lunch === undefined ? null : nextLocalTime(at, lunch) + Math.round((rand() - 0.5) * 30 * 60_000);
    // A start in the middle of a shift after its lunch time: that lunch was already taken.
    agent.lunchDue = lunchAt !== null && lunchAt > at && lunchAt < endAt ? lunchAt : null;
    if (agent.state === "offline") free(agent, at);
    if (agent.lunchDue !== null) {
      const due = agent.lunchDue;
      agenda.push(due, () => {
        if (agent.shiftNo === shiftNo && agent.state === "available" && !agent.reserved) free(agent, due);
      });
    }
    agenda.push(endAt, () => {
      agent.onShift = false;
      if (agent.state === "available" && !agent.reserved) free(agent, endAt);
      const nextStart = nextLocalTime(endAt, start);
      agenda.push(nextStart, () => login(agent, nextStart));
    });
  }

  const { hour: startHour } = localTime(startAt);
  for (const agent of agents) {
    const { start, end } = agent.profile.shift;
    const on = start < end ? startHour >= start && startHour < end : startHour >= start || startHour < end;
    const loginAt = on ? startAt : nextLocalTime(startAt, start);
    agenda.push(loginAt, () => login(agent, loginAt));
  }
  for (const q of queues.values()) scheduleArrival(q, startAt);

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

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}

interface Happening {
  at: number;
  seq: number;
  run: () => void;
}

/** A binary min-heap of happenings by time, then by order of scheduling. */
class Agenda {
  private heap: Happening[] = [];
  private seq = 0;

  push(at: number, run: () => void): void {
    const h = this.heap;
    h.push({ at, seq: this.seq++, run });
    for (let i = h.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  peek(): Happening | undefined {
    return this.heap[0];
  }

  pop(): Happening | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Happening, b: Happening): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
