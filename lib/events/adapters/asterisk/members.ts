import { z } from "zod";
import type { AgentState } from "../../schema";

/**
 * What the queue_log has said so far about each member, so that the state
 * given at each line is the member's whole state: a member paused during a
 * call stays busy until the call ends, then shows paused (Asterisk keeps the
 * pause), and one unpaused in only some of their queues can still take calls.
 *
 * The state is a fold over the lines in file order. The tailer keeps it with
 * its position; a request to POST /api/ingest/asterisk starts from an empty
 * one, so a body cut in the middle of a call knows less (see the how-to).
 */
const memberSchema = z.object({
  queues: z.array(z.string().max(200)).max(500),
  /** Queues the member is paused in; `*` after PAUSEALL. */
  pausedIn: z.array(z.string().max(200)).max(501),
  reason: z.string().max(200).optional(),
  /** The call the member is connected to, and since when (epoch ms). */
  call: z.object({ contactId: z.string().max(400), since: z.number() }).optional(),
  offline: z.boolean(),
  /** The `at` of the last state given, to order states given within one second. */
  lastAt: z.number().optional(),
  /** When the member last appeared, to forget the oldest past MAX_MEMBERS. */
  seen: z.number(),
});
export type MemberRecord = z.infer<typeof memberSchema>;
export const memberTrackerSchema = z.record(z.string().max(200), memberSchema);

const MAX_MEMBERS = 5000;
/** A call whose end was never logged (a lost line) stops counting as busy after this. */
const STALE_CALL_MS = 8 * 3_600_000;
const ALL = "*";

export interface MemberStateNow {
  state: AgentState;
  reason?: string;
  queues: string[];
}

export class MemberTracker {
  private readonly members: Map<string, MemberRecord>;

  constructor(snapshot: z.infer<typeof memberTrackerSchema> = {}) {
    this.members = new Map(Object.entries(snapshot).map(([id, m]) => [id, structuredClone(m)]));
  }

  toJSON(): z.infer<typeof memberTrackerSchema> {
    return Object.fromEntries([...this.members].map(([id, m]) => [id, structuredClone(m)]));
  }

  clone(): MemberTracker {
    return new MemberTracker(this.toJSON());
  }

  private get(agentId: string, at: number): MemberRecord {
    let m = this.members.get(agentId);
    if (!m) {
      m = { queues: [], pausedIn: [], offline: false, seen: at };
      this.members.set(agentId, m);
      if (this.members.size > MAX_MEMBERS) this.forgetOldest();
    }
    m.seen = Math.max(m.seen, at);
    return m;
  }

  private forgetOldest(): void {
    let oldest: [string, number] | undefined;
    for (const [id, m] of this.members) if (!oldest || m.seen < oldest[1]) oldest = [id, m.seen];
    if (oldest) this.members.delete(oldest[0]);
  }

  connect(agentId: string, queue: string, contactId: string, at: number): void {
    const m = this.get(agentId, at);
    join(m, queue);
    m.offline = false;
    m.call = { contactId, since: at };
  }

  /** The call ended (completed or transferred); another call the member took meanwhile keeps them busy. */
  complete(agentId: string, queue: string, contactId: string, at: number): void {
    const m = this.get(agentId, at);
    join(m, queue);
    if (!m.call || m.call.contactId === contactId) delete m.call;
  }

  pause(agentId: string, queue: string | null, reason: string | undefined, at: number): void {
    const m = this.get(agentId, at);
    if (queue !== null) join(m, queue);
    m.offline = false;
    const q = queue ?? ALL;
    if (!m.pausedIn.includes(q) && m.pausedIn.length < 501) m.pausedIn.push(q);
    if (reason) m.reason = reason;
  }

  unpause(agentId: string, queue: string | null, at: number): void {
    const m = this.get(agentId, at);
    if (queue !== null) join(m, queue);
    m.offline = false;
    m.pausedIn = queue === null ? [] : m.pausedIn.filter((p) => p !== queue && p !== ALL);
    if (m.pausedIn.length === 0) delete m.reason;
  }

  add(agentId: string, queue: string, paused: boolean, at: number): void {
    const m = this.get(agentId, at);
    join(m, queue);
    m.offline = false;
    m.pausedIn = m.pausedIn.filter((p) => p !== queue);
    if (paused && m.pausedIn.length < 501) m.pausedIn.push(queue);
  }

  /** Removed from a queue: offline once in none. */
  remove(agentId: string, queue: string, at: number): void {
    const m = this.get(agentId, at);
    m.queues = m.queues.filter((q) => q !== queue);
    m.pausedIn = m.pausedIn.filter((p) => p !== queue);
    if (m.queues.length === 0) m.offline = true;
  }

  login(agentId: string, at: number): void {
    const m = this.get(agentId, at);
    m.offline = false;
  }

  logoff(agentId: string, at: number): void {
    const m = this.get(agentId, at);
    m.offline = true;
    delete m.call;
  }

  /** The member's state at `at`, from everything folded so far. */
  stateOf(agentId: string, at: number): MemberStateNow {
    const m = this.get(agentId, at);
    const queues = [...m.queues].sort();
    if (m.offline) return { state: "offline", queues };
    if (m.call && at - m.call.since <= STALE_CALL_MS) return { state: "busy", queues };
    if (isPaused(m)) return { state: "paused", queues, ...(m.reason ? { reason: m.reason } : {}) };
    return { state: "available", queues };
  }

  /**
   * The `at` for a state given at `at`: queue_log times are whole seconds, so
   * several states of one member often share one; each later one gets 1 ms
   * more, keeping file order (the engine orders equal times by event id).
   */
  stamp(agentId: string, at: number): number {
    const m = this.get(agentId, at);
    const stamped = m.lastAt !== undefined && m.lastAt >= at && m.lastAt - at < 999 ? m.lastAt + 1 : at;
    m.lastAt = stamped;
    return stamped;
  }
}

function join(m: MemberRecord, queue: string): void {
  if (queue !== "" && !m.queues.includes(queue) && m.queues.length < 500) m.queues.push(queue);
}

/** Paused everywhere the member serves, as far as the log tells. */
function isPaused(m: MemberRecord): boolean {
  if (m.pausedIn.includes(ALL)) return true;
  if (m.pausedIn.length === 0) return false;
  return m.queues.length === 0 || m.queues.every((q) => m.pausedIn.includes(q));
}
