import { AGGREGATE_FIELDS, emptyAggregate, type Aggregate, type AggregateField } from "../aggregate";
import { kpi } from "../registry";

/**
 * The aggregate fields a set of metrics reads, found by running each formula
 * on an aggregate that records what it touches (every field 1, so no branch
 * is skipped for a zero denominator). A report then reads only those columns.
 */
export function fieldsOf(metricIds: readonly string[]): Set<AggregateField> {
  const used = new Set<AggregateField>();
  const base = emptyAggregate();
  for (const f of AGGREGATE_FIELDS) base[f] = 1;
  const spy = new Proxy(base, {
    get(target, key) {
      if (typeof key === "string" && key in target) used.add(key as AggregateField);
      return Reflect.get(target, key);
    },
  }) as Aggregate;
  const now = { waiting: 1, oldestWaitingSince: 0, agents: { available: 1, busy: 1, wrapUp: 1, paused: 1 } };
  for (const id of metricIds) kpi(id)?.compute(spy, now, 0);
  return used;
}
