import fc from "fast-check";
import { parseEvent, type VigieEvent } from "../../events/schema";

/**
 * Random event streams for property tests: contacts with a random part of
 * their lifecycle (inbound and outbound, sync and async), cases, outcomes,
 * agent states and survey answers of every kind, over yesterday and today.
 */
export const QUEUES = ["support", "sales", "billing"] as const;
export const AGENTS = ["a1", "a2", "a3"] as const;
export const CHANNELS = ["voice", "chat", "email"] as const;

const OUTCOMES = ["no-answer", "busy", "invalid-number", "voicemail", "argued", "agreed", "refused", "sale"] as const;
const KINDS = ["csat", "nps", "ces", "enps"] as const;
const SCALE_MAX = { csat: 5, nps: 10, ces: 7, enps: 10 } as const;
const SCALE_MIN = { csat: 1, nps: 0, ces: 1, enps: 0 } as const;

const itemArb = fc.record({
  kind: fc.constantFrom("contact", "contact", "contact", "contact", "agent", "agent", "survey", "case"),
  contact: fc.integer({ min: 0, max: 14 }),
  queue: fc.constantFrom(...QUEUES),
  channel: fc.constantFrom(...CHANNELS),
  outbound: fc.boolean(),
  customer: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  caseNo: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  agent: fc.constantFrom(...AGENTS),
  /** Seconds before `now`; a few slightly in the future. */
  ago: fc.integer({ min: -120, max: 40 * 3600 }),
  steps: fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 8, maxLength: 8 }),
  parts: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
  state: fc.constantFrom("available", "busy", "wrap-up", "paused", "offline"),
  outcome: fc.constantFrom(...OUTCOMES),
  amount: fc.integer({ min: 0, max: 50_000 }),
  surveyKind: fc.constantFrom(...KINDS),
  score: fc.integer({ min: 0, max: 10 }),
  firstContact: fc.option(fc.boolean(), { nil: undefined }),
});

export function streamArb(now: number, maxLength = 45): fc.Arbitrary<VigieEvent[]> {
  return fc.array(itemArb, { maxLength }).map((items) => {
    const out: VigieEvent[] = [];
    let k = 0;
    const mk = (raw: Record<string, unknown>) => {
      const r = parseEvent({ id: `p${k++}`, ...raw }, now);
      if (r.ok) out.push(r.event);
    };
    for (const it of items) {
      const base = now - it.ago * 1000;
      let at = base;
      const next = (i: number) => (at += it.steps[i]! * 1000);
      const contactId = `c${it.contact}`;
      const p = it.parts;
      switch (it.kind) {
        case "agent":
          mk({ type: "agent.state", at: base, agentId: it.agent, state: it.state, ...(p[0] ? { queues: [it.queue] } : {}) });
          break;
        case "case":
          if (it.caseNo !== undefined) mk({ type: p[0] ? "case.opened" : "case.closed", at: base, caseId: `k${it.caseNo}` });
          break;
        case "survey": {
          const kind = it.surveyKind;
          const score = SCALE_MIN[kind] + (it.score % (SCALE_MAX[kind] - SCALE_MIN[kind] + 1));
          mk({
            type: "survey.response", at: base, kind, score,
            ...(p[0] && kind !== "enps" ? { contactId } : {}),
            ...(p[1] ? { queue: it.queue } : {}),
            ...(p[2] ? { agentId: it.agent } : {}),
            ...(p[3] && kind === "csat" ? { topic: "wait" } : {}),
          });
          break;
        }
        case "contact":
          if (p[0])
            mk({
              type: "contact.offered", at: base, contactId, queue: it.queue, channel: it.channel,
              direction: it.outbound ? "outbound" : "inbound",
              ...(it.customer !== undefined ? { customerId: `u${it.customer}` } : {}),
              ...(it.caseNo !== undefined ? { caseId: `k${it.caseNo}` } : {}),
              ...(it.outbound ? { campaign: p[13] ? "spring" : "autumn" } : {}),
            });
          if (p[1]) mk({ type: "contact.answered", at: next(0), contactId, agentId: it.agent });
          else if (p[2]) mk({ type: "contact.abandoned", at: next(0), contactId });
          else if (p[11]) mk({ type: "contact.selfserved", at: next(0), contactId });
          if (p[3]) mk({ type: "contact.held", at: next(1), contactId });
          if (p[4]) mk({ type: "contact.resumed", at: next(2), contactId });
          if (p[12]) mk({ type: "contact.responded", at: next(2), contactId });
          if (p[7]) mk({ type: "contact.transferred", at: next(2), contactId, toQueue: "billing" });
          if (p[8]) mk({ type: "contact.escalated", at: next(2), contactId, from: p[9] ? "bot" : "agent" });
          if (p[5]) mk({ type: "contact.ended", at: next(3), contactId });
          if (p[6]) mk({ type: "contact.wrapped", at: next(4), contactId });
          if (p[10]) mk({ type: "contact.resolved", at: next(5), contactId, firstContact: it.firstContact });
          if (p[9]) mk({ type: "contact.outcome", at: next(6), contactId, outcome: it.outcome, ...(it.outcome === "sale" ? { amount: it.amount / 100 } : {}) });
          break;
      }
    }
    return out;
  });
}
