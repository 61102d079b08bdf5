import { describe, expect, it } from "vitest";
import { readDefinition, tileThresholds, wallboardDefinition } from "./definition";

const issue = (input: unknown) => {
  const r = wallboardDefinition.safeParse(input);
  return r.success ? null : `${r.error.issues[0]!.path.join(".")}: ${r.error.issues[0]!.message}`;
};

describe("wallboardDefinition", () => {
  it("fills defaults: tiles in order, everything, today, six columns, no section", () => {
    const d = wallboardDefinition.parse({ tiles: [{ metric: "serviceLevel", size: "xl" }, { metric: "waiting" }] });
    expect(d).toEqual({
      tiles: [
        { metric: "serviceLevel", size: "xl" },
        { metric: "waiting", size: "md" },
      ],
      scope: { kind: "all", values: [] },
      window: "today",
      layout: { columns: 6 },
      sections: { queueTable: { show: false }, chart: { show: false }, agentGrid: { show: false }, queueDetail: { show: false } },
    });
  });

  it("refuses unknown KPIs, sizes and windows, naming the field", () => {
    expect(issue({ tiles: [{ metric: "happiness" }] })).toBe("tiles.0.metric: is not a KPI of the registry");
    expect(issue({ tiles: [{ metric: "waiting", size: "xxl" }] })).toMatch(/^tiles\.0\.size:/);
    expect(issue({ window: "1d" })).toBe("window: must be today, 1h or 15m");
    expect(issue({ layout: { columns: 13 } })).toMatch(/^layout\.columns:/);
    expect(issue({ tiles: [{ metric: "waiting" }, { metric: "waiting", size: "xl" }] })).toBe("tiles: each KPI appears once on a board");
  });

  it("reads thresholds in the KPI's direction", () => {
    expect(issue({ tiles: [{ metric: "serviceLevel", thresholds: { warn: 0.9, alert: 0.5 } }] })).toBeNull();
    expect(issue({ tiles: [{ metric: "serviceLevel", thresholds: { warn: 0.5, alert: 0.9 } }] })).toBe(
      "tiles.0.thresholds: better when higher: warn must be at or above alert",
    );
    expect(issue({ tiles: [{ metric: "asa", thresholds: { warn: 60, alert: 30 } }] })).toBe(
      "tiles.0.thresholds: better when lower: warn must be at or below alert",
    );
    expect(issue({ tiles: [{ metric: "serviceLevel", thresholds: { warn: 90, alert: 80 } }] })).toBe(
      "tiles.0.thresholds: a ratio's thresholds are in 0..1 (0.8 = 80 %)",
    );
    expect(issue({ tiles: [{ metric: "offered", thresholds: { warn: 1, alert: 2 } }] })).toMatch(/^tiles\.0\.thresholds: this KPI is neither/);
  });

  it("checks the queues or channels a board covers", () => {
    expect(issue({ scope: { kind: "queues", values: [] } })).toBe("scope.values: name at least one of the queues");
    expect(issue({ scope: { kind: "all", values: ["support"] } })).toMatch(/^scope\.values: a board over everything/);
    expect(issue({ scope: { kind: "channels", values: ["fax"] } })).toMatch(/^scope\.values: "fax" is not a channel/);
    expect(issue({ scope: { kind: "queues", values: Array.from({ length: 30 }, (_, i) => `queue-number-${i}`) } })).toBe(
      "scope.values: too many queues for one board",
    );
    expect(wallboardDefinition.parse({ scope: { kind: "queues", values: ["a", "b", "a"] } }).scope.values).toEqual(["a", "b"]);
  });
});

describe("readDefinition: stored rows keep opening", () => {
  it("drops tiles of KPIs the registry no longer has and defaults missing or broken fields", () => {
    const d = readDefinition({ tiles: [{ metric: "gone" }, { metric: "asa", size: "sm" }], window: "1d", layout: "wide" });
    expect(d.tiles).toEqual([{ metric: "asa", size: "sm" }]);
    expect(d.window).toBe("today");
    expect(d.layout).toEqual({ columns: 6 });
    expect(d.sections.chart).toEqual({ show: false });
  });

  it("shows nothing rather than everything when the scope no longer parses", () => {
    expect(readDefinition({ scope: { kind: "teams", values: ["x"] } }).scope).toEqual({ kind: "queues", values: [] });
    expect(readDefinition(null).tiles).toEqual([]);
  });

  it("colours a tile with its own thresholds, else the registry's", () => {
    expect(tileThresholds({ metric: "serviceLevel", thresholds: { warn: 0.9, alert: 0.5 } })).toEqual({ warn: 0.9, alert: 0.5 });
    expect(tileThresholds({ metric: "serviceLevel" })).toEqual({ warn: 0.8, alert: 0.7 });
  });
});
