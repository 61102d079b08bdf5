import type { AuditActor } from "../../../auth/audit";
import type { ChunkReport } from "./import-chunk";

/**
 * Adds up the chunks of one import run so that it is audited once, with its
 * totals: when its last request arrives, or, for a run the browser abandoned
 * (tab closed), once it has been idle for `idleMs`. Dry runs change nothing
 * and are not tallied. In memory: a restart mid-run loses the tally of the
 * chunks before it (their events are stored all the same).
 */

export interface ImportTotals {
  importId: string;
  actor: AuditActor;
  fileName: string;
  chunks: number;
  rows: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  events: { accepted: number; duplicates: number };
  /** false: the run stopped without its last request (tab closed, network lost). */
  complete: boolean;
  cancelled: boolean;
}

interface Open {
  totals: ImportTotals;
  timer: ReturnType<typeof setTimeout>;
}

export class ImportTally {
  private readonly open = new Map<string, Open>();

  constructor(
    private readonly onDone: (totals: ImportTotals) => Promise<void>,
    private readonly idleMs = 15 * 60_000,
  ) {}

  /** Adds a chunk's report; with `end`, the run is over and `onDone` runs (awaited). */
  async add(
    run: { importId: string; actor: AuditActor; fileName: string },
    report: ChunkReport | null,
    end: { final: boolean; cancelled: boolean },
  ): Promise<void> {
    const key = `${actorKey(run.actor)}:${run.importId}`;
    let entry = this.open.get(key);
    if (entry) clearTimeout(entry.timer);
    else {
      const totals: ImportTotals = { ...run, chunks: 0, rows: 0, accepted: 0, duplicates: 0, rejected: 0, events: { accepted: 0, duplicates: 0 }, complete: false, cancelled: false };
      entry = { totals, timer: undefined as unknown as ReturnType<typeof setTimeout> };
      this.open.set(key, entry);
    }
    const t = entry.totals;
    if (report) {
      t.chunks++;
      t.rows += report.rows;
      t.accepted += report.accepted;
      t.duplicates += report.duplicates;
      t.rejected += report.rejected.length;
      t.events.accepted += report.events.accepted;
      t.events.duplicates += report.events.duplicates;
    }
    if (end.final) {
      this.open.delete(key);
      await this.onDone({ ...t, complete: !end.cancelled, cancelled: end.cancelled });
      return;
    }
    entry.timer = setTimeout(() => {
      this.open.delete(key);
      void this.onDone({ ...t }).catch(() => {});
    }, this.idleMs);
    entry.timer.unref?.();
  }

  /** Runs still open (tests). */
  get size(): number {
    return this.open.size;
  }
}

const actorKey = (a: AuditActor) => (a.kind === "system" ? "system" : `${a.kind}:${a.id}`);
