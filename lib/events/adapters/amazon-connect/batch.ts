import { parseEvent } from "../../schema";

/** What a batch of records becomes: valid events, and an account of the rest. */
export interface AdapterBatch {
  /** CONTRACT §2 events, each already valid for `parseEvent` at `now`. */
  events: Record<string, unknown>[];
  /** The record index each event came from (same order as `events`). */
  sources: number[];
  /** Records (or one of their events) that could not be mapped, by record index. */
  rejected: { index: number; error: string }[];
  /** Records that deliberately give no event (see the docs' "not mapped"). */
  skipped: number;
}

export const emptyBatch = (): AdapterBatch => ({ events: [], sources: [], rejected: [], skipped: 0 });

/** Adds a record's events, keeping only those the ingest operation would accept. */
export function addEvents(batch: AdapterBatch, index: number, events: Record<string, unknown>[], now: number): void {
  for (const e of events) {
    const r = parseEvent(e, now);
    if (r.ok) {
      batch.events.push(e);
      batch.sources.push(index);
    } else {
      batch.rejected.push({ index, error: `${String(e.type)}: ${r.error}` });
    }
  }
}
