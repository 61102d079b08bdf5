import type { EventOf } from "../events/schema";
import type { Aggregate } from "./aggregate";

type Survey = EventOf<"survey.response">;

/** Position of a score on its scale, 0 at the bottom and 1 at the top. */
const position = (s: Survey) => (s.score - s.scale.min) / (s.scale.max - s.scale.min);

/**
 * What one survey answer adds. CSAT: positive when ≥ 4 on 1–5, i.e. in the top
 * 40 % of any scale. NPS: promoters 9–10 and detractors 0–6 on 0–10 (another
 * scale is mapped onto 0–10 first).
 */
export function surveyContribution(s: Survey): Partial<Aggregate> {
  switch (s.kind) {
    case "csat":
      return { csatAnswers: 1, csatPositive: position(s) >= 0.6 ? 1 : 0 };
    case "nps": {
      const on10 = position(s) * 10;
      return { npsAnswers: 1, npsPromoters: on10 >= 9 ? 1 : 0, npsDetractors: on10 <= 6 ? 1 : 0 };
    }
    default:
      return {};
  }
}
