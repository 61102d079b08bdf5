import type { ComparedReport } from "./compare";
import { rowCount, rowsBetween, withRows } from "./lazy-report";
import type { Report } from "./run-report";

/**
 * Exports in pieces. A 90-day report by queue at 15 minutes is 432,000 rows:
 * with every metric, ~470 MB of JSON and seconds of the server's time when
 * built at once — time during which the process that pushes the live
 * wallboards pushes nothing, and memory it holds twice (rows and text). Built
 * `EXPORT_CHUNK_ROWS` rows at a time, an export is streamed as it is made,
 * and the wallboards' pushes go out between two pieces.
 */
export const EXPORT_CHUNK_ROWS = 2000;

/** The report's JSON (CONTRACT §4) in pieces: their concatenation is `JSON.stringify(report)`. */
export function* jsonChunks(report: Report | ComparedReport, rowsPerChunk = EXPORT_CHUNK_ROWS): Generator<string> {
  // The report's properties in their order, `rows` written in place of a marker no value can hold.
  const marker = "\u0000rows\u0000";
  const [before, after] = JSON.stringify(withRows(report, marker)).split(JSON.stringify(marker)) as [string, string];
  yield `${before}[`;
  const total = rowCount(report);
  for (let start = 0; start < total; start += rowsPerChunk) {
    const rows = JSON.stringify(rowsBetween(report, start, start + rowsPerChunk)).slice(1, -1);
    yield start === 0 ? rows : `,${rows}`;
  }
  yield `]${after}`;
}

/**
 * The pieces as a byte stream (an HTTP body), one piece per read, each after a turn of the event loop so that
 * other work (pushes, requests) runs between them; `done` is called once, when the stream ends, fails or is
 * cancelled (the client went away).
 */
export function chunkStream(chunks: Iterator<string>, done: () => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    done();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        await new Promise((resolve) => setImmediate(resolve));
        try {
          const next = chunks.next();
          if (next.done) {
            finish();
            controller.close();
          } else controller.enqueue(encoder.encode(next.value));
        } catch (e) {
          finish();
          controller.error(e);
        }
      },
      cancel() {
        chunks.return?.(undefined);
        finish();
      },
    },
    { highWaterMark: 0 },
  );
}

/** The pieces joined, after a turn of the event loop before each (a scheduled export, written in the server). */
export async function joinChunks(chunks: Iterable<string>): Promise<string> {
  const parts: string[] = [];
  for (const chunk of chunks) {
    await new Promise((resolve) => setImmediate(resolve));
    parts.push(chunk);
  }
  return parts.join("");
}
