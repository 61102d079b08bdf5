import { describe, expect, it } from "vitest";
import type { EventOf } from "../events/schema";
import { clipTimeline, dayBounds, timeByState } from "./timeline";

const TZ = "Europe/Paris";
const H = 3_600_000;
let n = 0;
const state = (at: string | number, s: EventOf<"agent.state">["state"], reason?: string): EventOf<"agent.state"> =>
  ({ id: `s${n++}`, type: "agent.state", at: typeof at === "number" ? at : Date.parse(at), agentId: "a1", state: s, ...(reason ? { reason } : {}) }) as EventOf<"agent.state">;

describe("dayBounds", () => {
  it("a plain day is 24 hours from local midnight", () => {
    const d = dayBounds("2026-11-23", TZ);
    expect(new Date(d.from).toISOString()).toBe("2026-11-22T23:00:00.000Z");
    expect(d.to - d.from).toBe(24 * H);
  });
  it("2026-03-29 in Paris has 23 hours, 2026-10-25 has 25", () => {
    const spring = dayBounds("2026-03-29", TZ);
    expect(new Date(spring.from).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(new Date(spring.to).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(spring.to - spring.from).toBe(23 * H);
    const autumn = dayBounds("2026-10-25", TZ);
    expect(autumn.to - autumn.from).toBe(25 * H);
  });
});

describe("clipTimeline", () => {
  it("starts with the state in force at midnight, clipped there, and ends the last one at `until`", () => {
    const { from, to } = dayBounds("2026-11-23", TZ);
    const out = clipTimeline(
      [state("2026-11-23T09:00:00+01:00", "busy"), state("2026-11-22T22:00:00+01:00", "paused", "lunch"), state("2026-11-23T08:00:00+01:00", "available")],
      from,
      to,
    );
    expect(out.map((i) => [i.state, i.reason, new Date(i.from).toISOString(), new Date(i.to).toISOString()])).toEqual([
      ["paused", "lunch", "2026-11-22T23:00:00.000Z", "2026-11-23T07:00:00.000Z"],
      ["available", null, "2026-11-23T07:00:00.000Z", "2026-11-23T08:00:00.000Z"],
      ["busy", null, "2026-11-23T08:00:00.000Z", "2026-11-23T23:00:00.000Z"],
    ]);
  });

  it("leaves out states that ended before the day and after it, and stops today's at now", () => {
    const { from } = dayBounds("2026-11-23", TZ);
    const now = Date.parse("2026-11-23T10:30:00+01:00");
    const out = clipTimeline(
      [state("2026-11-21T10:00:00+01:00", "available"), state("2026-11-23T10:00:00+01:00", "wrap-up"), state("2026-11-24T08:00:00+01:00", "busy")],
      from,
      now,
    );
    expect(out.map((i) => i.state)).toEqual(["available", "wrap-up"]);
    expect(out[1]!.to).toBe(now);
    expect(timeByState(out)).toEqual({ available: 10 * H, "wrap-up": 30 * 60_000 });
  });

  it("on the 23-hour DST day the intervals sum to 23 hours and keep their instants", () => {
    const { from, to } = dayBounds("2026-03-29", TZ);
    const out = clipTimeline(
      [state("2026-03-28T20:00:00+01:00", "offline"), state("2026-03-29T01:30:00+01:00", "available"), state("2026-03-29T03:30:00+02:00", "paused", "break")],
      from,
      to,
    );
    expect(out.map((i) => i.state)).toEqual(["offline", "available", "paused"]);
    // 01:30 CET → 03:30 CEST is one hour of real time, not two.
    expect(out[1]!.to - out[1]!.from).toBe(H);
    const total = out.reduce((s, i) => s + (i.to - i.from), 0);
    expect(total).toBe(23 * H);
    expect(out[2]!.reason).toBe("break");
  });

  it("merges a state re-sent unchanged, keeps a new reason apart, and is empty without events or time", () => {
    const { from, to } = dayBounds("2026-11-23", TZ);
    const out = clipTimeline(
      [state("2026-11-23T08:00:00+01:00", "paused", "training"), state("2026-11-23T09:00:00+01:00", "paused", "training"), state("2026-11-23T10:00:00+01:00", "paused", "lunch")],
      from,
      to,
    );
    expect(out.map((i) => i.reason)).toEqual(["training", "lunch"]);
    expect(out[0]!.to - out[0]!.from).toBe(2 * H);
    expect(clipTimeline([], from, to)).toEqual([]);
    expect(clipTimeline([state(from, "busy")], to, from)).toEqual([]);
  });
});
