import { describe, expect, it } from "vitest";
import { scheduleInput } from "./schedule-input";

const valid = {
  name: "Daily",
  query: { preset: "yesterday", granularity: "hour", groupBy: "queue", metrics: "offered,aht", lang: "fr" },
  frequency: { kind: "weekly", time: "07:30", weekday: 1 },
  destination: { kind: "folder", path: "ops/daily" },
};

const issue = (input: unknown) => {
  const r = scheduleInput.safeParse(input);
  return r.success ? null : `${r.error.issues[0]!.path.join(".")}: ${r.error.issues[0]!.message}`;
};

describe("scheduleInput", () => {
  it("takes a report query with a relative period, a calendar and a destination", () => {
    expect(scheduleInput.parse(valid)).toMatchObject({ ...valid, enabled: true });
    expect(scheduleInput.parse({ ...valid, destination: { kind: "folder" } }).destination).toEqual({ kind: "folder", path: "" });
  });
  it("names the field that is wrong", () => {
    expect(issue({ ...valid, query: { ...valid.query, preset: "2026-11-01" } })).toMatch(/^query\.preset/);
    expect(issue({ ...valid, query: { ...valid.query, metrics: "offered,nope" } })).toMatch(/^query\.metrics/);
    expect(issue({ ...valid, frequency: { kind: "daily", time: "24:00" } })).toMatch(/^frequency\.time/);
    expect(issue({ ...valid, frequency: { kind: "weekly", time: "07:00", weekday: 8 } })).toMatch(/^frequency\.weekday/);
    expect(issue({ ...valid, destination: { kind: "folder", path: "../etc" } })).toMatch(/^destination\.path: must not leave/);
    expect(issue({ ...valid, destination: { kind: "webhook", url: "http://bi.example.com/in" } })).toMatch(/^destination\.url: must be https/);
    expect(issue({ ...valid, name: " " })).toMatch(/^name/);
  });
});
