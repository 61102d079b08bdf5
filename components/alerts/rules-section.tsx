"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { isAgentCondition, unitOf, usesWindow, type AlertRule } from "@/lib/alerts/rule";
import { kpi } from "@/lib/metrics/registry";
import { DataTable, ErrorNote, Panel, quietButtonClass } from "../admin/ui";
import { useAdminRequest } from "../admin/use-admin-request";
import { formatMetric } from "../wallboard/format";
import { RuleForm } from "./rule-form";

/** "< 70 % for 2:00": a rule's condition in the viewer's language. */
export function useConditionText() {
  const t = useTranslations("Alerts");
  const locale = useLocale();
  return (r: Pick<AlertRule, "metric" | "comparator" | "threshold" | "forSeconds">): string => {
    const name = isAgentCondition(r.metric) ? t(`agentConditions.${r.metric}`) : (kpi(r.metric)?.short[locale] ?? r.metric);
    const threshold = formatMetric(r.threshold, unitOf(r.metric) ?? "number", locale);
    const during = r.forSeconds === 0 ? t("rules.forNone") : t("rules.forDuration", { duration: formatMetric(r.forSeconds, "seconds", locale) });
    return `${name} ${r.comparator} ${threshold} ${during}`;
  };
}

function RuleRow({ rule, onEdit }: { rule: AlertRule; onEdit: () => void }) {
  const t = useTranslations("Alerts");
  const tw = useTranslations("Wallboard");
  const condition = useConditionText();
  const { send, error, pending } = useAdminRequest();
  const url = `/api/admin/alerts/rules/${encodeURIComponent(rule.id)}`;
  const remove = () => {
    if (confirm(t("rules.confirmDelete", { name: rule.name }))) void send("DELETE", url);
  };
  return (
    <tr data-testid={`alert-rule-${rule.name}`} data-enabled={rule.enabled} className="border-t border-panel-edge align-top">
      <td className="py-2 pr-3 font-semibold">{rule.name}</td>
      <td className="py-2 pr-3">{condition(rule)}</td>
      <td className="py-2 pr-3">
        {rule.scope}
        {usesWindow(rule.metric) && <span className="text-ink-dim"> · {tw(`windows.${rule.window}`)}</span>}
      </td>
      <td className={`py-2 pr-3 font-semibold ${rule.severity === "critical" ? "text-alert" : "text-warn"}`}>{t(`severity.${rule.severity}`)}</td>
      <td className="py-2 pr-3">
        <button type="button" data-testid="alert-rule-toggle" aria-pressed={rule.enabled} disabled={pending} onClick={() => send("PATCH", url, { enabled: !rule.enabled })} className={quietButtonClass}>
          {rule.enabled ? t("rules.on") : t("rules.off")}
        </button>
      </td>
      <td className="flex gap-2 py-2">
        <button type="button" data-testid="alert-rule-edit" onClick={onEdit} className={quietButtonClass}>
          {t("rules.edit")}
        </button>
        <button type="button" data-testid="alert-rule-delete" disabled={pending} onClick={remove} className={quietButtonClass}>
          {t("rules.delete")}
        </button>
        <ErrorNote error={error} />
      </td>
    </tr>
  );
}

/** Alert rules: create, edit, enable or disable, delete. */
export function RulesSection({ rules, scopes }: { rules: AlertRule[]; scopes: readonly string[] }) {
  const t = useTranslations("Alerts");
  const [editing, setEditing] = useState<AlertRule | null>(null);
  // A new key after each save gives a fresh, empty form.
  const [formKey, setFormKey] = useState(0);
  const done = () => {
    setEditing(null);
    setFormKey((k) => k + 1);
  };
  return (
    <Panel title={t("rules.title")} testId="alert-rules">
      <p className="max-w-4xl text-sm text-ink-dim">{t("intro")}</p>
      <RuleForm key={editing ? `edit-${editing.id}` : `new-${formKey}`} editing={editing} scopes={scopes} onDone={done} />
      {rules.length === 0 ? (
        <p className="text-ink-dim">{t("rules.none")}</p>
      ) : (
        <DataTable columns={[t("rules.name"), t("rules.condition"), t("rules.scope"), t("rules.severity"), t("rules.status"), ""]}>
          {rules.map((r) => (
            <RuleRow key={r.id} rule={r} onEdit={() => setEditing(r)} />
          ))}
        </DataTable>
      )}
    </Panel>
  );
}
