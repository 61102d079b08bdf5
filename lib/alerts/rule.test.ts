import { describe, expect, it } from "vitest";
import { KPIS } from "../metrics/registry";
import { AGENT_CONDITION_IDS, conditionKey, ruleInput, unitOf, usesWindow, type AlertRule } from "./rule";

const base = { name: "SL support", metric: "serviceLevel", scope: "queue:support", comparator: "<", threshold: 0.7, forSeconds: 120 };

describe("alert rule model", () => {
  it("accepts every registry metric and agent condition, with defaults", () => {
    for (const k of KPIS) expect(ruleInput.safeParse({ ...base, metric: k.id, threshold: 0.5 }).success, k.id).toBe(true);
    for (const m of AGENT_CONDITION_IDS) expect(ruleInput.safeParse({ ...base, metric: m, threshold: 900 }).success, m).toBe(true);
    expect(ruleInput.parse(base)).toEqual({ ...base, window: "today", severity: "warning", enabled: true });
  });

  it("refuses what cannot be evaluated", () => {
    const issue = (patch: object) => ruleInput.safeParse({ ...base, ...patch }).error?.issues[0];
    expect(issue({ metric: "nope" })?.path).toEqual(["metric"]);
    expect(issue({ scope: "everything" })?.path).toEqual(["scope"]);
    expect(issue({ comparator: "==" })?.message).toBe("must be <, <=, > or >=");
    expect(issue({ threshold: 70 })?.message).toBe("a ratio threshold is between 0 and 1");
    expect(issue({ threshold: Number.POSITIVE_INFINITY })?.path).toEqual(["threshold"]);
    expect(issue({ forSeconds: 1.5 })?.path).toEqual(["forSeconds"]);
    expect(issue({ forSeconds: 86_401 })?.path).toEqual(["forSeconds"]);
    expect(issue({ severity: "fatal" })?.path).toEqual(["severity"]);
    expect(issue({ metric: "agentPausedSeconds", threshold: 900, scope: "channel:voice" })?.path).toEqual(["scope"]);
    expect(issue({ extra: 1 })?.code).toBe("unrecognized_keys");
  });

  it("writes thresholds in the metric's unit: ratios in 0..1, durations and agent conditions in seconds", () => {
    expect(unitOf("serviceLevel")).toBe("ratio");
    expect(unitOf("longestWait")).toBe("seconds");
    expect(unitOf("waiting")).toBe("count");
    expect(unitOf("agentPausedSeconds")).toBe("seconds");
    expect(unitOf("nope")).toBeUndefined();
  });

  it("ignores the window of 'now' metrics and agent conditions", () => {
    expect(usesWindow("serviceLevel")).toBe(true);
    expect(usesWindow("waiting")).toBe(false);
    expect(usesWindow("longestWait")).toBe(false);
    expect(usesWindow("agentBusySeconds")).toBe(false);
    const rule = { id: "r", ...ruleInput.parse({ ...base, metric: "waiting", threshold: 3 }) } as AlertRule;
    expect(conditionKey({ ...rule, window: "1h" })).toBe(conditionKey(rule));
    expect(conditionKey({ ...rule, name: "renamed", severity: "critical" })).toBe(conditionKey(rule));
    expect(conditionKey({ ...rule, threshold: 4 })).not.toBe(conditionKey(rule));
  });
});
