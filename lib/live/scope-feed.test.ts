import { describe, expect, it } from "vitest";
import type { Scope } from "../metrics/scope";
import { ScopeFeed } from "./scope-feed";

/** A feed whose value per scope is `values[scope]`, recording computations and pushes. */
function feed(opts: { minIntervalMs?: number; refreshMs?: number; maxPerPass?: number } = {}) {
  const values: Record<string, number> = {};
  const computed: string[][] = [];
  const pushed: [string, number][] = [];
  const f = new ScopeFeed<number>({
    kind: "test",
    minIntervalMs: opts.minIntervalMs ?? 1000,
    refreshMs: opts.refreshMs ?? 60_000,
    maxPerPass: opts.maxPerPass,
    touched: (scope, dirty) => dirty.has(scope),
    compute: (scopes, _now) => {
      computed.push([...scopes]);
      return new Map(scopes.map((s) => [s, values[s] ?? 0]));
    },
    signature: (v) => String(v),
    emit: (room, v) => pushed.push([room, v]),
  });
  return { f, values, computed, pushed };
}

describe("ScopeFeed", () => {
  it("pushes a room only when its value changed, at most once per interval", () => {
    const { f, values, pushed, computed } = feed();
    f.track("test|queue:a", true);
    f.track("other|queue:a", true); // another kind's room
    expect(f.size).toBe(1);
    f.acked("test|queue:a", f.current("queue:a", 0));
    f.tick(0, new Set());
    expect(pushed).toEqual([]); // the subscriber got 0 in its ack

    // After a quiet spell a change goes out at the next pass…
    values["queue:a"] = 1;
    f.tick(250, new Set(["queue:a"]));
    expect(pushed).toEqual([["test|queue:a", 1]]);
    // …then changes are held back until a second has passed since that push.
    values["queue:a"] = 2;
    f.tick(500, new Set(["queue:a"]));
    f.tick(750, new Set());
    expect(pushed).toHaveLength(1);
    f.tick(1250, new Set());
    expect(pushed).toEqual([["test|queue:a", 1], ["test|queue:a", 2]]);
    // Nothing marked: nothing computed.
    const n = computed.length;
    f.tick(3000, new Set(["queue:b"]));
    expect(computed).toHaveLength(n);
  });

  it("recomputes every room when time alone moves the value", () => {
    const { f, values, pushed } = feed({ refreshMs: 5000 });
    f.track("test|all", true);
    f.tick(0, new Set());
    values.all = 7;
    f.tick(4000, new Set());
    expect(pushed).toEqual([["test|all", 0]]);
    f.tick(5000, new Set());
    expect(pushed).toEqual([["test|all", 0], ["test|all", 7]]);
  });

  it("spreads a costly feed over passes, least recently computed first", () => {
    const { f, computed } = feed({ maxPerPass: 2, refreshMs: 5000, minIntervalMs: 5000 });
    for (const q of ["a", "b", "c"]) f.track(`test|queue:${q}`, true);
    f.tick(0, new Set());
    f.tick(250, new Set());
    f.tick(500, new Set());
    expect(computed).toEqual([["queue:a", "queue:b"], ["queue:c"]]);
    f.tick(5000, new Set());
    f.tick(5250, new Set());
    expect(computed.slice(2)).toEqual([["queue:a", "queue:b"], ["queue:c"]]);
  });

  it("forgets a room and its cached value once its last member left", () => {
    const { f, values } = feed();
    f.track("test|queue:a", true);
    expect(f.current("queue:a" as Scope, 0)).toBe(0);
    values["queue:a"] = 3;
    expect(f.current("queue:a", 500)).toBe(0); // shared for a second
    f.track("test|queue:a", false);
    expect(f.size).toBe(0);
    expect(f.current("queue:a", 600)).toBe(3);
  });
});
