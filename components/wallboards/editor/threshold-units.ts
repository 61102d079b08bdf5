import type { Unit } from "@/lib/metrics/registry";

/**
 * Thresholds are stored in the registry's units (ratios in 0..1, durations in
 * seconds); the editor shows ratios as percentages, as the tiles do.
 */
const factor = (unit: Unit) => (unit === "ratio" ? 100 : 1);

export const unitSuffix = (unit: Unit): string => (unit === "ratio" ? "%" : unit === "seconds" ? "s" : "");

export const toDisplay = (value: number, unit: Unit): string => String(Math.round(value * factor(unit) * 1000) / 1000);

/** The stored value of what was typed ("80" → 0.8 for a ratio; "," accepted as the decimal mark), or null. */
export function fromDisplay(text: string, unit: Unit): number | null {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n / factor(unit) : null;
}
