import { AGGREGATE_FIELDS, type Aggregate, type AggregateField, type NowFigures } from "../metrics/aggregate";
import type { BatchFold, Restriction } from "../metrics/batch";
import { computeMetrics, kpi } from "../metrics/registry";
import type { Scope } from "../metrics/scope";

/**
 * The entities behind one report cell, derived from the same contributions the
 * cell sums (`BatchFold.facts`), so that the listed figures add up to the cell
 * by construction. Which figures a metric reads is not written down a second
 * time: it is observed by running the registry's `compute` on a recording proxy.
 */

/** Figures no entity contributes: agent time and contacts still waiting, computed when the interval is read. */
const NOT_FROM_ENTITIES: ReadonlySet<AggregateField> = new Set([
  "availableMs", "busyMs", "wrapUpMs", "pausedMs", "staffedAgents", "waitingUnderSl",
]);

const NO_NOW: NowFigures = { waiting: 0, oldestWaitingSince: null, agents: null };
const fieldCache = new Map<string, AggregateField[]>();

/** The aggregate fields a registry KPI reads, in registry order (empty for an unknown id). */
export function fieldsOf(metricId: string): AggregateField[] {
  const cached = fieldCache.get(metricId);
  if (cached) return cached;
  const def = kpi(metricId);
  const read = new Set<string>();
  // Several fillings, so that both sides of a guarded formula (`n > 0 ? … : null`) are visited.
  for (const fill of [1, 0, 2, 7]) {
    const probe = new Proxy({} as Aggregate, {
      get: (_t, p) => {
        if (typeof p === "string") read.add(p);
        return fill;
      },
    });
    def?.compute(probe, NO_NOW, 0);
  }
  const fields = AGGREGATE_FIELDS.filter((f) => read.has(f));
  fieldCache.set(metricId, fields);
  return fields;
}

export type EntityKind = "contact" | "case" | "record" | "survey";

export interface DrillEntity {
  /** `contact:<id>`, `case:<id>`, `record:<key>`, `survey:<event id>`. */
  entity: string;
  kind: EntityKind;
  id: string;
  /** Its first contribution in the cell, epoch ms. */
  at: number;
  /** What it adds to each of the metric's figures (zeros included). */
  fields: Partial<Record<AggregateField, number>>;
}

export interface DrillCell {
  metric: string;
  value: number | null;
  /** The figures the metric reads. */
  fields: AggregateField[];
  /** Figures of the cell that no entity makes (agent time, still waiting). */
  notFromEntities: AggregateField[];
  /** The cell's sums of `fields`. */
  cell: Partial<Record<AggregateField, number>>;
  /** The listed entities' sums of `fields`: equal to `cell` for every field not in `notFromEntities`. */
  totals: Partial<Record<AggregateField, number>>;
  /** Every entity that contributes a non-zero figure, by first contribution then id. */
  entities: DrillEntity[];
}

function split(entity: string): { kind: EntityKind; id: string } {
  const i = entity.indexOf(":");
  return { kind: entity.slice(0, i) as EntityKind, id: entity.slice(i + 1) };
}

/** The drill-down of `metricId` in the cell (scope, [from, to)) of a report read at `now` within `only`. */
export function drillCell(
  fold: BatchFold,
  scope: Scope,
  from: number,
  to: number,
  now: number,
  only: Restriction,
  metricId: string,
): DrillCell {
  const fields = fieldsOf(metricId);
  const own = fields.filter((f) => !NOT_FROM_ENTITIES.has(f));
  const byEntity = new Map<string, DrillEntity>();
  fold.facts(scope, from, to, only).forEach((f, i) => {
    const key = f.entity ?? `survey:#${i}`;
    let e = byEntity.get(key);
    if (!e) {
      e = { entity: key, ...split(key), at: f.at, fields: Object.fromEntries(own.map((k) => [k, 0])) };
      byEntity.set(key, e);
    }
    for (const k of own) e.fields[k]! += f.agg[k] ?? 0;
  });
  const entities = [...byEntity.values()]
    .filter((e) => own.some((k) => e.fields[k] !== 0))
    .sort((a, b) => a.at - b.at || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0));
  const totals = Object.fromEntries(own.map((k) => [k, entities.reduce((s, e) => s + e.fields[k]!, 0)]));
  const agg = fold.aggregate(scope, from, to, now, only);
  return {
    metric: metricId,
    value: computeMetrics(agg, null, from)[metricId] ?? null,
    fields,
    notFromEntities: fields.filter((f) => NOT_FROM_ENTITIES.has(f)),
    cell: Object.fromEntries(fields.map((k) => [k, agg[k]])),
    totals,
    entities,
  };
}

/** The metric recomputed from the listed entities (plus the figures no entity makes): equals `value`. */
export function recompute(d: DrillCell): number | null {
  const agg = Object.fromEntries(AGGREGATE_FIELDS.map((f) => [f, d.totals[f] ?? d.cell[f] ?? 0])) as Aggregate;
  return computeMetrics(agg, null, 0)[d.metric] ?? null;
}
