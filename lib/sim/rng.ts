/**
 * A seeded source of randomness and the few distributions the simulator draws
 * from. Deterministic: the same seed gives the same sequence on every platform,
 * which is what makes a simulated day reproducible.
 */

/** Uniform in [0, 1). */
export type Random = () => number;

/** mulberry32: 32 bits of state, fast, and good enough for traffic shapes. */
export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function chance(rand: Random, p: number): boolean {
  return rand() < p;
}

/** Integer in [min, max]. */
export function int(rand: Random, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

export function pick<T>(rand: Random, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError("pick from an empty list");
  return items[Math.floor(rand() * items.length)]!;
}

export function exponential(rand: Random, mean: number): number {
  // 1 - rand() is in (0, 1], so the logarithm is finite.
  return -mean * Math.log(1 - rand());
}

/** Standard normal (Box–Muller). */
export function normal(rand: Random): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Log-normal with the given mean and coefficient of variation (sd / mean):
 * handling times are skewed to the right, with a long tail of long calls.
 */
export function lognormal(rand: Random, mean: number, cv: number): number {
  const sigma2 = Math.log(1 + cv * cv);
  const mu = Math.log(mean) - sigma2 / 2;
  return Math.exp(mu + Math.sqrt(sigma2) * normal(rand));
}

/** Poisson count: exact (Knuth) for small means, normal approximation above. */
export function poisson(rand: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rand)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rand();
  while (p > limit) {
    k++;
    p *= rand();
  }
  return k;
}
