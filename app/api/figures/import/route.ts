import { z } from "zod";
import { actorOf } from "@/lib/auth/audit";
import { canEditFigures } from "@/lib/auth/permissions";
import { guarded } from "@/lib/admin/http";
import { importFiguresCsv } from "@/lib/figures/import";
import { readCsvBody } from "@/lib/figures/read-csv-body";

export const dynamic = "force-dynamic";

const query = z.object({ dryRun: z.enum(["0", "1", "true", "false"]).default("0") });

/**
 * A figures CSV as `text/csv` (or `text/plain`), or as the `file` field of a
 * multipart form; `?dryRun=1` reports without writing. Rejected rows and cells
 * are in the report; the valid ones are written.
 */
export const POST = guarded(canEditFigures, async ({ req, principal, server }) => {
  const { dryRun } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  const csv = await readCsvBody(req);
  const report = await importFiguresCsv(server.database.db, csv, { actor: actorOf(principal), dryRun: dryRun === "1" || dryRun === "true" });
  return Response.json(report);
});
