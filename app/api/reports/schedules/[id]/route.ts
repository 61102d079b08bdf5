import { guarded, readBody } from "@/lib/admin/http";
import { actorOf } from "@/lib/auth/audit";
import { canManageReportSchedules, reportFilter } from "@/lib/auth/permissions";
import { scheduleInput } from "@/lib/reports/schedules/schedule-input";
import { deleteSchedule, updateSchedule } from "@/lib/reports/schedules/store";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const PUT = guarded<Params>(canManageReportSchedules, async ({ req, principal, params, server }) => {
  const input = await readBody(req, scheduleInput);
  const schedule = await updateSchedule(server.database.db, params.id, input, reportFilter(principal)!.queues, actorOf(principal));
  return Response.json(schedule);
});

export const DELETE = guarded<Params>(canManageReportSchedules, async ({ principal, params, server }) => {
  await deleteSchedule(server.database.db, params.id, actorOf(principal));
  return new Response(null, { status: 204 });
});
