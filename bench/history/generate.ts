import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import { chance, createRandom, exponential, int, pick, type Random } from "../../lib/sim/rng";

/**
 * A year of a large contact center, generated day by day (deterministic for a
 * seed), for `npm run seed:history` and the report benchmark. Shapes: queues
 * of Zipf-like sizes on voice, chat and email; weekdays busier than weekends
 * and a mild season; two intraday peaks (10:00 and 14:00) over 08:00–20:00;
 * waits and patience drawn per contact (abandons come from impatience);
 * handle time per channel; 25 % of customers come back (FCR by repeat); 10 %
 * answer a CSAT survey; agents on 8-hour shifts five days a week with two
 * breaks and a lunch, busy while handling and in wrap-up after.
 */

export interface HistoryShape {
  contacts: number;
  queues: number;
  agents: number;
  days: number;
  /** Local midnight of the first day, epoch ms. */
  start: number;
  timeZone: string;
  seed: number;
}

export type RawEvent = Record<string, unknown> & { id: string; type: string; at: number };

const CHANNELS = ["voice", "voice", "voice", "voice", "voice", "voice", "voice", "chat", "chat", "email"] as const;
const TALK_S = { voice: 240, chat: 480, email: 300 } as const;
const WEEKDAY = [0.15, 1.1, 1.0, 1.0, 1.0, 0.95, 0.4]; // Sunday … Saturday
const HOURS = Array.from({ length: 24 }, (_, h) => (h < 8 || h >= 20 ? 0 : Math.exp(-((h - 10) ** 2) / 4) + 0.9 * Math.exp(-((h - 14) ** 2) / 5) + 0.25));

export interface Center {
  queues: { name: string; channel: (typeof CHANNELS)[number]; weight: number; agents: string[] }[];
  cumulative: number[];
  shifts: Map<string, { queues: string[]; startHour: number; offDays: [number, number] }>;
}

export function center(shape: HistoryShape): Center {
  const rand = createRandom(shape.seed);
  const queues = Array.from({ length: shape.queues }, (_, i) => ({
    name: `q${String(i + 1).padStart(2, "0")}`,
    channel: CHANNELS[i % CHANNELS.length]!,
    weight: 1 / (i + 1) ** 0.7,
    agents: [] as string[],
  }));
  const total = queues.reduce((s, q) => s + q.weight, 0);
  let acc = 0;
  const cumulative = queues.map((q) => (acc += q.weight / total));
  const shifts = new Map<string, { queues: string[]; startHour: number; offDays: [number, number] }>();
  for (let a = 0; a < shape.agents; a++) {
    const id = `agent${String(a + 1).padStart(3, "0")}`;
    // Bigger queues get more agents: agents are dealt by weight.
    const primary = queues[pickWeighted(rand, cumulative)]!;
    const secondary = queues[pickWeighted(rand, cumulative)]!;
    const mine = primary === secondary ? [primary] : [primary, secondary];
    for (const q of mine) q.agents.push(id);
    const off = int(rand, 0, 6);
    shifts.set(id, { queues: mine.map((q) => q.name), startHour: pick(rand, [8, 8, 9, 10, 11, 12]), offDays: [off, (off + 1) % 7] });
  }
  for (const q of queues) if (q.agents.length === 0) q.agents.push(pick(rand, [...shifts.keys()]));
  return { queues, cumulative, shifts };
}

function pickWeighted(rand: Random, cumulative: readonly number[]): number {
  const r = rand();
  let lo = 0, hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every event of day `d` (0-based), in time order. */
export function dayEvents(shape: HistoryShape, c: Center, d: number): RawEvent[] {
  const rand = createRandom(shape.seed * 7919 + d);
  const day = addDays(new TZDate(shape.start, shape.timeZone), d);
  const dayStart = day.getTime();
  const weekday = day.getDay();
  const weights = Array.from({ length: shape.days }, (_, i) => WEEKDAY[(weekday - d + i + 700) % 7]!);
  const season = 1 + 0.1 * Math.sin((2 * Math.PI * d) / 365);
  const perDay = (shape.contacts / weights.reduce((s, w) => s + w, 0)) * WEEKDAY[weekday]! * season;
  const n = Math.round(perDay);
  const hourTotal = HOURS.reduce((s, h) => s + h, 0);
  const hourCum: number[] = [];
  let acc = 0;
  for (const h of HOURS) hourCum.push((acc += h / hourTotal));
  const out: RawEvent[] = [];
  const prefix = `h${d}`;

  // Agents' shifts: logged in with their queues, two breaks and a lunch, logged off.
  const working: string[] = [];
  for (const [agentId, s] of c.shifts) {
    if (s.offDays.includes(weekday)) continue;
    working.push(agentId);
    const at = (h: number, m = 0) => dayStart + (h * 60 + m) * 60_000 + int(rand, 0, 240) * 1000;
    const base = `${prefix}-${agentId}`;
    out.push({ id: `${base}-in`, type: "agent.state", at: at(s.startHour), agentId, state: "available", queues: s.queues });
    out.push({ id: `${base}-b1`, type: "agent.state", at: at(s.startHour + 2), agentId, state: "paused", reason: "break" });
    out.push({ id: `${base}-b1e`, type: "agent.state", at: at(s.startHour + 2, 15), agentId, state: "available" });
    out.push({ id: `${base}-l`, type: "agent.state", at: at(s.startHour + 4), agentId, state: "paused", reason: "lunch" });
    out.push({ id: `${base}-le`, type: "agent.state", at: at(s.startHour + 4, 45), agentId, state: "available" });
    out.push({ id: `${base}-out`, type: "agent.state", at: at(s.startHour + 8, 30), agentId, state: "offline" });
  }

  for (let i = 0; i < n; i++) {
    const q = c.queues[pickWeighted(rand, c.cumulative)]!;
    const hour = pickWeighted(rand, hourCum);
    const offeredAt = dayStart + hour * 3_600_000 + Math.floor(rand() * 3_600_000);
    const contactId = `${prefix}-c${i}`;
    const id = (k: string) => `${contactId}-${k}`;
    // A quarter of customers call again within days: a pool small enough to repeat.
    const customerId = chance(rand, 0.7) ? `cust${Math.floor(exponential(rand, shape.contacts / 8)) % (shape.contacts / 2)}` : undefined;
    out.push({ id: id("o"), type: "contact.offered", at: offeredAt, contactId, queue: q.name, channel: q.channel, ...(customerId ? { customerId } : {}) });
    const wait = q.channel === "email" ? exponential(rand, 3_600_000) : exponential(rand, 22_000);
    const patience = q.channel === "email" ? Infinity : exponential(rand, 150_000);
    if (wait > patience) {
      out.push({ id: id("x"), type: "contact.abandoned", at: offeredAt + Math.round(patience), contactId });
      continue;
    }
    const agentId = pick(rand, q.agents);
    const answeredAt = offeredAt + Math.round(wait);
    const talk = Math.round(exponential(rand, TALK_S[q.channel] * 1000) + 20_000);
    const endedAt = answeredAt + talk;
    const wrappedAt = endedAt + int(rand, 10, 90) * 1000;
    out.push({ id: id("a"), type: "contact.answered", at: answeredAt, contactId, agentId });
    out.push({ id: id("b"), type: "agent.state", at: answeredAt, agentId, state: "busy" });
    if (q.channel === "voice" && chance(rand, 0.1)) {
      const holdAt = answeredAt + Math.round(talk * rand() * 0.8);
      out.push({ id: id("h"), type: "contact.held", at: holdAt, contactId });
      out.push({ id: id("r"), type: "contact.resumed", at: Math.min(endedAt, holdAt + int(rand, 15, 90) * 1000), contactId });
    }
    out.push({ id: id("e"), type: "contact.ended", at: endedAt, contactId });
    out.push({ id: id("w"), type: "agent.state", at: endedAt, agentId, state: "wrap-up" });
    out.push({ id: id("f"), type: "contact.wrapped", at: wrappedAt, contactId });
    out.push({ id: id("v"), type: "agent.state", at: wrappedAt, agentId, state: "available" });
    if (chance(rand, 0.1)) out.push({ id: id("s"), type: "survey.response", at: wrappedAt + 60_000, kind: "csat", score: int(rand, 1, 5), contactId, agentId });
  }
  out.sort((a, b) => a.at - b.at);
  return out;
}
