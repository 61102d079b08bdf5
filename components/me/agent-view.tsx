import type { Locale } from "@/lib/i18n/config";
import type { AgentPage } from "@/lib/agents/agent-page";
import { PeriodCards } from "./period-cards";
import { StateTimeline } from "./state-timeline";
import { SurveyList } from "./survey-list";
import { meTexts } from "./texts";

/** An agent's page: period cards beside the team, today's states, this month's surveys. `self` on `/me`. */
export function AgentView({ page, locale, self }: { page: AgentPage; locale: Locale; self: boolean }) {
  const t = meTexts(locale);
  return (
    <div className="flex flex-col gap-5" data-testid="agent-view" data-agent={page.agentId}>
      <p className="max-w-4xl text-sm text-ink-dim">{t("intro", { timeZone: page.timeZone })}</p>
      <PeriodCards periods={page.periods} locale={locale} self={self} t={t} />
      <StateTimeline timeline={page.timeline} locale={locale} timeZone={page.timeZone} t={t} />
      <SurveyList surveys={page.surveys} locale={locale} timeZone={page.timeZone} t={t} />
    </div>
  );
}
