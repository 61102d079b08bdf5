import { agentIdParam } from "@/lib/agents/agent-id";
import { agentPage } from "@/lib/agents/agent-page";
import { canViewAgentPage } from "@/lib/auth/agent-page-permission";
import { reportConfig } from "@/lib/reports/report-config";
import { serverContext } from "@/lib/server/context";
import { guard, refuse } from "@/lib/server/http-guard";

export const dynamic = "force-dynamic";

/**
 * `GET /api/agents/<id>/stats`: the agent page as JSON (periods with the
 * agent's and the team's KPIs, today's state timeline, this month's surveys).
 * Same check as the page (`canViewAgentPage`): another agent gets 403.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const agentId = agentIdParam((await params).id);
  if (!agentId) return refuse(400, "id: an agent id of 1 to 200 characters");
  const ctx = serverContext();
  const who = await guard(req, (p) => canViewAgentPage(p, agentId, { queuesOfAgent: ctx.queuesOfAgent }));
  if (who instanceof Response) return who;
  const page = await agentPage(ctx.database, await reportConfig(ctx.database, ctx.env), agentId, Date.now());
  return Response.json(page, { headers: { "cache-control": "no-store" } });
}
