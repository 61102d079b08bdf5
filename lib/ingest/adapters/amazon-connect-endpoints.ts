import { mapAgentEventRecords } from "../../events/adapters/amazon-connect/agent-batch";
import type { AdapterBatch } from "../../events/adapters/amazon-connect/batch";
import { mapCtrRecords } from "../../events/adapters/amazon-connect/ctr-batch";
import { expandRecords, type RecordItem } from "../../events/adapters/amazon-connect/records";
import type { AdapterContext, AdapterEndpoint, AdapterRequest } from "../adapter-http";
import { bodyFormat, parseBody } from "../parse-body";

/**
 * Amazon Connect's two streams (docs/integrations/amazon-connect.md), each
 * posted with an ingest key by a forwarder (a Lambda on the Kinesis stream):
 * one record, an array, NDJSON, or the Kinesis/Firehose batch as received.
 * Answers 202 {accepted, duplicates, rejected, skipped} like POST /api/events;
 * `accepted`/`duplicates` count Vigie events (a record gives several),
 * `rejected` and `skipped` count records, by their index in the body.
 */
export const amazonConnectCtrEndpoint: AdapterEndpoint = {
  path: "/api/ingest/amazon-connect/ctr",
  auth: "bearer",
  handle: (req, ctx) => ingestRecords(req, ctx, mapCtrRecords),
};

export const amazonConnectAgentEventsEndpoint: AdapterEndpoint = {
  path: "/api/ingest/amazon-connect/agent-events",
  auth: "bearer",
  handle: (req, ctx) => ingestRecords(req, ctx, mapAgentEventRecords),
};

type Mapper = (records: readonly RecordItem[], now: number) => AdapterBatch;

async function ingestRecords(req: AdapterRequest, ctx: AdapterContext, map: Mapper) {
  const items = parseBody(bodyFormat(req.headers["content-type"]), req.body);
  const batch = map(expandRecords(items), Date.now());
  const result = await ctx.ingest(batch.events.map((value) => ({ ok: true, value })));
  const rejected = [...batch.rejected, ...result.rejected.map((r) => ({ index: batch.sources[r.index]!, error: r.error }))];
  rejected.sort((a, b) => a.index - b.index);
  return { status: 202, body: { accepted: result.accepted, duplicates: result.duplicates, rejected, skipped: batch.skipped } };
}
