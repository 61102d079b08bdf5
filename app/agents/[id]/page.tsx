import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AgentView } from "@/components/me/agent-view";
import { meLinks } from "@/components/me/me-links";
import { MeShell } from "@/components/me/me-shell";
import { meTexts } from "@/components/me/texts";
import { requirePage } from "@/lib/admin/page-access";
import { agentIdParam } from "@/lib/agents/agent-id";
import { agentPage } from "@/lib/agents/agent-page";
import { canViewAgentPage } from "@/lib/auth/agent-page-permission";
import { getLocale } from "@/lib/i18n/locale";
import { reportConfig } from "@/lib/reports/report-config";
import { serverContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: meTexts(await getLocale())("titleOf", { agentId: agentIdParam((await params).id) ?? "" }) };
}

/**
 * `/agents/<id>`: the agent page of any agent, for those `canViewAgentPage`
 * lets in (the agent themself, admins, managers and supervisors within their
 * queues); anyone else gets a 404, so other agents' pages are not advertised.
 */
export default async function AgentPageRoute({ params }: Props) {
  const agentId = agentIdParam((await params).id);
  if (!agentId) notFound();
  const { database, env, queuesOfAgent } = serverContext();
  const principal = await requirePage(`/agents/${encodeURIComponent(agentId)}`, (p) => canViewAgentPage(p, agentId, { queuesOfAgent }));
  const locale = await getLocale();
  const self = principal.kind === "user" && principal.agentId === agentId;
  const page = await agentPage(database, await reportConfig(database, env), agentId, Date.now());
  return (
    <MeShell title={self ? meTexts(locale)("title") : meTexts(locale)("titleOf", { agentId })} links={meLinks(principal, locale)}>
      <AgentView page={page} locale={locale} self={self} />
    </MeShell>
  );
}
