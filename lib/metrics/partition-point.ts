/** How many leading indexes of `0..n-1` satisfy `below`, which must hold for a prefix of them: a binary search. */
export function partitionPoint(n: number, below: (i: number) => boolean): number {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
