import { describe, expect, it } from "vitest";
import { en, fr } from ".";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("English and French have the same keys", () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });
  it("no message is empty", () => {
    for (const m of [fr, en]) {
      for (const k of keys(m)) expect(k.split(".").reduce<any>((o, p) => o[p], m), k).not.toBe("");
    }
  });
});
