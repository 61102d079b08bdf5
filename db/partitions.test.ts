import { describe, expect, it } from "vitest";
import { addMonths, monthOf, partitionMonth, partitionName } from "./partitions";

const utc = (s: string) => Date.parse(s);

describe("monthly partitions of events", () => {
  it("cuts months in UTC", () => {
    expect(monthOf(utc("2026-11-20T10:00:00Z"))).toBe(utc("2026-11-01T00:00:00Z"));
    expect(monthOf(utc("2026-11-01T00:30:00+01:00"))).toBe(utc("2026-10-01T00:00:00Z"));
    expect(monthOf(utc("2026-10-31T23:59:59.999Z"))).toBe(utc("2026-10-01T00:00:00Z"));
  });

  it("steps whole months across years", () => {
    expect(addMonths(utc("2026-11-01T00:00:00Z"), -24)).toBe(utc("2024-11-01T00:00:00Z"));
    expect(addMonths(utc("2026-11-01T00:00:00Z"), 2)).toBe(utc("2027-01-01T00:00:00Z"));
  });

  it("names a month and reads the name back, early years included", () => {
    for (const at of ["2026-11-20T10:00:00Z", "1970-01-01T00:00:00Z", "0042-03-05T00:00:00Z", "0001-12-31T00:00:00Z", "+010000-06-01T00:00:00Z"]) {
      const month = monthOf(utc(at));
      expect(partitionMonth(partitionName(month))).toBe(month);
    }
    expect(partitionName(utc("2026-01-15T00:00:00Z"))).toBe("events_p2026_01");
    expect(partitionName(utc("0042-03-01T00:00:00Z"))).toBe("events_p0042_03"); // not 1942
    const oneBC = new Date(0).setUTCFullYear(0, 0, 1); // astronomical year 0 is 1 BC
    expect(partitionName(oneBC)).toBe("events_p0001_01_bc");
    expect(partitionMonth("events_p0001_01_bc")).toBe(oneBC);
  });

  it("ignores tables it did not name", () => {
    expect(partitionMonth("events_old")).toBeNull();
    expect(partitionMonth("events_p2026_13")).toBeNull();
  });
});
