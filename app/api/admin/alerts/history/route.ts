import { z } from "zod";
import { canManageAlerts, canViewScope } from "@/lib/auth/permissions";
import { guarded, ValidationError } from "@/lib/admin/http";
import { listAlertHistory } from "@/lib/alerts/history";

export const dynamic = "force-dynamic";

const query = z.object({
  ruleId: z.string().min(1).max(200).optional(),
  open: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  from: z.iso.datetime({ offset: true }).transform((s) => new Date(s)).optional(),
  to: z.iso.datetime({ offset: true }).transform((s) => new Date(s)).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/** The alert history, newest first, of the scopes the caller may view: `?ruleId=&open=&from=&to=&before=&limit=`. */
export const GET = guarded(canManageAlerts, async ({ req, principal, server }) => {
  const parsed = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationError(String(issue.path[0] ?? "query"), issue.message);
  }
  const ctx = { queuesOfAgent: server.queuesOfAgent };
  const page = await listAlertHistory(server.database.db, { ...parsed.data, visible: (e) => canViewScope(principal, e.scope, ctx) });
  return Response.json(page);
});
