import { describe, expect, it } from "vitest";
import { concernsBoard, sortAlerts, tileSeverity, visibilityScope, type ActiveAlert } from "./active";

const alert = (patch: Partial<ActiveAlert>): ActiveAlert => ({
  key: "r",
  ruleId: "r",
  ruleName: "r",
  metric: "waiting",
  scope: "queue:support",
  window: "today",
  comparator: ">",
  threshold: 0,
  forSeconds: 0,
  severity: "warning",
  subject: null,
  since: "2026-11-23T09:00:00.000Z",
  firedAt: "2026-11-23T09:00:00.000Z",
  value: 1,
  peak: 1,
  ...patch,
});

describe("active alerts on a board", () => {
  it("pulses the tile of exactly that number and scope, critical over warning", () => {
    const alerts = [alert({ key: "a" }), alert({ key: "b", severity: "critical", scope: "all" }), alert({ key: "c", subject: "a1", metric: "agentPausedSeconds" })];
    expect(tileSeverity(alerts, "queue:support", "waiting")).toBe("warning");
    expect(tileSeverity(alerts, "all", "waiting")).toBe("critical");
    expect(tileSeverity(alerts, "queue:sales", "waiting")).toBeNull();
    expect(tileSeverity(alerts, "queue:support", "longestWait")).toBeNull();
    expect(tileSeverity(alerts, "queue:support", "agentPausedSeconds")).toBeNull();
  });

  it("shows on a board the alerts of its queues, center-wide and agent ones", () => {
    expect(concernsBoard("all", alert({ scope: "channel:chat" }))).toBe(true);
    expect(concernsBoard("queue:support", alert({}))).toBe(true);
    expect(concernsBoard("queue:sales", alert({}))).toBe(false);
    expect(concernsBoard("queues:sales,support", alert({}))).toBe(true);
    expect(concernsBoard("queue:sales", alert({ scope: "queues:sales,vip" }))).toBe(true);
    expect(concernsBoard("queue:sales", alert({ scope: "all" }))).toBe(true);
    expect(concernsBoard("queue:sales", alert({ scope: "agent:a1" }))).toBe(true);
    expect(concernsBoard("queue:sales", alert({ scope: "channel:chat" }))).toBe(false);
    expect(concernsBoard("channel:chat", alert({ scope: "channel:chat" }))).toBe(true);
  });

  it("is seen by those who may view its scope, or its agent", () => {
    expect(visibilityScope(alert({}))).toBe("queue:support");
    expect(visibilityScope(alert({ subject: "a1" }))).toBe("agent:a1");
  });

  it("lists critical first, then the oldest", () => {
    const sorted = sortAlerts([alert({ key: "w1", firedAt: "2026-11-23T08:00:00.000Z" }), alert({ key: "c1", severity: "critical", firedAt: "2026-11-23T09:30:00.000Z" }), alert({ key: "w0", firedAt: "2026-11-23T07:00:00.000Z" })]);
    expect(sorted.map((a) => a.key)).toEqual(["c1", "w0", "w1"]);
  });
});
