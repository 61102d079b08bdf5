import type { Metadata } from "next";
import { AgentView } from "@/components/me/agent-view";
import { meLinks } from "@/components/me/me-links";
import { MeShell } from "@/components/me/me-shell";
import { meTexts } from "@/components/me/texts";
import { requirePage } from "@/lib/admin/page-access";
import { agentPage } from "@/lib/agents/agent-page";
import { canReadCatalogue, canViewOwnStats } from "@/lib/auth/permissions";
import { getLocale } from "@/lib/i18n/locale";
import { reportConfig } from "@/lib/reports/report-config";
import { serverContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: meTexts(await getLocale())("title") };
}

/**
 * `/me` (CONTRACT §5): the signed-in user's own statistics, when an admin has
 * linked their account to an agentId; otherwise a message saying so. Any
 * signed-in user may open it; keys and kiosk links may not (they are nobody).
 */
export default async function MePage() {
  const principal = await requirePage("/me", canReadCatalogue);
  const locale = await getLocale();
  const t = meTexts(locale);
  const agentId = canViewOwnStats(principal) && principal.kind === "user" ? principal.agentId : null;
  let content = (
    <p role="status" data-testid="no-agent" className="max-w-3xl rounded-xl border-2 border-panel-edge bg-panel p-4">
      {t("noAgent")}
    </p>
  );
  if (agentId) {
    const { database, env } = serverContext();
    const page = await agentPage(database, await reportConfig(database, env), agentId, Date.now());
    content = <AgentView page={page} locale={locale} self />;
  }
  return (
    <MeShell title={t("title")} links={meLinks(principal, locale)}>
      {content}
    </MeShell>
  );
}
