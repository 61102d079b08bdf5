import { describeIssues } from "../../schema";
import { agentEventSchema } from "./agent-event-schema";
import { addEvents, emptyBatch, type AdapterBatch } from "./batch";
import { agentEventEvents } from "./map-agent-event";
import type { RecordItem } from "./records";

/** Agent event stream records to events (./map-agent-event.ts); pure. */
export function mapAgentEventRecords(records: readonly RecordItem[], now: number): AdapterBatch {
  const batch = emptyBatch();
  records.forEach((item, index) => {
    if (!item.ok) return void batch.rejected.push({ index, error: item.error });
    if (typeof item.value !== "object" || item.value === null || Array.isArray(item.value)) {
      return void batch.rejected.push({ index, error: "an agent event must be a JSON object" });
    }
    const parsed = agentEventSchema.safeParse(item.value);
    if (!parsed.success) return void batch.rejected.push({ index, error: describeIssues(parsed.error.issues, item.value) });
    const events = agentEventEvents(parsed.data);
    if ("skip" in events) batch.skipped++;
    else if ("error" in events) batch.rejected.push({ index, error: events.error });
    else addEvents(batch, index, events, now);
  });
  return batch;
}
