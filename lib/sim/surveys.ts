import type { SimContext } from "./context";
import type { QueueProfile } from "./profile";
import { chance, normal } from "./rng";

/**
 * Survey answers: after a handled contact (csat, nps, ces and a csat about the
 * wait, all driven by what the customer went through), after self-service
 * (csat about the bot), and the employees' eNPS pulse during their shifts.
 */

export interface HandledContact {
  contactId: string;
  queue: QueueProfile;
  agentId: string;
  /** When the after-contact work ended. */
  at: number;
  waitMs: number;
  holdMs: number;
  resolved: boolean;
  /** Transferred or escalated to someone else. */
  handedOver: boolean;
  repeat: boolean;
  /** Met the IVR or bot before an agent. */
  viaBot: boolean;
}

export interface Surveys {
  afterHandled(c: HandledContact): void;
  afterSelfServed(contactId: string, queue: QueueProfile, at: number): void;
  /** Maybe one eNPS answer from the agent during the shift [from, to). */
  pulse(agentId: string, from: number, to: number): void;
}

export function createSurveys(ctx: SimContext): Surveys {
  const { rand, profile } = ctx;
  /** Each agent's lasting engagement, around which their eNPS answers vary. */
  const engagement = new Map<string, number>();

  return {
    afterHandled(c) {
      const s = c.queue.survey;
      const asked = {
        csat: chance(rand, s.csatChance),
        wait: chance(rand, s.waitChance),
        ces: chance(rand, s.cesChance),
        nps: chance(rand, s.npsChance),
      };
      if (!asked.csat && !asked.wait && !asked.ces && !asked.nps) return;
      const waited = Math.min(c.waitMs / 1000 / s.waitToleranceSeconds, 4);
      const unresolved = c.resolved ? 0 : c.handedOver ? 0.6 : 1.3;
      const longHold = c.holdMs > 120_000;
      // One latent satisfaction per customer, so that the answers tell the same story.
      const mood = 4.4 - 0.5 * waited - unresolved - (longHold ? 0.3 : 0) + 0.7 * normal(rand);
      const effort =
        5.9 - 0.3 * Math.min(waited, 3) - (c.resolved ? 0 : c.handedOver ? 0.8 : 1.2) - (c.repeat ? 0.6 : 0) -
        (c.viaBot ? 0.4 : 0) - (longHold ? 0.5 : 0) + 0.8 * normal(rand);
      const aboutWait = 4.8 - Math.min(waited, 3.5) + 0.6 * normal(rand);
      const npsScore = clamp(Math.round(2.2 * mood - 0.8 + normal(rand)), 0, 10);
      const answerAt = c.at + ctx.duration(profile.surveyDelay, 5000);
      const about = { contactId: c.contactId, agentId: c.agentId, queue: c.queue.name };
      ctx.schedule(answerAt, () => {
        if (asked.csat) ctx.emit("survey.response", answerAt, { kind: "csat", score: clamp(Math.round(mood), 1, 5), ...about });
        if (asked.wait) ctx.emit("survey.response", answerAt, { kind: "csat", topic: "wait", score: clamp(Math.round(aboutWait), 1, 5), ...about });
        if (asked.ces) ctx.emit("survey.response", answerAt, { kind: "ces", score: clamp(Math.round(effort), 1, 7), ...about });
        if (asked.nps) ctx.emit("survey.response", answerAt, { kind: "nps", score: npsScore, ...about });
      });
    },

    afterSelfServed(contactId, queue, at) {
      if (!queue.selfService || !chance(rand, queue.selfService.csatChance)) return;
      const score = clamp(Math.round(4.1 + 0.9 * normal(rand)), 1, 5);
      const answerAt = at + ctx.duration(profile.surveyDelay, 5000);
      ctx.schedule(answerAt, () => ctx.emit("survey.response", answerAt, { kind: "csat", score, contactId, queue: queue.name }));
    },

    pulse(agentId, from, to) {
      if (!chance(rand, profile.enps.chancePerShift)) return;
      let mood = engagement.get(agentId);
      if (mood === undefined) engagement.set(agentId, (mood = 1.5 * normal(rand)));
      const score = clamp(Math.round(profile.enps.mean + mood + 1.2 * normal(rand)), 0, 10);
      const answerAt = from + Math.round((0.1 + 0.8 * rand()) * (to - from));
      ctx.schedule(answerAt, () => ctx.emit("survey.response", answerAt, { kind: "enps", score, agentId }));
    },
  };
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}
