import { describeIssues } from "../../schema";
import { addEvents, emptyBatch, type AdapterBatch } from "./batch";
import { ctrSchema, type Ctr } from "./ctr-schema";
import { ctrEvents } from "./map-ctr";
import type { RecordItem } from "./records";

/**
 * Contact records to events. Connect delivers records at least once and again
 * when a contact changes; its docs say to keep, per ContactId, the copy with the
 * newest LastUpdateTimestamp. Within a batch only that copy is mapped (older
 * ones count as skipped); across batches, the deterministic ids make a repeated
 * record a duplicate and a newer one add what the older lacked (./map-ctr.ts).
 */
export function mapCtrRecords(records: readonly RecordItem[], now: number): AdapterBatch {
  const batch = emptyBatch();
  const newest = new Map<string, { index: number; ctr: Ctr }>();
  records.forEach((item, index) => {
    if (!item.ok) return void batch.rejected.push({ index, error: item.error });
    if (typeof item.value !== "object" || item.value === null || Array.isArray(item.value)) {
      return void batch.rejected.push({ index, error: "a contact record must be a JSON object" });
    }
    const parsed = ctrSchema.safeParse(item.value);
    if (!parsed.success) return void batch.rejected.push({ index, error: describeIssues(parsed.error.issues, item.value) });
    const kept = newest.get(parsed.data.ContactId);
    if (kept && updatedAt(kept.ctr) > updatedAt(parsed.data)) return void batch.skipped++;
    if (kept) batch.skipped++;
    newest.set(parsed.data.ContactId, { index, ctr: parsed.data });
  });
  for (const { index, ctr } of [...newest.values()].sort((a, b) => a.index - b.index)) {
    const events = ctrEvents(ctr);
    if ("skip" in events) batch.skipped++;
    else addEvents(batch, index, events, now);
  }
  batch.rejected.sort((a, b) => a.index - b.index);
  return batch;
}

const updatedAt = (ctr: Ctr) => ctr.LastUpdateTimestamp ?? -Infinity;
