import { parseEvent, type VigieEvent } from "../events/schema";
import { retentionHorizon, tooOldError } from "../retention/horizon";
import type { EventRow, EventWriter } from "./event-writer";
import type { BodyItem } from "./parse-body";

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: { index: number; error: string }[];
}

export interface IngestDeps {
  writer: EventWriter;
  /** Receives the newly stored events, after they are committed. */
  onStored: (events: VigieEvent[]) => void;
  now: () => number;
  /**
   * VIGIE_EVENTS_RETENTION_MONTHS: an event dated before the retention horizon
   * is refused, since its month is (or is about to be) dropped — a late resend
   * of a dropped event must not come back as new. Unset: no limit.
   */
  retentionMonths?: number;
}

/**
 * The ingest operation (CONTRACT §2): validates each item, stores the valid
 * ones durably, and reports per item. Resolves only after the commit; throws
 * (nothing acknowledged) when storage fails.
 */
export async function ingestItems(deps: IngestDeps, items: BodyItem[]): Promise<IngestResult> {
  const now = deps.now();
  const horizon = deps.retentionMonths === undefined ? -Infinity : retentionHorizon(now, deps.retentionMonths);
  const rejected: IngestResult["rejected"] = [];
  const rows: EventRow[] = [];
  const ids = new Set<string>();
  let duplicates = 0;
  items.forEach((item, index) => {
    if (!item.ok) return void rejected.push({ index, error: item.error });
    const r = parseEvent(item.value, now);
    if (!r.ok) return void rejected.push({ index, error: r.error });
    if (r.event.at < horizon) return void rejected.push({ index, error: tooOldError(deps.retentionMonths!, horizon) });
    if (ids.has(r.event.id)) return void duplicates++;
    ids.add(r.event.id);
    rows.push({ event: r.event, payload: r.payload });
  });
  const inserted = await deps.writer.write(rows);
  const stored = rows.filter((r) => inserted.has(r.event.id)).map((r) => r.event);
  if (stored.length > 0) deps.onStored(stored);
  return { accepted: stored.length, duplicates: duplicates + rows.length - stored.length, rejected };
}
