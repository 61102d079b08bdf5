import { KpiLink } from "../kpis/kpi-link";
import { definition, formatMetric } from "../wallboard/format";
import type { Locale } from "@/lib/i18n/config";
import { AGENT_KPIS, type PeriodStats } from "@/lib/agents/agent-stats";
import type { MeTexts } from "./texts";

interface Props {
  periods: PeriodStats[];
  locale: Locale;
  /** "You" on one's own page, "Agent" on a manager's view. */
  self: boolean;
  t: MeTexts;
}

/** One card per period: each KPI's header (a catalogue link), the agent's number, the team's beside it. */
export function PeriodCards({ periods, locale, self, t }: Props) {
  return (
    <section className="grid gap-4 xl:grid-cols-3">
      {periods.map((p) => (
        <article key={p.period} data-testid="period-card" data-period={p.period} className="rounded-xl border-2 border-panel-edge bg-panel p-4">
          <h2 className="mb-1 text-lg font-bold">
            {t(`periods.${p.period}`)} <span className="text-sm font-normal text-ink-faint">{p.from === p.to ? p.from : `${p.from} → ${p.to}`}</span>
          </h2>
          <table className="w-full text-sm tabular-nums">
            <thead>
              <tr className="text-ink-faint">
                <th className="text-left font-normal" />
                <th className="text-right font-normal">{self ? t("you") : t("agent")}</th>
                <th className="text-right font-normal">{t("team")}</th>
              </tr>
            </thead>
            <tbody>
              {AGENT_KPIS.map((id) => {
                const def = definition(id);
                return (
                  <tr key={id} className="border-t border-panel-edge/60">
                    <th scope="row" className="py-1 text-left font-semibold text-ink-dim">
                      <KpiLink id={id}>{def.short[locale]}</KpiLink>
                    </th>
                    <td data-kpi={id} data-value={String(p.agent[id] ?? "")} className="py-1 text-right text-base font-bold">
                      {formatMetric(p.agent[id], def.unit, locale)}
                    </td>
                    <td data-team-kpi={id} data-value={String(p.team[id] ?? "")} className="py-1 text-right text-ink-dim">
                      {formatMetric(p.team[id], def.unit === "count" ? "number" : def.unit, locale)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p data-testid="team-note" className="mt-2 text-xs text-ink-faint">
            {p.queues.length > 0 ? t("teamNote", { queues: p.queues.join(", "), agents: p.teamAgents ?? 0 }) : t("noTeam")}
          </p>
        </article>
      ))}
    </section>
  );
}
