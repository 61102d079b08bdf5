import { z } from "zod";

/** CONTRACT §2's answer to POST /api/events. */
const answerSchema = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), error: z.string() })),
});
export type SendResult = z.infer<typeof answerSchema>;

/** The server will not take this batch as it is configured: retrying cannot help. */
export class FatalSendError extends Error {}

export interface SendOptions {
  url: string;
  key: string;
  /** Stops the retries (not a request in flight). */
  signal: AbortSignal;
  /** Waits before a retry: 0.5 s, doubling, at most this. */
  maxBackoffMs?: number;
  requestTimeoutMs?: number;
  onRetry?: (attempt: number, reason: string, waitMs: number) => void;
  fetch?: typeof fetch;
}

/**
 * Posts events as NDJSON to POST /api/events until the server acknowledges
 * them (every accepted event durably stored). Retries, with backoff, whatever
 * leaves the outcome unknown or transient: network errors, 5xx, 429. A 413
 * splits the batch. Returns null when stopped before an acknowledgement.
 */
export async function sendEvents(events: readonly object[], opts: SendOptions): Promise<SendResult | null> {
  if (events.length === 0) return { accepted: 0, duplicates: 0, rejected: [] };
  const doFetch = opts.fetch ?? fetch;
  const body = events.map((e) => JSON.stringify(e)).join("\n") + "\n";
  for (let attempt = 1; ; attempt++) {
    if (opts.signal.aborted) return null;
    let reason: string;
    let retryAfterMs: number | undefined;
    try {
      const res = await doFetch(new URL("/api/events", opts.url), {
        method: "POST",
        headers: { authorization: `Bearer ${opts.key}`, "content-type": "application/x-ndjson" },
        body,
        // A stop request lets the request in flight finish, so its answer can be recorded.
        signal: AbortSignal.timeout(opts.requestTimeoutMs ?? 60_000),
      });
      const text = await res.text();
      if (res.status === 202) return answerSchema.parse(JSON.parse(text));
      if (res.status === 413 && events.length > 1) return await sendHalves(events, opts);
      if (res.status < 500 && res.status !== 429 && res.status !== 408) {
        throw new FatalSendError(`POST /api/events answered ${res.status}: ${text.slice(0, 200)}`);
      }
      reason = `HTTP ${res.status}`;
      const ra = Number(res.headers.get("retry-after"));
      if (Number.isFinite(ra) && ra > 0) retryAfterMs = Math.min(ra * 1000, 60_000);
    } catch (e) {
      if (e instanceof FatalSendError) throw e;
      reason = (e as Error).message;
    }
    const backoff = Math.min(500 * 2 ** (attempt - 1), opts.maxBackoffMs ?? 30_000);
    const wait = retryAfterMs ?? Math.round(backoff * (0.8 + Math.random() * 0.4));
    opts.onRetry?.(attempt, reason, wait);
    if (!(await sleep(wait, opts.signal))) return null;
  }
}

async function sendHalves(events: readonly object[], opts: SendOptions): Promise<SendResult | null> {
  const mid = Math.ceil(events.length / 2);
  const a = await sendEvents(events.slice(0, mid), opts);
  if (!a) return null;
  const b = await sendEvents(events.slice(mid), opts);
  if (!b) return null;
  return {
    accepted: a.accepted + b.accepted,
    duplicates: a.duplicates + b.duplicates,
    rejected: [...a.rejected, ...b.rejected.map((r) => ({ ...r, index: r.index + mid }))],
  };
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", done);
      resolve(true);
    }, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
