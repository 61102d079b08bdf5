import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buckets, dayStart, isoStamps, isoWithOffset, type Granularity } from "./calendar";

const TZ = "Europe/Paris";

describe("report calendar", () => {
  it("lays 96 quarter-hours on an ordinary day, 92 on the spring-forward day and 100 on the fall-back day", () => {
    expect(buckets("2026-11-23", "2026-11-23", "15m", TZ)).toHaveLength(96);
    expect(buckets("2026-03-29", "2026-03-29", "15m", TZ)).toHaveLength(92);
    expect(buckets("2026-10-25", "2026-10-25", "15m", TZ)).toHaveLength(100);
    expect(buckets("2026-10-25", "2026-10-25", "hour", TZ)).toHaveLength(25);
  });

  it("starts each day at local midnight and labels buckets with the offset in force", () => {
    const [first] = buckets("2026-03-29", "2026-03-30", "day", TZ);
    expect(isoWithOffset(first!.start, TZ)).toBe("2026-03-29T00:00:00+01:00");
    expect(first!.end - first!.start).toBe(23 * 3_600_000);
    const quarter = buckets("2026-03-29", "2026-03-29", "15m", TZ);
    expect(isoWithOffset(quarter[8]!.start, TZ)).toBe("2026-03-29T03:00:00+02:00");
  });

  it("cuts weeks and months to the range, weeks starting on Monday", () => {
    const weeks = buckets("2026-11-18", "2026-11-30", "week", TZ);
    expect(weeks.map((b) => isoWithOffset(b.start, TZ))).toEqual(["2026-11-18T00:00:00+01:00", "2026-11-23T00:00:00+01:00", "2026-11-30T00:00:00+01:00"]);
    const months = buckets("2026-10-15", "2026-11-30", "month", TZ);
    expect(months).toHaveLength(2);
    expect(months[1]!.end).toBe(dayStart("2026-12-01", TZ));
  });
});

describe("isoStamps", () => {
  it("equals isoWithOffset instant by instant, across changes of offset in odd zones", () => {
    const zones = ["Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kolkata", "America/Santiago"];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 3 * 365 }), fc.constantFrom("15m", "30m", "hour", "day") as fc.Arbitrary<Granularity>, (zone, offsetDays, granularity) => {
        const from = new Date(Date.UTC(2025, 0, 1) + offsetDays * 86_400_000).toISOString().slice(0, 10);
        const to = new Date(Date.UTC(2025, 0, 1) + (offsetDays + 9) * 86_400_000).toISOString().slice(0, 10);
        const starts = buckets(from, to, granularity, zone).map((b) => b.start);
        const stamps = isoStamps(starts, zone);
        expect(stamps).toEqual(starts.map((s) => isoWithOffset(s, zone)));
        expect(stamps).toEqual(starts.map((s) => byLocalFields(s, zone)));
      }),
      { numRuns: 60 },
    );
  });
});

/** An independent rendering from the zone's local fields. */
function byLocalFields(at: number, zone: string): string {
  const d = new TZDate(at, zone);
  const offset = -d.getTimezoneOffset();
  const pad = (n: number) => String(n).padStart(2, "0");
  const abs = Math.abs(offset);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${offset >= 0 ? "+" : "-"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
