import { and, eq, inArray, sql } from "drizzle-orm";
import type { Drizzle } from "../../db/client";
import { periodFigures } from "../../db/schema";
import { recordAudit, type AuditActor } from "../auth/audit";
import { isFigureId, type FigureId, type FigureValues } from "../metrics/period-kpis";
import { periodLabel, type Period } from "./period";
import type { FigureValuesInput } from "./values";

/**
 * The write step shared by the form and the CSV import: compares the wanted
 * values with the stored ones, writes only what changes (a null clears the
 * figure) and records the change in the audit log, in the caller's transaction.
 * Values must already be validated (`figureValuesInput`, `figureProblem`).
 */

/** A transaction of `Drizzle` (what `db.transaction` hands its callback). */
export type Tx = Parameters<Parameters<Drizzle["transaction"]>[0]>[0];
export type FigureChanges = Partial<Record<FigureId, { from: number | null; to: number | null }>>;

export interface Applied {
  /** The period's figures after the change (or as they would be, in a dry run). */
  figures: FigureValues;
  changes: FigureChanges;
}

/** The stored figures of one period; `lock` holds its rows until the transaction ends. */
export async function readPeriod(db: Drizzle | Tx, period: Period, lock = false): Promise<FigureValues> {
  const query = db
    .select({ figure: periodFigures.figure, value: periodFigures.value })
    .from(periodFigures)
    .where(and(eq(periodFigures.kind, period.kind), eq(periodFigures.periodStart, period.start)));
  const rows = lock ? await query.for("update") : await query;
  return Object.fromEntries(rows.filter((r) => isFigureId(r.figure)).map((r) => [r.figure, r.value]));
}

export async function applyFigures(
  tx: Tx,
  period: Period,
  wanted: FigureValuesInput,
  opts: { actor: AuditActor; action: "figures.update" | "figures.import"; dryRun?: boolean },
): Promise<Applied> {
  const before = await readPeriod(tx, period, !opts.dryRun);
  const changes: FigureChanges = {};
  for (const [id, to] of Object.entries(wanted) as [FigureId, number | null | undefined][]) {
    if (to === undefined) continue;
    const from = before[id] ?? null;
    if (from !== to) changes[id] = { from, to };
  }
  const figures: FigureValues = { ...before };
  for (const [id, c] of Object.entries(changes) as [FigureId, { to: number | null }][]) {
    if (c.to === null) delete figures[id];
    else figures[id] = c.to;
  }
  const changed = Object.keys(changes) as FigureId[];
  if (opts.dryRun || changed.length === 0) return { figures, changes };

  const updatedBy = opts.actor.kind === "system" ? null : opts.actor.id;
  const updatedAt = new Date();
  const set = changed.filter((id) => changes[id]!.to !== null);
  const cleared = changed.filter((id) => changes[id]!.to === null);
  if (set.length > 0) {
    await tx
      .insert(periodFigures)
      .values(set.map((figure) => ({ kind: period.kind, periodStart: period.start, figure, value: changes[figure]!.to!, updatedAt, updatedBy })))
      .onConflictDoUpdate({
        target: [periodFigures.kind, periodFigures.periodStart, periodFigures.figure],
        set: { value: sql.raw("excluded.value"), updatedAt, updatedBy },
      });
  }
  if (cleared.length > 0) {
    await tx
      .delete(periodFigures)
      .where(and(eq(periodFigures.kind, period.kind), eq(periodFigures.periodStart, period.start), inArray(periodFigures.figure, cleared)));
  }
  await recordAudit(tx, { actor: opts.actor, action: opts.action, target: periodLabel(period), details: { kind: period.kind, changes } });
  return { figures, changes };
}
