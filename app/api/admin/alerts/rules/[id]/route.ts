import { z } from "zod";
import { actorOf } from "@/lib/auth/audit";
import { canEditAlertRule, canManageAlerts, type Principal } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/http/errors";
import { guarded, readBody } from "@/lib/admin/http";
import { ruleInput } from "@/lib/alerts/rule";
import { deleteRule, getRule, setRuleEnabled, updateRule } from "@/lib/alerts/rules-store";
import type { ServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/** The stored rule, if the caller may change it (a rule on a scope they cannot see is "not found"). */
async function editable(principal: Principal, server: ServerContext, id: string) {
  const rule = await getRule(server.database.db, id);
  if (!rule || !canEditAlertRule(principal, rule.scope, { queuesOfAgent: server.queuesOfAgent })) throw notFound("no such alert rule");
  return rule;
}

/** Replaces a rule's definition; its alerts firing now clear unless only the name or severity changed. */
export const PUT = guarded<{ id: string }>(canManageAlerts, async ({ req, principal, params, server }) => {
  await editable(principal, server, params.id);
  const input = await readBody(req, ruleInput);
  if (!canEditAlertRule(principal, input.scope, { queuesOfAgent: server.queuesOfAgent })) throw forbidden("a rule may only watch a scope you may see");
  const rule = await updateRule(server.database.db, params.id, input, actorOf(principal));
  if (!rule) throw notFound("no such alert rule");
  await server.reloadAlertRules();
  return Response.json(rule);
});

const enabledBody = z.object({ enabled: z.boolean() }).strict();

/** Enables or disables a rule. */
export const PATCH = guarded<{ id: string }>(canManageAlerts, async ({ req, principal, params, server }) => {
  await editable(principal, server, params.id);
  const { enabled } = await readBody(req, enabledBody);
  const rule = await setRuleEnabled(server.database.db, params.id, enabled, actorOf(principal));
  if (!rule) throw notFound("no such alert rule");
  await server.reloadAlertRules();
  return Response.json(rule);
});

/** Deletes a rule; its history stays. */
export const DELETE = guarded<{ id: string }>(canManageAlerts, async ({ principal, params, server }) => {
  await editable(principal, server, params.id);
  if (!(await deleteRule(server.database.db, params.id, actorOf(principal)))) throw notFound("no such alert rule");
  await server.reloadAlertRules();
  return new Response(null, { status: 204 });
});
