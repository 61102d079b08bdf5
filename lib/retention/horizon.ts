import { addMonths, monthOf } from "../../db/partitions";

/**
 * The retention of raw events counts whole UTC months (the partitions of
 * `events`), the current one included: with 25 months, on any day of November
 * 2026 the events from 1 November 2024 on are kept.
 */
export function retentionHorizon(now: number, months: number): number {
  return addMonths(monthOf(now), -(months - 1));
}

/**
 * The job drops a month this long after ingest starts refusing it. An ingest
 * that validated its items just before a month began, or on an instance whose
 * clock is a little behind, commits well within it: its late resend of a
 * dropped event cannot slip in between the drop and the refusal.
 */
export const RETENTION_GRACE_MS = 60 * 60_000;

/** The error of an event dated before the horizon (one ingest item). */
export function tooOldError(months: number, horizon: number): string {
  return `at: older than the retention period of ${months} months (events before ${new Date(horizon).toISOString()} are no longer kept)`;
}
