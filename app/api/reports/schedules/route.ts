import { guarded, readBody } from "@/lib/admin/http";
import { actorOf } from "@/lib/auth/audit";
import { canManageReportSchedules, reportFilter } from "@/lib/auth/permissions";
import { scheduleInput } from "@/lib/reports/schedules/schedule-input";
import { createSchedule, listSchedules } from "@/lib/reports/schedules/store";

export const dynamic = "force-dynamic";

/** The report schedules, with the outcome of their last run (never their secret). */
export const GET = guarded(canManageReportSchedules, async ({ server }) => {
  return Response.json({ schedules: await listSchedules(server.database.db) });
});

/** Creates a schedule limited to what its creator may read; the answer shows its webhook secret, once. */
export const POST = guarded(canManageReportSchedules, async ({ req, principal, server }) => {
  const input = await readBody(req, scheduleInput);
  const schedule = await createSchedule(server.database.db, input, reportFilter(principal)!.queues, actorOf(principal));
  return Response.json(schedule, { status: 201 });
});
