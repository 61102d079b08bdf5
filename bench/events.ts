import { chance, createRandom, int, lognormal, pick, type Random } from "../lib/sim/rng";

/**
 * Event generators for the benchmark, in the CONTRACT §2 wire format:
 * - `history`: N events of closed contact lifecycles spread over a time range
 *   (scenario 1), each as an NDJSON line and as the matching COPY row;
 * - `LiveStream`: batches of "now" events with a steady mix (scenario 3).
 */

export const QUEUES = [
  { name: "support", channel: "voice" },
  { name: "sales", channel: "voice" },
  { name: "billing", channel: "voice" },
  { name: "chat-support", channel: "chat" },
  { name: "email", channel: "email" },
] as const;

const AGENTS = Array.from({ length: 60 }, (_, i) => `a-${String(i + 1).padStart(3, "0")}`);
const agentQueues = (agent: string): string[] => {
  const i = Number(agent.slice(2));
  return [QUEUES[i % 5]!.name, QUEUES[(i + 2) % 5]!.name];
};

type Wire = Record<string, unknown> & { id: string; type: string; at: string | number };

/** The `events` columns the server fills (db/migrations/0000_init.sql), in COPY order. */
export const COPY_COLUMNS = "id, type, at, contact_id, agent_id, queue, channel, payload";

const copyField = (v: unknown): string =>
  v === undefined || v === null
    ? "\\N"
    : String(v).replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");

/**
 * The row the server stores for this event (lib/ingest/event-writer.ts): the
 * same columns, `payload` being the event as received.
 */
export function copyRow(e: Wire, line: string): string {
  const at = typeof e.at === "number" ? new Date(e.at).toISOString() : e.at;
  return [e.id, e.type, at, e.contactId, e.agentId, e.queue, e.channel, line].map(copyField).join("\t") + "\n";
}

export interface History {
  /** One NDJSON line per event (no trailing newline). */
  lines: string[];
  /** The same events as COPY text rows (each ends with a newline). */
  copyRows: string[];
  offered: number;
  types: Record<string, number>;
}

/**
 * Exactly `n` events of contacts offered uniformly over [from, to): offered,
 * then answered/ended/wrapped (88 %) or abandoned, with agent states around a
 * third of the conversations, resolutions and csat/nps surveys. Sorted by time,
 * like a feed replayed from a contact-center platform.
 */
export function history(n: number, from: number, to: number, prefix: string, seed = 1): History {
  const rand = createRandom(seed);
  const evs: Wire[] = [];
  let eventNo = 0;
  let contactNo = 0;
  const iso = (ms: number) => new Date(ms).toISOString();
  const push = (type: string, at: number, fields: Record<string, unknown>) =>
    evs.push({ id: `${prefix}-${++eventNo}`, type, at: iso(Math.min(at, to)), ...fields });

  while (evs.length < n) {
    const contactId = `${prefix}-c${++contactNo}`;
    const q = pick(rand, QUEUES);
    const t0 = from + rand() * (to - from);
    push("contact.offered", t0, {
      contactId,
      queue: q.name,
      channel: q.channel,
      direction: "inbound",
      customerId: `cust-${int(rand, 1, 20_000)}`,
    });
    const wait = lognormal(rand, 25_000, 1);
    if (chance(rand, 0.12)) {
      push("contact.abandoned", t0 + wait, { contactId });
      continue;
    }
    const agentId = pick(rand, AGENTS);
    const answered = t0 + wait;
    const ended = answered + lognormal(rand, 300_000, 0.8);
    const wrapped = ended + lognormal(rand, 45_000, 0.6);
    const withStates = chance(rand, 0.33);
    push("contact.answered", answered, { contactId, agentId });
    if (withStates) push("agent.state", answered, { agentId, state: "busy" });
    push("contact.ended", ended, { contactId });
    if (withStates) push("agent.state", ended, { agentId, state: "wrap-up" });
    push("contact.wrapped", wrapped, { contactId });
    if (withStates) push("agent.state", wrapped, { agentId, state: "available", queues: agentQueues(agentId) });
    if (chance(rand, 0.5)) push("contact.resolved", wrapped, { contactId, firstContact: chance(rand, 0.7) });
    if (chance(rand, 0.2)) push("survey.response", wrapped + 60_000, { kind: "csat", score: int(rand, 1, 5), contactId, agentId, queue: q.name });
    if (chance(rand, 0.1)) push("survey.response", wrapped + 90_000, { kind: "nps", score: int(rand, 0, 10), contactId });
  }
  evs.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  evs.length = n;

  const lines: string[] = new Array(n);
  const copyRows: string[] = new Array(n);
  const types: Record<string, number> = {};
  let offered = 0;
  for (let i = 0; i < n; i++) {
    const e = evs[i]!;
    const line = JSON.stringify(e);
    lines[i] = line;
    copyRows[i] = copyRow(e, line);
    types[e.type] = (types[e.type] ?? 0) + 1;
    if (e.type === "contact.offered") offered++;
  }
  return { lines, copyRows, offered, types };
}

/** Joins lines into NDJSON bodies of `size` events. */
export function ndjsonBodies(lines: string[], size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += size) out.push(lines.slice(i, i + size).join("\n") + "\n");
  return out;
}

/** Joins COPY rows into chunks of about `bytes`. */
export function copyChunks(rows: string[], bytes = 1 << 20): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let size = 0;
  for (const r of rows) {
    cur.push(r);
    size += r.length;
    if (size >= bytes) {
      out.push(cur.join(""));
      cur = [];
      size = 0;
    }
  }
  if (cur.length) out.push(cur.join(""));
  return out;
}

interface Live {
  id: string;
  queue: string;
  agentId?: string;
  batch: number;
}

/**
 * Batches of live events, all dated "now" (the moment the batch is built): new
 * contacts are offered in every batch; earlier ones are answered ~2 batches
 * later, ended ~10 later, wrapped ~4 after that; plus agent states, surveys and
 * resolutions. About a fifth of the events are `contact.offered`, so every
 * batch changes the `offered` count of scope "all".
 */
export class LiveStream {
  private readonly rand: Random;
  private batchNo = 0;
  private eventNo = 0;
  private contactNo = 0;
  private readonly waiting: Live[] = [];
  private readonly talking: Live[] = [];
  private readonly wrapping: Live[] = [];
  offeredTotal = 0;
  eventsTotal = 0;

  constructor(
    private readonly prefix: string,
    seed = 7,
  ) {
    this.rand = createRandom(seed);
  }

  /** One NDJSON body of `size` (≥ 40) events dated `now`, and how many of them are `contact.offered`. */
  next(now: number, size: number): { body: string; offered: number; events: number } {
    const b = ++this.batchNo;
    const rand = this.rand;
    const out: string[] = [];
    const emit = (type: string, fields: Record<string, unknown>) =>
      out.push(JSON.stringify({ id: `${this.prefix}-${++this.eventNo}`, type, at: now, ...fields }));
    const due = (list: Live[], age: number, max: number): Live[] => {
      let k = 0;
      while (k < list.length && k < max && list[k]!.batch <= b - age) k++;
      return list.splice(0, k);
    };
    const share = Math.floor(size / 5);

    const offered = share;
    for (let i = 0; i < offered; i++) {
      const q = pick(rand, QUEUES);
      const id = `${this.prefix}-c${++this.contactNo}`;
      emit("contact.offered", { contactId: id, queue: q.name, channel: q.channel, direction: "inbound", customerId: `cust-${int(rand, 1, 20_000)}` });
      this.waiting.push({ id, queue: q.name, batch: b });
    }
    for (const c of due(this.waiting, 2, share)) {
      if (chance(rand, 0.12)) {
        emit("contact.abandoned", { contactId: c.id });
        continue;
      }
      c.agentId = pick(rand, AGENTS);
      c.batch = b;
      emit("contact.answered", { contactId: c.id, agentId: c.agentId });
      this.talking.push(c);
    }
    for (const c of due(this.talking, 10, share)) {
      c.batch = b;
      emit("contact.ended", { contactId: c.id });
      this.wrapping.push(c);
    }
    for (const c of due(this.wrapping, 4, share)) {
      emit("contact.wrapped", { contactId: c.id });
      if (out.length < size - 2 && chance(rand, 0.3)) emit("contact.resolved", { contactId: c.id, firstContact: chance(rand, 0.7) });
      if (out.length < size - 2 && chance(rand, 0.25)) {
        emit("survey.response", { kind: "csat", score: int(rand, 1, 5), contactId: c.id, agentId: c.agentId, queue: c.queue });
      }
    }
    while (out.length < size) {
      const agentId = pick(rand, AGENTS);
      emit("agent.state", { agentId, state: pick(rand, ["available", "busy", "wrap-up", "paused"] as const), queues: agentQueues(agentId) });
    }
    this.offeredTotal += offered;
    this.eventsTotal += out.length;
    return { body: out.join("\n") + "\n", offered, events: out.length };
  }
}
