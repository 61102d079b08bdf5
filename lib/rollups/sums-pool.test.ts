import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sizeClass, SumsPool } from "./sums-pool";

/** Full collections, with time for the FinalizationRegistry's callbacks to run. */
async function collect(): Promise<void> {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Two arrays leased from `pool` for an owner held only by the box answered; released at once (twice) if `release`. */
function leaseTwo(pool: SumsPool, release: boolean) {
  const lease = pool.lease();
  const box: { owner: { sums: Float64Array[] } | null } = { owner: { sums: [lease.take(5000), lease.take(70_000)] } };
  lease.own(box.owner!);
  if (release) {
    lease.release();
    lease.release();
  }
  return { box, buffers: box.owner!.sums.map((s) => s.buffer), bytes: (sizeClass(5000) + sizeClass(70_000)) * 8 };
}

describe("report sums pool", () => {
  it("rounds lengths up by at most a quarter, to few distinct sizes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000_000 }), (n) => {
        const c = sizeClass(n);
        expect(c).toBeGreaterThanOrEqual(n);
        expect(c).toBeLessThanOrEqual(Math.max(64 * Math.ceil(n / 64), n * 1.25));
        expect(sizeClass(c)).toBe(c);
        expect(sizeClass(n + 1)).toBeGreaterThanOrEqual(c);
      }),
    );
  });

  it("hands out zeros, reusing memory given back, whatever was written in it", () => {
    const pool = new SumsPool(1 << 20);
    const first = pool.lease().take(1000);
    first.fill(7);
    pool.give(new Float64Array(first.buffer));
    const again = pool.lease().take(990);
    expect(again.buffer).toBe(first.buffer);
    expect(again.length).toBe(990);
    expect(again.every((v) => v === 0)).toBe(true);
    expect(pool.bytes).toBe(0);
    expect(pool.lease().take(990).buffer).not.toBe(first.buffer);
  });

  it("keeps at most maxBytes, letting the oldest go", () => {
    const pool = new SumsPool(3 * 8192 * 8);
    const arrays = [1, 2, 3, 4].map(() => new Float64Array(8192));
    for (const a of arrays) pool.give(a);
    expect(pool.bytes).toBe(3 * 8192 * 8);
    const lease = pool.lease();
    const taken = [lease.take(8192), lease.take(8192), lease.take(8192), lease.take(8192)].map((a) => a.buffer);
    expect(taken.slice(0, 3)).toEqual(expect.arrayContaining([arrays[1]!.buffer, arrays[2]!.buffer, arrays[3]!.buffer]));
    expect(taken).not.toContain(arrays[0]!.buffer);
  });

  it("takes the arrays back when released, once, even when their owner is garbage later", async () => {
    const pool = new SumsPool(1 << 24);
    const { box, buffers, bytes } = leaseTwo(pool, true);
    expect(pool.bytes).toBe(bytes);
    box.owner = null;
    await collect();
    // Given back twice, the same memory would serve two reports at once.
    expect(pool.bytes).toBe(bytes);
    const lease = pool.lease();
    const again = [lease.take(70_000), lease.take(5000), lease.take(5000)].map((a) => a.buffer);
    expect(again.slice(0, 2)).toEqual([buffers[1], buffers[0]]);
    expect(again[2]).not.toBe(buffers[0]);
  });

  it("takes the arrays back when their owner is garbage, not before", async () => {
    const pool = new SumsPool(1 << 24);
    const { box, buffers, bytes } = leaseTwo(pool, false);
    await collect();
    expect(pool.bytes).toBe(0); // still owned
    expect(box.owner!.sums).toHaveLength(2);
    box.owner = null;
    await collect();
    expect(pool.bytes).toBe(bytes);
    const lease = pool.lease();
    expect([lease.take(70_000).buffer, lease.take(5000).buffer]).toEqual([buffers[1], buffers[0]]);
  });
});
