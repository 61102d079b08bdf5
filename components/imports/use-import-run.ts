"use client";

import { useCallback, useRef, useState } from "react";
import type { CsvRecord } from "@/lib/csv/parse";
import { CHUNK_ROWS, type ChunkRequestInput } from "@/lib/events/adapters/csv-calls/chunk-request";
import type { ChunkReport } from "@/lib/events/adapters/csv-calls/import-chunk";
import type { CallMapping } from "@/lib/events/adapters/csv-calls/mapping";
import type { RowRejection } from "@/lib/events/adapters/csv-calls/row-to-events";

/**
 * Sends a file's rows to `POST /api/imports/calls` chunk after chunk; the bar
 * moves when a chunk is acknowledged (stored, for a real run). A stop request
 * takes effect after the chunk in flight. A chunk refused with 503 or lost on
 * the network is sent again (a chunk is idempotent: ids are deterministic).
 */

export interface RunTotals {
  dryRun: boolean;
  total: number;
  /** Rows acknowledged so far. */
  done: number;
  accepted: number;
  duplicates: number;
  wouldAccept: number;
  rejected: RowRejection[];
  status: "running" | "done" | "cancelled" | "failed";
  error?: string;
}

export interface RunInput {
  fileName: string;
  mapping: CallMapping;
  header: string[];
  rows: CsvRecord[];
  dryRun: boolean;
}

const RETRIES = [1000, 2000, 4000];
/** Well under the route's MAX_CHUNK_BYTES, whatever the width of the rows. */
const CHUNK_CHARS = 2_000_000;

/** Where the chunk starting at `from` ends: CHUNK_ROWS rows, fewer when they are wide. */
function chunkEnd(rows: readonly CsvRecord[], from: number): number {
  let chars = 0;
  let i = from;
  while (i < rows.length && i - from < CHUNK_ROWS) {
    chars += rows[i]!.cells.reduce((n, c) => n + c.length + 3, 16);
    if (chars > CHUNK_CHARS && i > from) break;
    i++;
  }
  return i;
}

/** An id for the run; `crypto.randomUUID` exists only on HTTPS or localhost. */
function runId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `run-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

class ChunkRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function send(body: ChunkRequestInput): Promise<ChunkReport> {
  for (let attempt = 0; ; attempt++) {
    let res: Response | null = null;
    try {
      res = await fetch("/api/imports/calls", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    } catch {
      res = null; // network: try again
    }
    if (res?.ok) return (await res.json()) as ChunkReport;
    if (res && res.status !== 503) {
      const json = (await res.json().catch(() => null)) as { error?: string } | null;
      throw new ChunkRefused(res.status, json?.error ?? String(res.status));
    }
    if (attempt >= RETRIES.length) throw new ChunkRefused(res?.status ?? 0, res ? "storage unavailable" : "network");
    await new Promise((r) => setTimeout(r, RETRIES[attempt]));
  }
}

export function useImportRun() {
  const [totals, setTotals] = useState<RunTotals | null>(null);
  const [stopping, setStopping] = useState(false);
  const stopRef = useRef(false);

  const start = useCallback(async (input: RunInput) => {
    stopRef.current = false;
    setStopping(false);
    const importId = runId();
    let t: RunTotals = { dryRun: input.dryRun, total: input.rows.length, done: 0, accepted: 0, duplicates: 0, wouldAccept: 0, rejected: [], status: "running" };
    setTotals(t);
    const base = { importId, fileName: input.fileName.slice(0, 300), mapping: input.mapping, header: input.header, dryRun: input.dryRun };
    try {
      for (let i = 0; i < input.rows.length; ) {
        const end = chunkEnd(input.rows, i);
        const rows = input.rows.slice(i, end);
        i = end;
        const final = end >= input.rows.length;
        const r = await send({ ...base, rows: rows.map((row) => ({ line: row.line, cells: row.cells })), final });
        t = {
          ...t,
          done: t.done + r.rows,
          accepted: t.accepted + r.accepted,
          duplicates: t.duplicates + r.duplicates,
          wouldAccept: t.wouldAccept + r.wouldAccept,
          rejected: r.rejected.length > 0 ? [...t.rejected, ...r.rejected] : t.rejected,
        };
        setTotals(t);
        if (stopRef.current && !final) {
          // Tells the server the run is over, for its audit entry.
          if (!input.dryRun) await send({ ...base, rows: [], final: true, cancelled: true }).catch(() => {});
          return setTotals({ ...t, status: "cancelled" });
        }
      }
      setTotals({ ...t, status: "done" });
    } catch (e) {
      if (e instanceof ChunkRefused && e.status === 401) {
        return location.assign(`/login?next=${encodeURIComponent(location.pathname)}`);
      }
      setTotals({ ...t, status: "failed", error: e instanceof Error ? e.message : String(e) });
    }
  }, []);

  const stop = useCallback(() => {
    stopRef.current = true;
    setStopping(true);
  }, []);

  const reset = useCallback(() => setTotals(null), []);

  return { totals, stopping, start, stop, reset };
}
