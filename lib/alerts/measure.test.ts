import { describe, expect, it } from "vitest";
import type { AgentNow } from "../metrics/agents";
import type { Scope, WindowId } from "../metrics/scope";
import { PassReader, type LiveNumbers } from "./measure";
import type { AlertRule } from "./rule";

const NOW = 1_800_000_000_000;
const agents: AgentNow[] = [
  { agentId: "a1", state: "paused", since: NOW - 960_000, reason: "lunch", queues: ["support"] },
  { agentId: "a2", state: "busy", since: NOW - 30_000, queues: ["sales"] },
  { agentId: "a3", state: "paused", since: NOW - 10_000, queues: ["support", "sales"] },
];

function fake() {
  const calls: string[] = [];
  const live: LiveNumbers = {
    metrics: (scope: Scope, window: WindowId) => {
      calls.push(`${scope}|${window}`);
      return { waiting: scope === "queue:support" ? 3 : 0, serviceLevel: null, longestWait: Number.NaN };
    },
    agentStatesNow: () => {
      calls.push("agents");
      return agents;
    },
  };
  return { live, calls };
}

const rule = (patch: Partial<AlertRule>): AlertRule => ({
  id: "r",
  name: "r",
  metric: "waiting",
  scope: "queue:support",
  window: "today",
  comparator: ">",
  threshold: 0,
  forSeconds: 0,
  severity: "warning",
  enabled: true,
  ...patch,
});

describe("reading the numbers of a pass", () => {
  it("computes each (scope, window) once per pass; missing numbers are null", () => {
    const { live, calls } = fake();
    const r = new PassReader(live, NOW);
    expect(r.samples(rule({}))).toEqual([{ subject: null, value: 3 }]);
    expect(r.samples(rule({ metric: "serviceLevel" }))).toEqual([{ subject: null, value: null }]);
    expect(r.samples(rule({ metric: "longestWait" }))).toEqual([{ subject: null, value: null }]);
    expect(r.samples(rule({ metric: "offered" }))).toEqual([{ subject: null, value: null }]);
    expect(r.samples(rule({ window: "1h" }))).toEqual([{ subject: null, value: 3 }]);
    expect(calls).toEqual(["queue:support|today", "queue:support|1h"]);
  });

  it("gives agent conditions one value per agent of the scope: seconds in the state, else null", () => {
    const { live, calls } = fake();
    const r = new PassReader(live, NOW);
    const paused = (scope: Scope) => r.samples(rule({ metric: "agentPausedSeconds", scope }));
    expect(paused("queue:support")).toEqual([
      { subject: "a1", value: 960 },
      { subject: "a3", value: 10 },
    ]);
    expect(paused("all").map((s) => s.subject)).toEqual(["a1", "a2", "a3"]);
    expect(paused("all")[1]).toEqual({ subject: "a2", value: null });
    expect(paused("agent:a2")).toEqual([{ subject: "a2", value: null }]);
    expect(paused("queues:sales,support").length).toBe(3);
    expect(paused("channel:voice")).toEqual([]);
    expect(r.samples(rule({ metric: "agentBusySeconds", scope: "queue:sales" }))).toEqual([
      { subject: "a2", value: 30 },
      { subject: "a3", value: null },
    ]);
    expect(calls).toEqual(["agents"]);
  });
});
