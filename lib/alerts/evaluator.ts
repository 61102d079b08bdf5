import { conditionHolds, worse, type AlertRule } from "./rule";

/**
 * The alert state machine of one (rule, scope[, agent]), a pure function of
 * the samples it is given (value, instant), in time order:
 *
 *   ok ──true──▶ pending ──true, held ≥ forSeconds──▶ firing ──false for CLEAR_AFTER_MS──▶ ok (cleared)
 *        ◀──false──┘                                   ▲  └─false─▶ clearing ─true─┘
 *
 * - A condition is true when the value meets the comparator and threshold; a
 *   missing value (null) is false, so it never fires and it ends an alert
 *   (e.g. `longestWait` becomes null when nobody waits any more).
 * - It fires at the first sample where it has been true at every sample since
 *   `since` and `now − since ≥ forSeconds` (forSeconds 0: the first true sample).
 *   A false sample while pending starts over: never before forSeconds of
 *   continuous truth.
 * - Hysteresis in time: a firing alert clears once its condition has been false
 *   at every sample for CLEAR_AFTER_MS. Turning true again before that keeps the
 *   same alert (same episode, no new fire): a number hovering around its
 *   threshold does not flash the wallboard nor fill the history.
 * - `peak` is the worst value of the episode (the furthest past the threshold),
 *   from its first true sample.
 */

export const CLEAR_AFTER_MS = 5_000;

export type AlertState =
  | { phase: "ok" }
  | { phase: "pending"; since: number; peak: number | null }
  | {
      phase: "firing";
      /** When the condition became true. */
      since: number;
      firedAt: number;
      valueAtFire: number | null;
      /** The latest value that met the condition. */
      value: number | null;
      peak: number | null;
      /** First sample of the current false run, or null while true. */
      falseSince: number | null;
    };

export type Transition =
  | { kind: "fire"; at: number; since: number; value: number | null; peak: number | null }
  | { kind: "clear"; at: number; firedAt: number; peak: number | null };

export const OK: AlertState = { phase: "ok" };

type Condition = Pick<AlertRule, "comparator" | "threshold" | "forSeconds">;

export function step(
  state: AlertState,
  rule: Condition,
  value: number | null,
  now: number,
  clearAfterMs = CLEAR_AFTER_MS,
): { state: AlertState; transition: Transition | null } {
  const holds = conditionHolds(rule, value);
  switch (state.phase) {
    case "ok":
      if (!holds) return { state, transition: null };
      return fireIfDue({ phase: "pending", since: now, peak: value }, rule, value, now);
    case "pending":
      if (!holds) return { state: OK, transition: null };
      return fireIfDue({ ...state, peak: worse(rule, state.peak, value) }, rule, value, now);
    case "firing":
      if (holds) {
        const next = { ...state, value, peak: worse(rule, state.peak, value), falseSince: null };
        return { state: next, transition: null };
      }
      const falseSince = state.falseSince ?? now;
      if (now - falseSince < clearAfterMs) return { state: { ...state, falseSince }, transition: null };
      return { state: OK, transition: { kind: "clear", at: now, firedAt: state.firedAt, peak: state.peak } };
  }
}

function fireIfDue(
  pending: { phase: "pending"; since: number; peak: number | null },
  rule: Condition,
  value: number | null,
  now: number,
): { state: AlertState; transition: Transition | null } {
  if (now - pending.since < rule.forSeconds * 1000) return { state: pending, transition: null };
  const firing: AlertState = { phase: "firing", since: pending.since, firedAt: now, valueAtFire: value, value, peak: pending.peak, falseSince: null };
  return { state: firing, transition: { kind: "fire", at: now, since: pending.since, value, peak: pending.peak } };
}

/** A firing state taken up again after a restart (see `AlertRunner`): the episode goes on. */
export function resumed(firedAt: number, valueAtFire: number | null, peak: number | null): AlertState {
  return { phase: "firing", since: firedAt, firedAt, valueAtFire, value: valueAtFire, peak, falseSince: null };
}
