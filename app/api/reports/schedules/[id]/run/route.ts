import { guarded } from "@/lib/admin/http";
import { actorOf, recordAudit } from "@/lib/auth/audit";
import { canManageReportSchedules } from "@/lib/auth/permissions";
import { ScheduleNotFoundError } from "@/lib/reports/schedules/store";

export const dynamic = "force-dynamic";

/** "Run now": the report of today's period, delivered at once; answers the outcome. */
export const POST = guarded<{ id: string }>(canManageReportSchedules, async ({ principal, params, server }) => {
  const outcome = await server.runReportSchedule(params.id);
  if (!outcome) throw new ScheduleNotFoundError(params.id);
  await recordAudit(server.database.db, { actor: actorOf(principal), action: "reportSchedule.run", target: params.id, details: { status: outcome.status } });
  return Response.json(outcome);
});
