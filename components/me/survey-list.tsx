import { formatMetric } from "../wallboard/format";
import type { Locale } from "@/lib/i18n/config";
import type { AgentSurveys } from "@/lib/agents/agent-surveys";
import type { MeTexts } from "./texts";

interface Props {
  surveys: AgentSurveys;
  locale: Locale;
  timeZone: string;
  t: MeTexts;
}

const KIND = { csat: "CSAT", nps: "NPS", ces: "CES", enps: "eNPS" } as const;

/** This month's survey answers: a count and mean per kind, then the latest answers. */
export function SurveyList({ surveys, locale, timeZone, t }: Props) {
  const when = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "short", timeStyle: "short" });
  return (
    <section className="rounded-xl border-2 border-panel-edge bg-panel p-4" data-testid="survey-list">
      <h2 className="mb-3 text-lg font-bold">{t("surveys")}</h2>
      {surveys.latest.length === 0 ? (
        <p className="text-sm text-ink-faint">{t("surveysEmpty")}</p>
      ) : (
        <>
          <ul className="mb-3 flex flex-wrap gap-6 text-sm">
            {surveys.summary.map((s) => (
              <li key={s.kind} data-testid="survey-summary" data-kind={s.kind} data-count={s.count}>
                <span className="font-bold">{KIND[s.kind]}</span>{" "}
                {t("surveySummary", { count: s.count, mean: formatMetric(s.mean, "number", locale) })}
              </li>
            ))}
          </ul>
          <table className="w-full text-sm tabular-nums">
            <thead className="text-ink-faint">
              <tr>
                {(["at", "kind", "score", "contact", "topic"] as const).map((c) => (
                  <th key={c} className="text-left font-normal">
                    {t(`columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {surveys.latest.map((a) => (
                <tr key={a.id} data-testid="survey-answer" data-kind={a.kind} className="border-t border-panel-edge/60">
                  <td className="py-1">{when.format(a.at)}</td>
                  <td className="py-1 font-semibold">{KIND[a.kind]}</td>
                  <td className="py-1">
                    {a.score} <span className="text-ink-faint">/ {a.scale.max}</span>
                  </td>
                  <td className="py-1 text-ink-dim">{a.contactId ?? "—"}</td>
                  <td className="py-1 text-ink-dim">{a.topic ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
