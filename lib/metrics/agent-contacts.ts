import type { Channel } from "../events/schema";
import type { ContactState } from "./contact";

/** A contact an agent took, as far as the agent grid cares. */
interface Taken {
  contactId: string;
  agentId: string;
  queue: string | null;
  channel: Channel | null;
  answeredAt: number;
  endedAt: number | null;
  /** When after-contact work ended: the contact no longer occupies the agent. */
  wrappedAt: number | null;
}

/** The contact an agent is on now: talking since it was answered, or in after-contact work since it ended. */
export interface CurrentContact {
  contactId: string;
  queue: string | null;
  channel: Channel | null;
  phase: "talking" | "wrap-up";
  /** Epoch ms the phase began. */
  since: number;
}

/**
 * Agent → the contacts it answered, kept current as contacts change (the
 * engine calls `update` with every changed contact). Derived from contact
 * states only, so the same events in any order give the same index.
 */
export class AgentContacts {
  private readonly byContact = new Map<string, Taken>();
  private readonly byAgent = new Map<string, Map<string, Taken>>();

  update(c: ContactState): void {
    const old = this.byContact.get(c.contactId);
    const next = takenOf(c);
    if (old && (!next || old.agentId !== next.agentId)) this.unlink(old);
    if (!next) return;
    this.byContact.set(c.contactId, next);
    let mine = this.byAgent.get(next.agentId);
    if (!mine) this.byAgent.set(next.agentId, (mine = new Map()));
    mine.set(c.contactId, next);
  }

  remove(contactId: string): void {
    const old = this.byContact.get(contactId);
    if (old) this.unlink(old);
  }

  private unlink(t: Taken): void {
    this.byContact.delete(t.contactId);
    const mine = this.byAgent.get(t.agentId);
    mine?.delete(t.contactId);
    if (mine?.size === 0) this.byAgent.delete(t.agentId);
  }

  /**
   * The agent's contacts still open (not wrapped) whose phase began at or after
   * `from`, latest first: talking before wrap-up, then by when the phase began,
   * then by id.
   */
  open(agentId: string, from = -Infinity): CurrentContact[] {
    const out: CurrentContact[] = [];
    for (const t of this.byAgent.get(agentId)?.values() ?? []) {
      if (t.wrappedAt !== null) continue;
      const talking = t.endedAt === null;
      if ((talking ? t.answeredAt : t.endedAt!) < from) continue;
      out.push({ contactId: t.contactId, queue: t.queue, channel: t.channel, phase: talking ? "talking" : "wrap-up", since: talking ? t.answeredAt : t.endedAt! });
    }
    return out.sort((a, b) => rank(a) - rank(b) || b.since - a.since || (a.contactId < b.contactId ? -1 : 1));
  }

  /** Contacts the agent handled (answered, ended and wrapped) with work ending in [from, to): the registry's `handled`. */
  handled(agentId: string, from: number, to = Infinity): number {
    let n = 0;
    for (const t of this.byAgent.get(agentId)?.values() ?? []) {
      if (t.endedAt !== null && t.wrappedAt !== null && t.wrappedAt >= from && t.wrappedAt < to) n++;
    }
    return n;
  }
}

const rank = (c: CurrentContact) => (c.phase === "talking" ? 0 : 1);

function takenOf(c: ContactState): Taken | null {
  if (!c.answered) return null;
  return {
    contactId: c.contactId,
    agentId: c.answered.agentId,
    queue: c.offered?.queue ?? null,
    channel: c.offered?.channel ?? null,
    answeredAt: c.answered.at,
    endedAt: c.ended?.at ?? null,
    wrappedAt: c.wrapped?.at ?? null,
  };
}
