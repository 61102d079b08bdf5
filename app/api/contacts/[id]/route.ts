import { guarded } from "@/lib/admin/http";
import { canReadReports, reportFilter } from "@/lib/auth/permissions";
import { notFound } from "@/lib/http/errors";
import { contactTimeline } from "@/lib/reports/contact-timeline";
import { reportConfig } from "@/lib/reports/report-config";

export const dynamic = "force-dynamic";

/** `GET /api/contacts/<id>`: the contact's events in time order and its derived state; 404 when absent or not the reader's. */
export const GET = guarded<{ id: string }>(canReadReports, async ({ principal, params, server }) => {
  const config = await reportConfig(server.database, server.env);
  const timeline = await contactTimeline(server.database, params.id, config, reportFilter(principal)!);
  if (!timeline) throw notFound("no such contact");
  return Response.json(timeline);
});
