import { addPartial, addVector, emptyVector, type AggregateVector } from "./aggregate";
import type { Fact } from "./facts";

const MINUTE = 60_000;

interface Bucket {
  sum: AggregateVector;
  /** Kept so that a window edge inside the minute is exact to the millisecond. */
  facts: Set<Fact>;
}

/**
 * One scope's contributions, summed per minute of their instant. A window is
 * the sum of its whole minutes plus the facts of its partial first and last minutes.
 */
export class ScopeBuckets {
  private readonly buckets = new Map<number, Bucket>();
  private minKey = Infinity;
  private maxKey = -Infinity;

  add(fact: Fact, sign: 1 | -1): void {
    const key = Math.floor(fact.at / MINUTE);
    let b = this.buckets.get(key);
    if (!b) {
      if (sign < 0) return;
      b = { sum: emptyVector(), facts: new Set() };
      this.buckets.set(key, b);
      if (key < this.minKey) this.minKey = key;
      if (key > this.maxKey) this.maxKey = key;
    }
    addPartial(b.sum, fact.agg, sign);
    if (sign > 0) b.facts.add(fact);
    else {
      b.facts.delete(fact);
      if (b.facts.size === 0) this.buckets.delete(key);
    }
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Adds the facts placed in [from, to) into `into`. */
  sum(from: number, to: number = Infinity, into: AggregateVector = emptyVector()): AggregateVector {
    if (this.buckets.size === 0) return into;
    const firstKey = Math.max(Math.floor(from / MINUTE), this.minKey);
    const lastKey = Math.min(to === Infinity ? this.maxKey : Math.floor((to - 1) / MINUTE), this.maxKey);
    for (let key = firstKey; key <= lastKey; key++) {
      const b = this.buckets.get(key);
      if (!b) continue;
      const start = key * MINUTE;
      if (start >= from && start + MINUTE <= to) addVector(into, b.sum);
      else for (const f of b.facts) if (f.at >= from && f.at < to) addPartial(into, f.agg);
    }
    return into;
  }

  /** Drops every bucket that ends at or before `before`; returns whether any was dropped. */
  dropBefore(before: number): boolean {
    let dropped = false;
    const limit = Math.floor(before / MINUTE);
    for (const key of this.buckets.keys()) {
      if (key < limit) {
        this.buckets.delete(key);
        dropped = true;
      }
    }
    if (dropped) this.minKey = this.buckets.size ? Math.min(...this.buckets.keys()) : Infinity;
    if (this.buckets.size === 0) this.maxKey = -Infinity;
    return dropped;
  }
}
