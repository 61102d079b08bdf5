import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Drizzle } from "../../db/client";
import { alertRules } from "../../db/schema";
import { recordAudit, type AuditActor } from "../auth/audit";
import { ruleInput, type AlertRule, type Comparator, type RuleInput, type Severity } from "./rule";
import type { Scope, WindowId } from "../metrics/scope";

/**
 * Alert rules in the database. Who may change which rule is decided by
 * `canEditAlertRule` before these are called; each change and its audit entry
 * share one transaction. The running server reloads its rules after a change
 * (`ServerContext.reloadAlertRules`).
 */

export interface AlertRuleInfo extends AlertRule {
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type Row = typeof alertRules.$inferSelect;

function toInfo(r: Row): AlertRuleInfo {
  return {
    id: r.id,
    name: r.name,
    metric: r.metric,
    scope: r.scope as Scope,
    window: r.window as WindowId,
    comparator: r.comparator as Comparator,
    threshold: r.threshold,
    forSeconds: r.forSeconds,
    severity: r.severity as Severity,
    enabled: r.enabled,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** What the audit log keeps of a rule: its definition. */
const audited = (r: AlertRule) => ({
  name: r.name,
  metric: r.metric,
  scope: r.scope,
  window: r.window,
  comparator: r.comparator,
  threshold: r.threshold,
  forSeconds: r.forSeconds,
  severity: r.severity,
  enabled: r.enabled,
});

export async function listRules(db: Drizzle): Promise<AlertRuleInfo[]> {
  const rows = await db.select().from(alertRules).orderBy(asc(alertRules.name), asc(alertRules.id));
  return rows.map(toInfo);
}

export async function listEnabledRules(db: Drizzle): Promise<AlertRuleInfo[]> {
  const rows = await db.select().from(alertRules).where(eq(alertRules.enabled, true)).orderBy(asc(alertRules.id));
  return rows.map(toInfo);
}

export async function getRule(db: Drizzle, id: string): Promise<AlertRuleInfo | null> {
  const [row] = await db.select().from(alertRules).where(eq(alertRules.id, id)).limit(1);
  return row ? toInfo(row) : null;
}

export async function createRule(db: Drizzle, input: RuleInput, actor: AuditActor): Promise<AlertRuleInfo> {
  const rule = ruleInput.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(alertRules)
      .values({ id: randomUUID(), ...rule, createdBy: actor.kind === "user" ? actor.id : null })
      .returning();
    const info = toInfo(row!);
    await recordAudit(tx, { actor, action: "alertRule.create", target: info.id, details: audited(info) });
    return info;
  });
}

/** Replaces a rule's definition; null when there is no such rule. */
export async function updateRule(db: Drizzle, id: string, input: RuleInput, actor: AuditActor): Promise<AlertRuleInfo | null> {
  const rule = ruleInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(alertRules).where(eq(alertRules.id, id)).for("update");
    if (!before) return null;
    const [row] = await tx.update(alertRules).set({ ...rule, updatedAt: new Date() }).where(eq(alertRules.id, id)).returning();
    const from = audited(toInfo(before));
    const to = audited(toInfo(row!));
    const diff = Object.fromEntries(
      (Object.keys(to) as (keyof typeof to)[]).filter((k) => from[k] !== to[k]).map((k) => [k, { from: from[k], to: to[k] }]),
    );
    await recordAudit(tx, { actor, action: "alertRule.update", target: id, details: diff });
    return toInfo(row!);
  });
}

export async function setRuleEnabled(db: Drizzle, id: string, enabled: boolean, actor: AuditActor): Promise<AlertRuleInfo | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(alertRules).set({ enabled, updatedAt: new Date() }).where(eq(alertRules.id, id)).returning();
    if (!row) return null;
    await recordAudit(tx, { actor, action: enabled ? "alertRule.enable" : "alertRule.disable", target: id, details: { name: row.name } });
    return toInfo(row);
  });
}

/** Deletes a rule; its history stays (it names the rule as it was). */
export async function deleteRule(db: Drizzle, id: string, actor: AuditActor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(alertRules).where(eq(alertRules.id, id)).returning();
    if (!row) return false;
    await recordAudit(tx, { actor, action: "alertRule.delete", target: id, details: audited(toInfo(row)) });
    return true;
  });
}
