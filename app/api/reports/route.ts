import { canReadReports, reportFilter } from "@/lib/auth/permissions";
import { describeIssues } from "@/lib/events/schema";
import { releaseReport } from "@/lib/reports/lazy-report";
import { csvChunks } from "@/lib/reports/csv";
import { chunkStream, jsonChunks } from "@/lib/reports/export-chunks";
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
  // Streamed as written, a few thousand rows at a time (lib/reports/export-chunks.ts); the report's sums serve the
  // next report once the answer is written, or the client gone.
  const csv = query.format === "csv";
  const body = chunkStream(csv ? csvChunks(report, query.lang) : jsonChunks(report), () => releaseReport(report));
  return new Response(body, {
    headers: {
      "content-type": csv ? "text/csv; charset=utf-8" : "application/json",
      ...(csv && { "content-disposition": `attachment; filename="vigie-${query.from}-${query.to}-${query.granularity}-${query.groupBy}.csv"` }),
      "cache-control": "no-store",
    },
  });
}
