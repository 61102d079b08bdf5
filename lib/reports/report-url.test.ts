import { describe, expect, it } from "vitest";
import { reportQuerySchema } from "./report-query";
import { DEFAULT_METRICS, reportHref, reportParams } from "./report-url";

describe("report page URL", () => {
  it("fills the defaults the API schema accepts: today, by hour, per queue, the default metrics", () => {
    const params = reportParams({}, "2026-11-23");
    expect(params).toEqual({ from: "2026-11-23", to: "2026-11-23", granularity: "hour", groupBy: "queue", metrics: DEFAULT_METRICS.join(",") });
    expect(reportQuerySchema.safeParse(params).success).toBe(true);
  });

  it("reads metrics as a comma list or as repeated checkbox values, without duplicates", () => {
    expect(reportParams({ metrics: "aht, fcr" }, "2026-11-23").metrics).toBe("aht,fcr");
    expect(reportParams({ metrics: ["aht", "fcr", "aht"] }, "2026-11-23").metrics).toBe("aht,fcr");
    expect(reportParams({ from: "2026-11-01" }, "2026-11-23").to).toBe("2026-11-01");
  });

  it("keeps wrong values for the schema to reject and the page to show", () => {
    const params = reportParams({ from: "2026-13-01", granularity: "year" }, "2026-11-23");
    expect(params.granularity).toBe("year");
    expect(reportQuerySchema.safeParse(params).success).toBe(false);
  });

  it("builds the same query for the page, the CSV and the JSON links", () => {
    const params = reportParams({ metrics: "offered,aht" }, "2026-11-23");
    expect(reportHref("/api/reports", params, { format: "csv", lang: "fr" })).toBe(
      "/api/reports?from=2026-11-23&to=2026-11-23&granularity=hour&groupBy=queue&metrics=offered,aht&format=csv&lang=fr",
    );
  });

  it("keeps compare=previous in the links, and only that value", () => {
    const params = reportParams({ compare: "previous", metrics: "offered" }, "2026-11-23");
    expect(reportHref("/api/reports", params)).toBe("/api/reports?from=2026-11-23&to=2026-11-23&granularity=hour&groupBy=queue&metrics=offered&compare=previous");
    expect(reportParams({ compare: "other" }, "2026-11-23").compare).toBeUndefined();
    expect(reportQuerySchema.safeParse(params).success).toBe(true);
  });
});
