import { describe, expect, it } from "vitest";
import { AGENT_CONDITION_IDS } from "./rule";
import { KPIS } from "../metrics/registry";
import { fromInput, METRIC_GROUPS, toInput } from "./metric-options";

describe("the rule form's metric picker and threshold input", () => {
  it("offers every registry metric and agent condition once", () => {
    const ids = METRIC_GROUPS.flatMap((g) => g.ids);
    expect(ids.sort()).toEqual([...KPIS.map((k) => k.id), ...AGENT_CONDITION_IDS].sort());
  });

  it("types ratios in % and keeps other units as they are", () => {
    expect(toInput("ratio", 0.7)).toBe("70");
    expect(toInput("ratio", 0.123)).toBe("12.3");
    expect(fromInput("ratio", "70")).toBe(0.7);
    expect(fromInput("ratio", "12,5")).toBe(0.125);
    expect(toInput("seconds", 120)).toBe("120");
    expect(fromInput("seconds", " 120 ")).toBe(120);
    expect(fromInput("count", "x")).toBeNaN();
  });
});
