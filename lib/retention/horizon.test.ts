import { describe, expect, it } from "vitest";
import { retentionHorizon } from "./horizon";

describe("retention horizon", () => {
  it("keeps whole UTC months, the current one included", () => {
    const now = Date.parse("2026-11-20T10:00:00Z");
    expect(new Date(retentionHorizon(now, 25)).toISOString()).toBe("2024-11-01T00:00:00.000Z");
    expect(new Date(retentionHorizon(now, 2)).toISOString()).toBe("2026-10-01T00:00:00.000Z");
    expect(new Date(retentionHorizon(Date.parse("2026-01-01T00:00:00Z"), 13)).toISOString()).toBe("2025-01-01T00:00:00.000Z");
  });
});
