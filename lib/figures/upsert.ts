import { z } from "zod";
import type { Drizzle } from "../../db/client";
import type { AuditActor } from "../auth/audit";
import { computePeriodKpis, type FigureValues, type PeriodKpiValues } from "../metrics/period-kpis";
import { applyFigures, type FigureChanges } from "./apply";
import { periodLabel, type Period } from "./period";
import { figureValuesInput, periodInput } from "./values";

/**
 * Sets (or clears, with null) some figures of one period, as the form and
 * `PUT /api/figures` do. Only figures that change are written; the change and
 * its audit entry (`figures.update`) share one transaction.
 */

export const upsertFiguresInput = z.object({ period: periodInput, values: figureValuesInput }).strict();
export type UpsertFiguresInput = z.input<typeof upsertFiguresInput>;

export interface PeriodFigures {
  period: Period;
  label: string;
  figures: FigureValues;
  kpis: PeriodKpiValues;
}

export async function upsertPeriodFigures(
  db: Drizzle,
  input: UpsertFiguresInput,
  actor: AuditActor,
): Promise<PeriodFigures & { changes: FigureChanges }> {
  const { period, values } = upsertFiguresInput.parse(input);
  const { figures, changes } = await db.transaction((tx) => applyFigures(tx, period, values, { actor, action: "figures.update" }));
  return { period, label: periodLabel(period), figures, kpis: computePeriodKpis(figures), changes };
}
