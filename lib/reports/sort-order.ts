/**
 * The orders `sortRows` gives a report's rows, computed on cells (cell
 * `b × nk + k` is bucket `b`, key `k`; rows in time order are the cells in
 * order) without building the rows: a 90-day report at 15 minutes has 432,200.
 * Pure.
 */

/** Buckets from the last, the keys of each in order. */
export function byBucketDescending(nb: number, nk: number): Int32Array {
  const order = new Int32Array(nb * nk);
  let r = 0;
  for (let b = nb - 1; b >= 0; b--) for (let k = 0; k < nk; k++) order[r++] = b * nk + k;
  return order;
}

/** Keys in the order of `rank` (key `k` is `rank[k]`-th), each key's rows in time order. */
export function byKey(nb: number, rank: Int32Array): Int32Array {
  const nk = rank.length;
  const keys = new Int32Array(nk);
  rank.forEach((at, k) => (keys[at] = k));
  const order = new Int32Array(nb * nk);
  let r = 0;
  for (const k of keys) for (let b = 0; b < nb; b++) order[r++] = b * nk + k;
  return order;
}

/**
 * Cells by their values, ascending or descending; equal values in cell order; NaN (no value) last, in cell order,
 * either way; -0 equals 0. A stable radix sort on the values' bits: a comparison sort of 432,200 cells takes ~100 ms
 * here, this ~20.
 */
export function byValue(values: Float64Array, descending: boolean): Int32Array {
  const n = values.length;
  const order = new Int32Array(n);
  // Order-preserving unsigned keys: positive numbers with the sign bit set, negative ones with every bit flipped.
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const one = new Float64Array(1);
  const word = new Uint32Array(one.buffer);
  const flip = descending ? 0xffffffff : 0;
  let m = 0;
  for (let c = 0; c < n; c++) {
    const v = values[c]!;
    if (v !== v) continue;
    one[0] = v === 0 ? 0 : v;
    const negative = word[1]! >>> 31 === 1;
    hi[c] = (negative ? ~word[1]! : word[1]! ^ 0x80000000) ^ flip;
    lo[c] = (negative ? ~word[0]! : word[0]!) ^ flip;
    order[m++] = c;
  }
  let from = order.subarray(0, m);
  let to = new Int32Array(m);
  const count = new Int32Array(0x10000);
  for (const [words, shift] of [[lo, 0], [lo, 16], [hi, 0], [hi, 16]] as const) {
    count.fill(0);
    for (let i = 0; i < m; i++) count[(words[from[i]!]! >>> shift) & 0xffff]!++;
    if (m === 0 || count[(words[from[0]!]! >>> shift) & 0xffff] === m) continue; // one digit for all: order unchanged
    for (let d = 0, sum = 0; d < 0x10000; d++) {
      const k = count[d]!;
      count[d] = sum;
      sum += k;
    }
    for (let i = 0; i < m; i++) {
      const c = from[i]!;
      to[count[(words[c]! >>> shift) & 0xffff]!++] = c;
    }
    [from, to] = [to, from];
  }
  order.set(from, 0);
  for (let c = 0, r = m; c < n; c++) if (values[c] !== values[c]) order[r++] = c;
  return order;
}
