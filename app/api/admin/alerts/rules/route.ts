import { actorOf } from "@/lib/auth/audit";
import { canEditAlertRule, canManageAlerts } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/http/errors";
import { guarded, readBody } from "@/lib/admin/http";
import { ruleInput } from "@/lib/alerts/rule";
import { createRule, listRules } from "@/lib/alerts/rules-store";

export const dynamic = "force-dynamic";

/** The alert rules on scopes the caller may view. */
export const GET = guarded(canManageAlerts, async ({ principal, server }) => {
  const ctx = { queuesOfAgent: server.queuesOfAgent };
  const rules = (await listRules(server.database.db)).filter((r) => canEditAlertRule(principal, r.scope, ctx));
  return Response.json({ rules });
});

/** Creates a rule on a scope the caller may view; it is evaluated from the next second. */
export const POST = guarded(canManageAlerts, async ({ req, principal, server }) => {
  const input = await readBody(req, ruleInput);
  if (!canEditAlertRule(principal, input.scope, { queuesOfAgent: server.queuesOfAgent })) throw forbidden("a rule may only watch a scope you may see");
  const rule = await createRule(server.database.db, input, actorOf(principal));
  await server.reloadAlertRules();
  return Response.json(rule, { status: 201 });
});
