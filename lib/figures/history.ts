import { and, between, desc, eq } from "drizzle-orm";
import type { Drizzle } from "../../db/client";
import { periodFigures } from "../../db/schema";
import { computePeriodKpis, isFigureId, type FigureValues } from "../metrics/period-kpis";
import { readPeriod } from "./apply";
import { parsePeriod, periodContaining, periodEnd, periodLabel, shiftPeriod, type Period, type PeriodKind } from "./period";
import type { PeriodFigures } from "./upsert";
import { PERIOD_HINT } from "./values";

/**
 * The history: every period of one kind that has figures, newest first, with
 * the KPIs computed from them. Periods without any figure are left out.
 */

export interface PeriodRecord extends PeriodFigures {
  /** The last change of any of the period's figures. */
  updatedAt: Date;
  updatedBy: string | null;
}

export async function listPeriodFigures(db: Drizzle, range: { kind: PeriodKind; from: Period; to: Period }): Promise<PeriodRecord[]> {
  const rows = await db
    .select()
    .from(periodFigures)
    .where(and(eq(periodFigures.kind, range.kind), between(periodFigures.periodStart, range.from.start, range.to.start)))
    .orderBy(desc(periodFigures.periodStart), desc(periodFigures.updatedAt));
  const byStart = new Map<string, { figures: FigureValues; updatedAt: Date; updatedBy: string | null }>();
  for (const r of rows) {
    // Newest change first within a period: the first row seen gives updatedAt/By.
    const entry = byStart.get(r.periodStart) ?? { figures: {}, updatedAt: r.updatedAt, updatedBy: r.updatedBy };
    if (isFigureId(r.figure)) entry.figures[r.figure] = r.value;
    byStart.set(r.periodStart, entry);
  }
  return [...byStart].map(([start, e]) => {
    const period = { kind: range.kind, start };
    return { period, label: periodLabel(period), figures: e.figures, kpis: computePeriodKpis(e.figures), updatedAt: e.updatedAt, updatedBy: e.updatedBy };
  });
}

/** One period's figures and KPIs (empty figures when none was entered). */
export async function getPeriodFigures(db: Drizzle, period: Period): Promise<PeriodFigures> {
  const figures = await readPeriod(db, period);
  return { period, label: periodLabel(period), figures, kpis: computePeriodKpis(figures) };
}

export const MAX_HISTORY_PERIODS = 400;
export const DEFAULT_HISTORY_PERIODS = 12;

/**
 * The range of a history request: `from`/`to` are period labels of any kind
 * (`to=2026` with months means up to December 2026); `to` defaults to the
 * period holding `today`, `from` to 11 periods before `to`.
 */
export function historyRange(
  kind: PeriodKind,
  today: string,
  from?: string,
  to?: string,
): { from: Period; to: Period } | { field: "from" | "to"; reason: string } {
  const parsedTo = to === undefined ? periodContaining(kind, today) : parsePeriod(to);
  if (!parsedTo) return { field: "to", reason: PERIOD_HINT };
  const last = periodContaining(kind, periodEnd(parsedTo))!;
  const parsedFrom = from === undefined ? shiftPeriod(last, 1 - DEFAULT_HISTORY_PERIODS) : parsePeriod(from);
  if (!parsedFrom) return { field: "from", reason: PERIOD_HINT };
  const first = periodContaining(kind, parsedFrom.start)!;
  if (first.start > last.start) return { field: "from", reason: "must not be after to" };
  if (shiftPeriod(first, MAX_HISTORY_PERIODS - 1).start < last.start) return { field: "to", reason: `at most ${MAX_HISTORY_PERIODS} periods at once` };
  return { from: first, to: last };
}
