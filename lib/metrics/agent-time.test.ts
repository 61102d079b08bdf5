import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AGENT_STATES, type AgentState, type EventOf } from "../events/schema";
import { addPartial, emptyVector } from "./aggregate";
import { AgentTimelines, type AgentFilter } from "./agent-time";
import { before } from "./facts";

type StateEvent = EventOf<"agent.state">;
const TIMED: Partial<Record<AgentState, string>> = { available: "availableMs", busy: "busyMs", "wrap-up": "wrapUpMs", paused: "pausedMs" };

/**
 * The definition, walked step by step: each agent's states sorted (time, then id), a state lasting until the
 * agent's next one (the last for ever), the queues those of the latest step that named them.
 */
function reference(events: readonly StateEvent[], include: AgentFilter, from: number, to: number): { time: Record<string, number>; staffed: number } {
  const time: Record<string, number> = {};
  let staffed = 0;
  const byAgent = new Map<string, StateEvent[]>();
  for (const e of events) byAgent.set(e.agentId, [...(byAgent.get(e.agentId) ?? []), e]);
  for (const [agentId, list] of byAgent) {
    const steps = [...list].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    let queues: readonly string[] = [];
    let worked = false;
    steps.forEach((s, i) => {
      if (s.queues) queues = s.queues;
      const field = TIMED[s.state];
      if (!field || !include(agentId, queues)) return;
      const end = i + 1 < steps.length ? steps[i + 1]!.at : Infinity;
      const ms = Math.min(end, to) - Math.max(s.at, from);
      if (ms <= 0) return;
      time[field] = (time[field] ?? 0) + ms;
      worked = true;
    });
    if (worked) staffed++;
  }
  return { time, staffed };
}

const T0 = Date.UTC(2026, 11, 7, 8);
const eventArb = fc.record({
  id: fc.integer({ min: 0, max: 40 }).map((i) => `e${i}`),
  agentId: fc.constantFrom("a1", "a2", "a3"),
  at: fc.integer({ min: 0, max: 600 }).map((m) => T0 + m * 60_000),
  state: fc.constantFrom(...AGENT_STATES),
  queues: fc.option(fc.subarray(["sales", "support", "billing"]), { nil: undefined }),
});
const filterArb = fc.constantFrom<[string, AgentFilter]>(
  ["all", () => true],
  ["sales", (_, q) => q.includes("sales")],
  ["support or billing", (_, q) => q.includes("support") || q.includes("billing")],
  ["agent a2", (a) => a === "a2"],
);
const windowArb = fc.tuple(fc.integer({ min: -60, max: 700 }), fc.integer({ min: 0, max: 720 })).map(([m, len]) => [T0 + m * 60_000, T0 + (m + len) * 60_000] as const);

/** What `addTime` adds for `reference`'s answer. */
function asVector({ time, staffed }: { time: Record<string, number>; staffed: number }): number[] {
  const v = emptyVector();
  addPartial(v, { ...time, staffedAgents: staffed });
  return [...v];
}

describe("agent timelines", () => {
  it("give the time of the step-by-step definition, events arriving in any order and again, queried in between", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(eventArb, windowArb, filterArb), { minLength: 1, maxLength: 60 }), (script) => {
        const timelines = new AgentTimelines();
        const applied = new Map<string, StateEvent>();
        for (const [raw, [from, to], [name, include]] of script) {
          const e = { ...raw, type: "agent.state", id: `${raw.agentId}-${raw.id}` } as StateEvent;
          expect(timelines.apply(e)).toBe(!applied.has(e.id));
          if (!applied.has(e.id)) applied.set(e.id, e);
          const all = [...applied.values()];
          const v = emptyVector();
          timelines.addTime(v, include, from, to);
          expect([...v], `${name} [${(from - T0) / 60_000}, ${(to - T0) / 60_000}) min`).toEqual(to > from ? asVector(reference(all, include, from, to)) : [...emptyVector()]);
          // An agent's scope reads that agent only.
          const one = emptyVector();
          timelines.addTime(one, Object.assign((a: string) => a === "a2", { agent: "a2" }), from, to);
          expect([...one]).toEqual(to > from ? asVector(reference(all, (a) => a === "a2", from, to)) : [...emptyVector()]);
          const mine = all.filter((x) => x.agentId === "a1");
          expect(timelines.agentTime("a1", from, to)).toEqual(to > from && mine.length > 0 ? reference(mine, () => true, from, to).time : {});
        }
      }),
      { numRuns: 300 },
    );
  });

  it("after forgetting states that ended before a horizon, give the same time from the horizon on", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 600 }), windowArb, filterArb, (raw, h, [from, to], [, include]) => {
        const horizon = T0 + h * 60_000;
        const events = raw.map((r) => ({ ...r, type: "agent.state", id: `${r.agentId}-${r.id}` }) as StateEvent);
        const timelines = new AgentTimelines();
        for (const e of events) timelines.apply(e);
        const whole = emptyVector();
        timelines.addTime(whole, include, Math.max(from, horizon), to);
        timelines.evict(horizon);
        const after = emptyVector();
        timelines.addTime(after, include, Math.max(from, horizon), to);
        expect([...after]).toEqual([...whole]);
      }),
      { numRuns: 200 },
    );
  });
});
