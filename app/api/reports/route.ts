import { canReadReports, reportFilter } from "@/lib/auth/permissions";
import { describeIssues } from "@/lib/events/schema";
import { releaseReport } from "@/lib/reports/computed-report";
import { reportCsv } from "@/lib/reports/csv";
import { reportConfig } from "@/lib/reports/report-config";
import { reportQuerySchema } from "@/lib/reports/report-query";
import { runMaybeCompared } from "@/lib/reports/run-compared";
import { ReportTooLargeError } from "@/lib/reports/run-report";
import { serverContext } from "@/lib/server/context";
import { guard } from "@/lib/server/http-guard";

export const dynamic = "force-dynamic";

/** CONTRACT §4: historical metrics from PostgreSQL, JSON or CSV, limited to what the reader may see (§6). */
export async function GET(req: Request) {
  const who = await guard(req, canReadReports);
  if (who instanceof Response) return who;
  const { compare, ...params } = Object.fromEntries(new URL(req.url).searchParams);
  if (compare !== undefined && compare !== "previous") {
    return Response.json({ error: `compare: must be previous (got "${compare.slice(0, 40)}")` }, { status: 400 });
  }
  const parsed = reportQuerySchema.safeParse(params);
  if (!parsed.success) return Response.json({ error: describeIssues(parsed.error.issues, params) }, { status: 400 });
  const query = parsed.data;
  const ctx = serverContext();
  const only = reportFilter(who.principal)!;
  // compare=previous: `<id>_previous` and `<id>_change` columns (JSON: `previous` and `change` per row).
  let report;
  try {
    report = await runMaybeCompared(ctx.database, query, await reportConfig(ctx.database, ctx.env), only, Date.now(), compare !== undefined);
  } catch (e) {
    if (e instanceof ReportTooLargeError) return Response.json({ error: e.message }, { status: 400 });
    throw e;
  }
  // Both answers are written here, at once: the report's sums then serve the next report.
  try {
    if (query.format === "csv") {
      return new Response(reportCsv(report, query.lang), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="vigie-${query.from}-${query.to}-${query.granularity}-${query.groupBy}.csv"`,
          "cache-control": "no-store",
        },
      });
    }
    return Response.json(report, { headers: { "cache-control": "no-store" } });
  } finally {
    releaseReport(report);
  }
}
