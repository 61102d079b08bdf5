import { describe, expect, it } from "vitest";
import en from "./schedules.en.json";
import fr from "./schedules.fr.json";

const keys = (value: unknown, prefix = ""): string[] =>
  typeof value !== "object" || value === null ? [prefix] : Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));

describe("Schedules messages", () => {
  it("French and English have the same keys, under the Schedules namespace", () => {
    expect(Object.keys(fr)).toEqual(["Schedules"]);
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });
});
