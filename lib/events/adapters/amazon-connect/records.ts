import { z } from "zod";
import type { BodyItem } from "../../../ingest/parse-body";

/**
 * The records of a request body. Besides records posted as they are (one JSON
 * object, an array, NDJSON), a body may be a batch as AWS hands it over, so a
 * forwarder can post what it received unchanged:
 * - a Lambda event from Kinesis Data Streams: `{"Records": [{"kinesis": {"data": "<base64>"}}]}`;
 * - an Amazon Data Firehose HTTP-endpoint request: `{"requestId", "timestamp", "records": [{"data": "<base64>"}]}`.
 * Each base64 payload holds one record as JSON (or several, one per line).
 * A record's index is its position among all the records of the body.
 */

export type RecordItem = { ok: true; value: unknown } | { ok: false; error: string };

const kinesisEvent = z.object({ Records: z.array(z.object({ kinesis: z.object({ data: z.string() }) })).min(1) });
const firehoseRequest = z.object({ records: z.array(z.object({ data: z.string() })), requestId: z.string().optional() });

export function expandRecords(items: readonly BodyItem[]): RecordItem[] {
  const out: RecordItem[] = [];
  for (const item of items) {
    if (!item.ok) {
      out.push(item);
      continue;
    }
    const kinesis = kinesisEvent.safeParse(item.value);
    const firehose = kinesis.success ? undefined : firehoseRequest.safeParse(item.value);
    const payloads = kinesis.success
      ? kinesis.data.Records.map((r) => r.kinesis.data)
      : firehose?.success
        ? firehose.data.records.map((r) => r.data)
        : undefined;
    if (payloads) for (const data of payloads) out.push(...decode(data));
    else out.push(item);
  }
  return out;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decode(data: string): RecordItem[] {
  const compact = data.replace(/\s+/g, "");
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return [{ ok: false, error: "data: is not base64" }];
  const text = Buffer.from(compact, "base64").toString("utf8");
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  if (lines.length === 0) return [{ ok: false, error: "data: is empty" }];
  try {
    return [{ ok: true, value: JSON.parse(text) }];
  } catch {
    return lines.map((line) => {
      try {
        return { ok: true, value: JSON.parse(line) as unknown };
      } catch (e) {
        return { ok: false, error: `data: invalid JSON: ${(e as Error).message}` };
      }
    });
  }
}
