import { canViewAgent, type PermissionContext, type Principal } from "./permissions";

/**
 * May `p` open the page of agent `agentId` (`/agents/<id>`, its API)? The agent
 * themself (a signed-in user linked to that agentId); admins; managers and
 * supervisors over the whole centre, or limited to queues when the agent
 * currently serves one of them (`ctx.queuesOfAgent`); manager and supervisor
 * keys likewise. Never another agent, nor a kiosk link (live boards only).
 */
export function canViewAgentPage(p: Principal | null | undefined, agentId: string, ctx: PermissionContext = {}): boolean {
  if (!p || p.kind === "kiosk" || agentId.length === 0) return false;
  return canViewAgent(p, agentId, ctx);
}
