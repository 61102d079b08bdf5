import { z } from "zod";
import { label } from "../auth/validation";
import type { AgentState } from "../events/schema";
import { kpi, type Unit } from "../metrics/registry";
import { parseScope, scopeSchema, windowSchema, type Scope, type WindowId } from "../metrics/scope";

/**
 * An alert rule: a condition on a live number that must hold for a while
 * before it fires. The number is either a registry metric of a scope and
 * window (CONTRACT §3, in the registry's unit: ratios in 0..1, durations in
 * seconds), or an agent condition: how long each agent of the scope has been
 * in one state, in seconds (e.g. paused for more than 900 s).
 */

/** Agent conditions and the state whose duration they measure. */
export const AGENT_CONDITIONS = {
  agentPausedSeconds: "paused",
  agentBusySeconds: "busy",
  agentWrapUpSeconds: "wrap-up",
  agentAvailableSeconds: "available",
} as const satisfies Record<string, AgentState>;
export type AgentCondition = keyof typeof AGENT_CONDITIONS;
export const AGENT_CONDITION_IDS = Object.keys(AGENT_CONDITIONS) as AgentCondition[];

export const isAgentCondition = (metric: string): metric is AgentCondition => Object.hasOwn(AGENT_CONDITIONS, metric);

export const COMPARATORS = ["<", "<=", ">", ">="] as const;
export type Comparator = (typeof COMPARATORS)[number];
export const SEVERITIES = ["warning", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The unit a rule's threshold is written in. */
export function unitOf(metric: string): Unit | undefined {
  return isAgentCondition(metric) ? "seconds" : kpi(metric)?.unit;
}

/** Whether the window matters: "now" metrics and agent conditions ignore it (CONTRACT §3). */
export const usesWindow = (metric: string): boolean => !isAgentCondition(metric) && kpi(metric)?.attribution !== "now";

/** Largest `forSeconds`: a day (the table's check). */
export const MAX_FOR_SECONDS = 86_400;

export const ruleInput = z
  .object({
    name: label,
    metric: z.string().refine((m) => isAgentCondition(m) || kpi(m) !== undefined, "must be a registry metric id or an agent condition"),
    scope: scopeSchema,
    window: windowSchema.default("today"),
    comparator: z.enum(COMPARATORS, { message: "must be <, <=, > or >=" }),
    threshold: z.number().finite(),
    forSeconds: z.number().int("must be a whole number of seconds").min(0).max(MAX_FOR_SECONDS).default(0),
    severity: z.enum(SEVERITIES, { message: "must be warning or critical" }).default("warning"),
    enabled: z.boolean().default(true),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (isAgentCondition(r.metric) && parseScope(r.scope).kind === "channel") {
      ctx.addIssue({ code: "custom", path: ["scope"], message: "agent conditions apply to all, a queue or an agent, not a channel" });
    }
    if (unitOf(r.metric) === "ratio" && (r.threshold < 0 || r.threshold > 1)) {
      ctx.addIssue({ code: "custom", path: ["threshold"], message: "a ratio threshold is between 0 and 1" });
    }
  });
export type RuleInput = z.input<typeof ruleInput>;

export interface AlertRule {
  id: string;
  name: string;
  metric: string;
  scope: Scope;
  window: WindowId;
  comparator: Comparator;
  threshold: number;
  forSeconds: number;
  severity: Severity;
  enabled: boolean;
}

/** Does `value` meet the condition? A missing value (`null`, not a number) never does. */
export function conditionHolds(rule: Pick<AlertRule, "comparator" | "threshold">, value: number | null): boolean {
  if (value === null || !Number.isFinite(value)) return false;
  switch (rule.comparator) {
    case "<":
      return value < rule.threshold;
    case "<=":
      return value <= rule.threshold;
    case ">":
      return value > rule.threshold;
    case ">=":
      return value >= rule.threshold;
  }
}

/** The worse of two values for this rule: further past the threshold. */
export function worse(rule: Pick<AlertRule, "comparator">, a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return rule.comparator === "<" || rule.comparator === "<=" ? Math.min(a, b) : Math.max(a, b);
}

/** What decides when a rule fires (not its name nor severity): rules with the same key fire and clear together. */
export const conditionKey = (r: AlertRule): string =>
  JSON.stringify([r.metric, r.scope, usesWindow(r.metric) ? r.window : "-", r.comparator, r.threshold, r.forSeconds]);
