import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLEAR_AFTER_MS, OK, step, type AlertState, type Transition } from "./evaluator";
import { conditionHolds, type Comparator } from "./rule";

type Cond = { comparator: Comparator; threshold: number; forSeconds: number };

/** Runs the machine over (at, value) samples; returns every transition and the final state. */
function run(rule: Cond, samples: [number, number | null][], clearAfterMs = CLEAR_AFTER_MS) {
  let state: AlertState = OK;
  const transitions: Transition[] = [];
  for (const [at, value] of samples) {
    const r = step(state, rule, value, at, clearAfterMs);
    state = r.state;
    if (r.transition) transitions.push(r.transition);
  }
  return { state, transitions };
}

/** One sample a second from t0 for `seconds` seconds, all of value `v`. */
const every = (t0: number, seconds: number, v: number | null): [number, number | null][] =>
  Array.from({ length: seconds }, (_, i) => [t0 + i * 1000, v]);

const T0 = 1_800_000_000_000;

describe("alert durations", () => {
  const sl = { comparator: "<", threshold: 0.7, forSeconds: 120 } as const;

  it("service level < 70 % for 2 minutes: not at 119 s, fires at 120 s", () => {
    expect(run(sl, every(T0, 120, 0.65)).transitions).toEqual([]);
    const { transitions, state } = run(sl, every(T0, 121, 0.65));
    expect(transitions).toEqual([{ kind: "fire", at: T0 + 120_000, since: T0, value: 0.65, peak: 0.65 }]);
    expect(state).toMatchObject({ phase: "firing", since: T0, firedAt: T0 + 120_000 });
  });

  it("a sample back above the threshold starts the duration over", () => {
    const samples = [...every(T0, 100, 0.6), [T0 + 100_000, 0.75] as [number, number], ...every(T0 + 101_000, 120, 0.6)];
    const { transitions } = run(sl, samples);
    expect(transitions).toEqual([]);
    const more = run(sl, [...samples, [T0 + 221_000, 0.6]]);
    expect(more.transitions.map((t) => [t.kind, t.at])).toEqual([["fire", T0 + 221_000]]);
  });

  it("forSeconds 0 fires on the first true sample", () => {
    const { transitions } = run({ comparator: ">", threshold: 120, forSeconds: 0 }, [[T0, 100], [T0 + 1000, 121]]);
    expect(transitions).toEqual([{ kind: "fire", at: T0 + 1000, since: T0 + 1000, value: 121, peak: 121 }]);
  });

  it(`clears once false for ${CLEAR_AFTER_MS / 1000} s; true again sooner keeps the same alert`, () => {
    const rule = { comparator: ">", threshold: 0, forSeconds: 2 } as const;
    const firing = every(T0, 3, 1); // fires at T0 + 2 s
    const flap = [...firing, ...every(T0 + 3000, 4, 0), [T0 + 7000, 2] as [number, number], ...every(T0 + 8000, 6, 0)];
    const { transitions, state } = run(rule, flap);
    expect(transitions.map((t) => [t.kind, t.at - T0])).toEqual([
      ["fire", 2000],
      ["clear", 8000 + CLEAR_AFTER_MS],
    ]);
    expect(transitions[1]).toMatchObject({ firedAt: T0 + 2000, peak: 2 });
    expect(state).toEqual(OK);
  });

  it("a null value never fires and ends an alert like a false one", () => {
    const rule = { comparator: ">", threshold: 120, forSeconds: 0 } as const;
    expect(run(rule, every(T0, 10, null)).transitions).toEqual([]);
    const { transitions } = run(rule, [[T0, 130], ...every(T0 + 1000, 6, null)]);
    expect(transitions.map((t) => t.kind)).toEqual(["fire", "clear"]);
  });

  it("keeps the worst value of the episode: the lowest below, the highest above", () => {
    const below = run({ comparator: "<", threshold: 0.7, forSeconds: 1 }, [[T0, 0.6], [T0 + 1000, 0.5], [T0 + 2000, 0.65]]);
    expect(below.state).toMatchObject({ phase: "firing", peak: 0.5, valueAtFire: 0.5, value: 0.65 });
    const above = run({ comparator: ">=", threshold: 60, forSeconds: 0 }, [[T0, 60], [T0 + 1000, 90], [T0 + 2000, 61], ...every(T0 + 3000, 6, 10)]);
    expect(above.transitions.at(-1)).toMatchObject({ kind: "clear", peak: 90 });
  });
});

describe("thresholds", () => {
  it("compares strictly or not, in the metric's unit", () => {
    expect(conditionHolds({ comparator: "<", threshold: 0.7 }, 0.7)).toBe(false);
    expect(conditionHolds({ comparator: "<=", threshold: 0.7 }, 0.7)).toBe(true);
    expect(conditionHolds({ comparator: ">", threshold: 120 }, 120)).toBe(false);
    expect(conditionHolds({ comparator: ">=", threshold: 120 }, 120)).toBe(true);
    expect(conditionHolds({ comparator: "<", threshold: 0.7 }, null)).toBe(false);
    expect(conditionHolds({ comparator: "<", threshold: 0.7 }, Number.NaN)).toBe(false);
  });
});

// ---------------------------------------------------------------------------

const arbRule = fc.record({
  comparator: fc.constantFrom<Comparator>("<", "<=", ">", ">="),
  threshold: fc.integer({ min: -2, max: 2 }),
  forSeconds: fc.integer({ min: 0, max: 6 }),
});
/** Samples at irregular steps (a busy loop skips passes), values around the threshold, some null. */
const arbSamples = fc
  .array(fc.tuple(fc.integer({ min: 100, max: 2500 }), fc.option(fc.integer({ min: -3, max: 3 }), { freq: 6 })), { maxLength: 120 })
  .map((steps) => {
    let at = T0;
    return steps.map(([dt, v]): [number, number | null] => [(at += dt), v]);
  });

describe("alert state machine (properties)", () => {
  it("never fires before forSeconds of continuous truth, and fires as soon as they are reached", () => {
    fc.assert(
      fc.property(arbRule, arbSamples, (rule, samples) => {
        let state: AlertState = OK;
        let runStart: number | null = null; // first sample of the current true run
        for (const [at, v] of samples) {
          const holds = conditionHolds(rule, v);
          runStart = holds ? (runStart ?? at) : null;
          const wasFiring = state.phase === "firing";
          const r = step(state, rule, v, at);
          state = r.state;
          const due = runStart !== null && at - runStart >= rule.forSeconds * 1000;
          if (!wasFiring) expect(r.transition?.kind === "fire").toBe(due);
          if (r.transition?.kind === "fire") expect(r.transition.since).toBe(runStart);
        }
      }),
    );
  });

  it("fires exactly once per episode: fires and clears alternate, each clear after a full quiet period", () => {
    fc.assert(
      fc.property(arbRule, arbSamples, fc.integer({ min: 0, max: 4000 }), (rule, samples, clearAfterMs) => {
        const { transitions, state } = run(rule, samples, clearAfterMs);
        transitions.forEach((t, i) => expect(t.kind).toBe(i % 2 === 0 ? "fire" : "clear"));
        expect(state.phase === "firing").toBe(transitions.length % 2 === 1);
        for (const t of transitions.filter((x) => x.kind === "clear")) {
          // The false run ending at the clear began at least clearAfterMs before it, and not a sample more.
          let i = samples.findIndex(([at]) => at === t.at);
          while (i > 0 && !conditionHolds(rule, samples[i - 1]![1])) i--;
          const start = samples[i]![0];
          expect(t.at - start).toBeGreaterThanOrEqual(clearAfterMs);
          const prev = samples[samples.findIndex(([at]) => at === t.at) - 1]!;
          if (prev[0] > start) expect(prev[0] - start).toBeLessThan(clearAfterMs);
        }
      }),
    );
  });

  it("null values alone never fire", () => {
    fc.assert(
      fc.property(arbRule, arbSamples, (rule, samples) => {
        expect(run(rule, samples.map(([at]) => [at, null])).transitions).toEqual([]);
      }),
    );
  });
});
