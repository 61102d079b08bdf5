import { describe, expect, it } from "vitest";
import { instantOn, isDue, lastDue, nextDue } from "./due";

const TZ = "Europe/Paris";
const at = (iso: string) => Date.parse(iso);

describe("instantOn", () => {
  it("reads a local time in the zone", () => {
    expect(instantOn("2026-11-23", "07:00", TZ)).toBe(at("2026-11-23T06:00:00Z"));
    expect(instantOn("2026-07-01", "07:00", TZ)).toBe(at("2026-07-01T05:00:00Z"));
  });
  it("moves a time that does not exist (spring forward) to the jump, 03:00", () => {
    expect(instantOn("2026-03-29", "02:30", TZ)).toBe(at("2026-03-29T01:00:00Z"));
  });
  it("takes the first of a time that exists twice (fall back)", () => {
    expect(instantOn("2026-10-25", "02:30", TZ)).toBe(at("2026-10-25T00:30:00Z"));
  });
});

describe("due", () => {
  const daily = { kind: "daily", time: "02:30" } as const;
  it("runs once on the spring-forward day", () => {
    const created = new Date("2026-03-20T00:00:00Z");
    const lastRun = new Date("2026-03-28T01:30:00Z");
    expect(isDue(daily, lastRun, created, at("2026-03-29T00:59:00Z"), TZ)).toBe(false);
    expect(isDue(daily, lastRun, created, at("2026-03-29T01:00:00Z"), TZ)).toBe(true);
    expect(isDue(daily, new Date("2026-03-29T01:00:30Z"), created, at("2026-03-29T05:00:00Z"), TZ)).toBe(false);
  });
  it("never twice on the fall-back day", () => {
    const created = new Date("2026-10-01T00:00:00Z");
    const ranFirst = new Date("2026-10-25T00:30:10Z");
    expect(isDue(daily, new Date("2026-10-24T00:30:00Z"), created, at("2026-10-25T00:30:00Z"), TZ)).toBe(true);
    // 02:30 comes again at 01:30Z: already run.
    expect(isDue(daily, ranFirst, created, at("2026-10-25T01:30:00Z"), TZ)).toBe(false);
    expect(isDue(daily, ranFirst, created, at("2026-10-25T23:00:00Z"), TZ)).toBe(false);
  });
  it("weekly: due on its weekday only", () => {
    const monday9 = { kind: "weekly", time: "09:00", weekday: 1 } as const;
    // 2026-11-23 is a Monday.
    expect(lastDue(monday9, at("2026-11-25T12:00:00Z"), TZ)).toEqual({ at: at("2026-11-23T08:00:00Z"), day: "2026-11-23" });
    expect(lastDue(monday9, at("2026-11-23T07:59:00Z"), TZ).day).toBe("2026-11-16");
    expect(nextDue(monday9, at("2026-11-23T08:00:00Z"), TZ)).toBe(at("2026-11-30T08:00:00Z"));
  });
  it("a new schedule waits for its first due time; a missed run runs once", () => {
    const created = new Date("2026-11-23T10:00:00Z");
    const seven = { kind: "daily", time: "07:00" } as const;
    expect(isDue(seven, null, created, at("2026-11-23T12:00:00Z"), TZ)).toBe(false);
    expect(isDue(seven, null, created, at("2026-11-24T06:00:00Z"), TZ)).toBe(true);
    // Down three days: the latest due instant only.
    const last = new Date("2026-11-20T06:00:05Z");
    expect(lastDue(seven, at("2026-11-23T09:00:00Z"), TZ).day).toBe("2026-11-23");
    expect(isDue(seven, last, created, at("2026-11-23T09:00:00Z"), TZ)).toBe(true);
    expect(isDue(seven, new Date("2026-11-23T09:00:01Z"), created, at("2026-11-23T09:01:00Z"), TZ)).toBe(false);
  });
  it("near midnight in another zone", () => {
    expect(lastDue({ kind: "daily", time: "23:45" }, at("2026-11-23T23:00:00Z"), "America/New_York")).toEqual({
      at: at("2026-11-23T04:45:00Z"),
      day: "2026-11-22",
    });
  });
});
