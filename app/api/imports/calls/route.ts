import { guarded } from "@/lib/admin/http";
import { actorOf, recordAudit } from "@/lib/auth/audit";
import { canImportEvents } from "@/lib/auth/permissions";
import { importCallChunk } from "@/lib/events/adapters/csv-calls/import-chunk";
import { ImportTally } from "@/lib/events/adapters/csv-calls/import-tally";
import { readChunkRequest } from "@/lib/events/adapters/csv-calls/read-chunk";
import { StorageUnavailableError } from "@/lib/http/errors";
import type { ServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/** One tally per process, auditing each import run once (`events.import`, target: the file name). */
let tally: ImportTally | undefined;
const tallyOf = (server: ServerContext) =>
  (tally ??= new ImportTally(async ({ fileName, actor, ...details }) => {
    await recordAudit(server.database.db, { actor, action: "events.import", target: fileName || null, details });
  }));

/**
 * One chunk of a historical calls CSV (lib/events/adapters/csv-calls/chunk-request.ts):
 * converted row by row with the mapping, then, unless `dryRun`, stored through
 * the ingest operation of `POST /api/events` before the answer.
 */
export const POST = guarded(canImportEvents, async ({ req, principal, server }) => {
  if (!server.accepting()) throw new StorageUnavailableError();
  const body = await readChunkRequest(req);
  const report = await importCallChunk({ ingest: server.ingest, now: Date.now }, body);
  if (!body.dryRun) {
    const run = { importId: body.importId, actor: actorOf(principal), fileName: body.fileName };
    await tallyOf(server).add(run, report, { final: body.final, cancelled: body.cancelled });
  }
  return Response.json(report);
});
