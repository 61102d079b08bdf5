import { z } from "zod";
import { FIGURES, figureById, type FigureId } from "../metrics/period-kpis";
import { parsePeriod, type Period } from "./period";

/**
 * What a figure may hold, one rule set for the form, the API and the CSV
 * import: a finite number, not negative (every figure is a count, an amount,
 * hours or days), whole for counts, and below a bound that keeps amounts exact
 * to the cent in a double.
 */

export const MAX_FIGURE = 1e12;

export type FigureProblem = "notFinite" | "negative" | "notWhole" | "tooLarge";

export const FIGURE_PROBLEMS: Record<FigureProblem, string> = {
  notFinite: "must be a number",
  negative: "must not be negative",
  notWhole: "must be a whole number (a count)",
  tooLarge: `must be less than ${MAX_FIGURE}`,
};

export function figureProblem(id: FigureId, value: number): FigureProblem | null {
  if (!Number.isFinite(value)) return "notFinite";
  if (value < 0) return "negative";
  if (value >= MAX_FIGURE) return "tooLarge";
  if (figureById(id).unit === "count" && !Number.isInteger(value)) return "notWhole";
  return null;
}

const figureValue = (id: FigureId) =>
  z
    .number(FIGURE_PROBLEMS.notFinite)
    .superRefine((v, ctx) => {
      const problem = figureProblem(id, v);
      if (problem) ctx.addIssue({ code: "custom", message: FIGURE_PROBLEMS[problem] });
    })
    .nullable()
    .optional();

/** `{ figureId: number | null }`: a number sets the figure, null clears it, an absent key leaves it. Unknown keys are refused. */
export const figureValuesInput = z
  .object(Object.fromEntries(FIGURES.map((f) => [f.id, figureValue(f.id)])) as Record<FigureId, ReturnType<typeof figureValue>>)
  .strict();
export type FigureValuesInput = Partial<Record<FigureId, number | null>>;

export const PERIOD_HINT = "must be a period such as 2026, 2026-Q3, 2026-11, 2026-W47 or 2026-11-23";

/** A period label (`2026-11`…) → its period. */
export const periodInput = z.string().transform((s, ctx): Period => {
  const p = parsePeriod(s);
  if (!p) {
    ctx.addIssue({ code: "custom", message: PERIOD_HINT });
    return z.NEVER;
  }
  return p;
});
