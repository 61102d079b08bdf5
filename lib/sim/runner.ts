import { randomInt } from "node:crypto";
import { createSimulation, type WireEvent } from "./engine";
import { DEMO_PROFILE, type CenterProfile } from "./profile";

/**
 * Drives the simulation with the wall clock and posts its events to a Vigie
 * server: first a backfill as fast as the server takes it, then every tick.
 * Batches go out one at a time, in order; a batch the server did not
 * acknowledge is retried before anything newer is sent, so no event is lost or
 * reordered (ingest is idempotent on event id, so resending is safe).
 */

export interface SimulatorOptions {
  /** Where the Vigie server listens, e.g. http://127.0.0.1:3000. */
  baseUrl: string;
  ingestKey: string;
  /** Default: a random seed, logged so that a run can be reproduced. */
  seed?: number;
  /** The center's IANA zone (VIGIE_TIMEZONE), which shapes the day's traffic. */
  timeZone: string;
  /** Epoch ms: simulate from there to now first. Default: start now, with no history. */
  backfillFrom?: number;
  rateScale?: number;
  log?: (line: string) => void;
  profile?: CenterProfile;
  /** For tests. */
  fetch?: typeof fetch;
}

export interface Simulator {
  /** Sends what has been simulated up to now, then resolves. */
  stop(): Promise<void>;
}

const MAX_BATCH = 1000;
const TICK_MS = 250;
const BACKFILL_STEP_MS = 5 * 60_000;
const REQUEST_TIMEOUT_MS = 30_000;
const MAX_BACKOFF_MS = 5_000;
/** After stop(), how long an unreachable server may keep the last batches waiting. */
const STOP_GRACE_MS = 10_000;
const SUMMARY_EVERY_MS = 60_000;

export function startSimulator(options: SimulatorOptions): Simulator {
  const log = options.log ?? ((line: string) => console.log(`[simulate] ${line}`));
  const seed = options.seed ?? randomInt(2 ** 31);
  const startAt = Math.min(options.backfillFrom ?? Date.now(), Date.now());
  const sim = createSimulation({
    seed,
    profile: options.profile ?? DEMO_PROFILE,
    startAt,
    timeZone: options.timeZone,
    rateScale: options.rateScale,
  });
  let stopping = false;
  let stoppedAt = 0;
  const stopSignal = new AbortController();
  const sender = createSender({
    url: `${options.baseUrl.replace(/\/+$/, "")}/api/events`,
    ingestKey: options.ingestKey,
    fetch: options.fetch ?? fetch,
    log,
    giveUp: () => stopping && Date.now() - stoppedAt > STOP_GRACE_MS,
  });
  log(`seed ${seed}, ${options.timeZone}, from ${new Date(startAt).toISOString()}, rate × ${options.rateScale ?? 1}`);

  async function run(): Promise<void> {
    // Backfill: advance in steps, post full batches as they fill, until caught up with the clock.
    let pending: WireEvent[] = [];
    while (!stopping && sim.now < Date.now() - TICK_MS) {
      pending.push(...sim.advanceTo(Math.min(Date.now(), sim.now + BACKFILL_STEP_MS)));
      while (pending.length >= MAX_BATCH) await sender.send(pending.splice(0, MAX_BATCH));
    }
    await sender.send(pending);
    pending = [];
    if (options.backfillFrom !== undefined && !stopping) log(`backfill done: ${sender.totals()}`);

    // Live: a stop cuts the pause short, and the last round sends what happened up to that moment.
    let summaryAt = Date.now() + SUMMARY_EVERY_MS;
    while (!stopping) {
      await pause(TICK_MS, stopSignal.signal);
      await sender.send(sim.advanceTo(Date.now()));
      if (Date.now() >= summaryAt) {
        log(sender.totals());
        summaryAt += SUMMARY_EVERY_MS;
      }
    }
    log(`stopped: ${sender.totals()}`);
  }

  const done = run().catch((err: unknown) => log(`simulator failed: ${err instanceof Error ? err.stack : String(err)}`));
  return {
    stop() {
      if (!stopping) {
        stopping = true;
        stoppedAt = Date.now();
        stopSignal.abort();
      }
      return done;
    },
  };
}

interface SenderOptions {
  url: string;
  ingestKey: string;
  fetch: typeof fetch;
  log: (line: string) => void;
  /** Checked between attempts: true drops the batch instead of retrying. */
  giveUp: () => boolean;
}

interface IngestAnswer {
  accepted?: number;
  duplicates?: number;
  rejected?: { index: number; error: string }[];
}

function createSender({ url, ingestKey, fetch, log, giveUp }: SenderOptions) {
  const headers = { "Content-Type": "application/x-ndjson", Authorization: `Bearer ${ingestKey}` };
  const totals = { accepted: 0, duplicates: 0, rejected: 0, dropped: 0 };

  async function post(batch: WireEvent[]): Promise<void> {
    const body = batch.map((e) => JSON.stringify(e)).join("\n") + "\n";
    for (let attempt = 0; ; attempt++) {
      let failure: string;
      try {
        const res = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        if (res.status === 202) return record(batch, await answerOf(res));
        failure = `${res.status} ${await errorOf(res)}`;
        // 429 is a 4xx but means "later", not "never": dropping would lose data.
        if (res.status < 500 && res.status !== 429) {
          totals.dropped += batch.length;
          log(`dropped a batch of ${batch.length} events: ${failure}`);
          return;
        }
      } catch (err) {
        failure = describe(err);
      }
      if (giveUp()) {
        totals.dropped += batch.length;
        log(`gave up on a batch of ${batch.length} events after stop: ${failure}`);
        return;
      }
      const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** attempt);
      if (attempt === 0 || delay === MAX_BACKOFF_MS) log(`POST /api/events failed (${failure}), retrying in ${delay} ms`);
      await pause(delay);
    }
  }

  function record(batch: WireEvent[], answer: IngestAnswer): void {
    if (typeof answer.accepted !== "number") log(`202 with an unexpected body for a batch of ${batch.length} events`);
    totals.accepted += answer.accepted ?? 0;
    totals.duplicates += answer.duplicates ?? 0;
    for (const { index, error } of answer.rejected ?? []) {
      totals.rejected++;
      const e = batch[index];
      log(`rejected ${e ? `${e.type} ${e.id}` : `item ${index}`}: ${error}`);
    }
  }

  return {
    async send(events: WireEvent[]): Promise<void> {
      for (let i = 0; i < events.length; i += MAX_BATCH) await post(events.slice(i, i + MAX_BATCH));
    },
    totals: () =>
      `${totals.accepted} accepted, ${totals.duplicates} duplicates, ${totals.rejected} rejected, ${totals.dropped} dropped`,
  };
}

/** The events are stored once the server says 202, whatever the body: never resend them. */
async function answerOf(res: Response): Promise<IngestAnswer> {
  try {
    return (await res.json()) as IngestAnswer;
  } catch {
    return {};
  }
}

async function errorOf(res: Response): Promise<string> {
  const text = await res.text().catch(() => "");
  try {
    const body = JSON.parse(text) as { error?: unknown };
    if (typeof body.error === "string") return body.error;
  } catch {
    // not JSON: show the text as it is
  }
  return text.slice(0, 200) || res.statusText;
}

/** fetch hides the network reason (refused, reset, timeout…) in `cause`. */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : "";
  return `${err.message}${cause}`;
}

/** Resolves after `ms`, or as soon as `signal` aborts. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
