import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byBucketDescending, byKey, byValue } from "./sort-order";

/** The comparison `sortRows` makes on a metric column: no value last either way, ties in cell order. */
function reference(values: number[], descending: boolean): number[] {
  const sign = descending ? -1 : 1;
  return values
    .map((_, c) => c)
    .sort((a, b) => {
      const x = values[a]!;
      const y = values[b]!;
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y) ? a - b : Number.isNaN(x) ? 1 : -1;
      return sign * (x - y) || a - b;
    });
}

describe("row orders computed on cells", () => {
  it("by value: as the comparison sort, with ties, no values, -0, infinities and subnormals", () => {
    const value = fc.oneof(
      fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity, 1, -1, 5e-324, -5e-324, 2 ** 53, 0.1 + 0.2),
      fc.integer({ min: -3, max: 3 }),
      fc.double(),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), fc.boolean(), (values, descending) => {
        expect([...byValue(Float64Array.from(values), descending)]).toEqual(reference(values, descending));
      }),
      { numRuns: 300 },
    );
  });

  it("by bucket from the last, and by key in a given rank, each in time order", () => {
    expect([...byBucketDescending(3, 2)]).toEqual([4, 5, 2, 3, 0, 1]);
    expect([...byKey(3, Int32Array.from([1, 0]))]).toEqual([1, 3, 5, 0, 2, 4]);
  });
});
