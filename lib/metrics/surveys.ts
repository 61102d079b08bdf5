import type { EventOf } from "../events/schema";
import type { Aggregate } from "./aggregate";

type Survey = EventOf<"survey.response">;

/** Position of a score on its scale, 0 at the bottom and 1 at the top. */
const position = (s: Survey) => (s.score - s.scale.min) / (s.scale.max - s.scale.min);

/** Promoters 9–10 and detractors 0–6 on 0–10; another scale is mapped onto 0–10 first. */
function netPromoter(s: Survey): { promoter: number; detractor: number } {
  const on10 = position(s) * 10;
  return { promoter: on10 >= 9 ? 1 : 0, detractor: on10 <= 6 ? 1 : 0 };
}

/** Topics other than these are stored but do not count in the overall CSAT. */
const OVERALL = new Set([undefined, "overall"]);

/**
 * What one survey answer adds. CSAT: positive when ≥ 4 on 1–5, i.e. in the top
 * 40 % of any scale; an answer about the wait (`topic: "wait"`) counts in the
 * satisfaction with waiting time instead. CES on 1–7: easy 5–7, difficult 1–3,
 * and the mean (another scale is mapped onto 1–7; summed in thousandths so that
 * sums stay exact integers whatever the order answers arrive in). NPS and eNPS: 9–10 / 0–6.
 */
export function surveyContribution(s: Survey, selfServed = false): Partial<Aggregate> {
  const topic = (s as { topic?: string }).topic;
  switch (s.kind) {
    case "csat": {
      const positive = position(s) >= 0.6 ? 1 : 0;
      if (topic === "wait") return { waitCsatAnswers: 1, waitCsatPositive: positive };
      if (!OVERALL.has(topic)) return {};
      return selfServed
        ? { csatAnswers: 1, csatPositive: positive, selfServiceCsatAnswers: 1, selfServiceCsatPositive: positive }
        : { csatAnswers: 1, csatPositive: positive };
    }
    case "nps": {
      const n = netPromoter(s);
      return { npsAnswers: 1, npsPromoters: n.promoter, npsDetractors: n.detractor };
    }
    case "enps": {
      const n = netPromoter(s);
      return { enpsAnswers: 1, enpsPromoters: n.promoter, enpsDetractors: n.detractor };
    }
    case "ces": {
      const p = position(s);
      return { cesAnswers: 1, cesEasy: p >= 4 / 6 - 1e-9 ? 1 : 0, cesDifficult: p <= 2 / 6 + 1e-9 ? 1 : 0, cesMilli: Math.round(1000 * (1 + 6 * p)) };
    }
  }
}
