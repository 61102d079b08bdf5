import { describe, expect, it } from "vitest";
import { parseDuration, parseInstant } from "./times";

const PARIS = "Europe/Paris";
const ok = (r: ReturnType<typeof parseInstant>) => (r.ok ? r.value : r.reason);

describe("parseInstant", () => {
  it("reads ISO-8601 with an offset, in every format (an explicit offset wins)", () => {
    const t = Date.parse("2026-11-23T08:15:02Z");
    for (const f of ["iso", "ymd", "dmy", "mdy"] as const) {
      expect(ok(parseInstant("2026-11-23T09:15:02+01:00", f, PARIS))).toBe(t);
      expect(ok(parseInstant("2026-11-23 08:15:02Z", f, PARIS))).toBe(t);
      expect(ok(parseInstant("2026-11-23T09:15:02+0100", f, PARIS))).toBe(t);
    }
    expect(ok(parseInstant("2026-11-23T09:15:02.250-05:00", "iso", PARIS))).toBe(Date.parse("2026-11-23T14:15:02.250Z"));
  });

  it("refuses a local time in the iso format", () => {
    expect(parseInstant("2026-11-23 09:15:02", "iso", PARIS)).toMatchObject({ ok: false, reason: expect.stringContaining("offset") });
  });

  it("reads local wall-clock times in the chosen zone, with the day/month order of the format", () => {
    const t = Date.parse("2026-11-23T08:15:02Z");
    expect(ok(parseInstant("2026-11-23 09:15:02", "ymd", PARIS))).toBe(t);
    expect(ok(parseInstant("2026/11/23T09:15:02", "ymd", PARIS))).toBe(t);
    expect(ok(parseInstant("23/11/2026 09:15:02", "dmy", PARIS))).toBe(t);
    expect(ok(parseInstant("23.11.2026 09:15:02", "dmy", PARIS))).toBe(t);
    expect(ok(parseInstant("11/23/2026 09:15:02", "mdy", PARIS))).toBe(t);
    expect(ok(parseInstant("11/23/2026 9:15:02", "mdy", PARIS))).toBe(t);
    expect(ok(parseInstant("23/11/2026 09:15", "dmy", PARIS))).toBe(t - 2000);
    expect(ok(parseInstant("23/11/2026 09:15:02,5", "dmy", PARIS))).toBe(t + 500);
    expect(ok(parseInstant("2026-11-23 09:15:02", "ymd", "America/New_York"))).toBe(Date.parse("2026-11-23T14:15:02Z"));
    expect(ok(parseInstant("2026-11-23", "ymd", PARIS))).toBe(Date.parse("2026-11-22T23:00:00Z"));
  });

  it("refuses impossible dates and times", () => {
    for (const s of ["31/02/2026 10:00:00", "23/13/2026 10:00:00", "23/11/2026 24:00:00", "23/11/2026 10:60:00", "23/11/26 10:00:00", "hier", ""]) {
      expect(parseInstant(s, "dmy", PARIS).ok, s).toBe(false);
    }
    expect(parseInstant("23/11/2026 10:00:00", "ymd", PARIS).ok).toBe(false);
    expect(parseInstant("1969-12-31 23:00:00", "ymd", "UTC").ok).toBe(false);
  });

  it("on the spring-forward day: refuses the skipped hour, and a call across the change lasts its real length", () => {
    // 2026-03-29 in Paris: 02:00 CET becomes 03:00 CEST.
    const before = ok(parseInstant("29/03/2026 01:59:00", "dmy", PARIS));
    const after = ok(parseInstant("29/03/2026 03:01:00", "dmy", PARIS));
    expect(before).toBe(Date.parse("2026-03-29T00:59:00Z"));
    expect(after).toBe(Date.parse("2026-03-29T01:01:00Z"));
    expect((after as number) - (before as number)).toBe(2 * 60_000);
    expect(parseInstant("29/03/2026 02:30:00", "dmy", PARIS)).toMatchObject({ ok: false, reason: expect.stringContaining("does not exist") });
  });

  it("on the fall-back day: the repeated hour reads as its second, standard-time occurrence", () => {
    expect(ok(parseInstant("2026-10-25 01:59:00", "ymd", PARIS))).toBe(Date.parse("2026-10-24T23:59:00Z"));
    expect(ok(parseInstant("2026-10-25 02:30:00", "ymd", PARIS))).toBe(Date.parse("2026-10-25T01:30:00Z"));
    expect(ok(parseInstant("2026-10-25 03:00:00", "ymd", PARIS))).toBe(Date.parse("2026-10-25T02:00:00Z"));
  });

  it("reads epoch seconds and milliseconds", () => {
    expect(ok(parseInstant("1795421702", "epoch-s", PARIS))).toBe(1795421702000);
    expect(ok(parseInstant("1795421702.5", "epoch-s", PARIS))).toBe(1795421702500);
    expect(ok(parseInstant("1795421702123", "epoch-ms", PARIS))).toBe(1795421702123);
    expect(parseInstant("-5", "epoch-s", PARIS).ok).toBe(false);
    expect(parseInstant("99999999999", "epoch-s", PARIS).ok).toBe(false); // year 5138
    expect(parseInstant("2026-11-23", "epoch-ms", PARIS).ok).toBe(false);
  });
});

describe("parseDuration", () => {
  it("reads seconds, decimal commas and clock durations", () => {
    const ms = (s: string) => {
      const r = parseDuration(s);
      return r.ok ? r.value : r.reason;
    };
    expect(ms("42")).toBe(42_000);
    expect(ms(" 42,5 ")).toBe(42_500);
    expect(ms("42.25")).toBe(42_250);
    expect(ms("1 200")).toBe(1_200_000);
    expect(ms("02:30")).toBe(150_000);
    expect(ms("1:02:30")).toBe(3_750_000);
    expect(ms("00:00:05.5")).toBe(5_500);
    expect(ms("0")).toBe(0);
  });

  it("refuses what is not a duration, negative or longer than a day", () => {
    for (const s of ["-3", "abc", "1:75", "1:60:00", "12s", "90000", "25:00:00"]) expect(parseDuration(s).ok, s).toBe(false);
  });
});
