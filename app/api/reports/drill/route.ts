import { guarded } from "@/lib/admin/http";
import { canReadReports, reportFilter } from "@/lib/auth/permissions";
import { notFound } from "@/lib/http/errors";
import { drillDown, drillQuerySchema } from "@/lib/reports/drill-down";
import { reportConfig } from "@/lib/reports/report-config";

export const dynamic = "force-dynamic";

/**
 * `GET /api/reports/drill?from&to&granularity&groupBy&bucket&key&metric&offset&limit`:
 * the contacts (cases, records, survey answers) behind one cell of `GET /api/reports`,
 * with their part of the metric's figures, summing to the cell; within the reader's limits.
 */
export const GET = guarded(canReadReports, async ({ req, principal, server }) => {
  const query = drillQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const only = reportFilter(principal)!;
  const drill = await drillDown(server.database, query, await reportConfig(server.database, server.env), only, Date.now());
  if (!drill) throw notFound("no such report cell");
  return Response.json(drill);
});
