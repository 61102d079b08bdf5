"use client";

import { useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "use-intl";
import { COMPARATORS, isAgentCondition, SEVERITIES, unitOf, usesWindow, type AlertRule } from "@/lib/alerts/rule";
import { kpi } from "@/lib/metrics/registry";
import { WINDOWS } from "@/lib/metrics/scope";
import { buttonClass, ErrorNote, Field, inputClass, quietButtonClass } from "../admin/ui";
import { useAdminRequest } from "../admin/use-admin-request";
import { fromInput, METRIC_GROUPS, toInput } from "@/lib/alerts/metric-options";

export type RuleDraft = Omit<AlertRule, "id">;

const NEW_RULE: RuleDraft = { name: "", metric: "serviceLevel", scope: "all", window: "today", comparator: "<", threshold: 0.7, forSeconds: 120, severity: "warning", enabled: true };

interface Props {
  /** The rule being edited; a new one otherwise. */
  editing: AlertRule | null;
  /** Scopes to suggest (those the user may see). */
  scopes: readonly string[];
  onDone: () => void;
}

/** Create or edit a rule: metric from the registry, threshold typed in the metric's unit (% for ratios). */
export function RuleForm({ editing, scopes, onDone }: Props) {
  const t = useTranslations("Alerts");
  const tw = useTranslations("Wallboard");
  const locale = useLocale();
  const { send, error, pending } = useAdminRequest();
  const initial = editing ?? NEW_RULE;
  const [metric, setMetric] = useState(initial.metric);
  const [threshold, setThreshold] = useState(toInput(unitOf(initial.metric), initial.threshold));
  const unit = unitOf(metric);
  const unitLabel = unit === "ratio" || unit === "seconds" ? t(`units.${unit}`) : "";

  const changeMetric = (next: string) => {
    // Keep the number the user sees meaningful across units: a ratio stays in %, the rest as typed.
    setMetric(next);
    if ((unitOf(next) === "ratio") !== (unit === "ratio")) setThreshold("");
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = {
      name: String(f.get("name") ?? ""),
      metric,
      scope: String(f.get("scope") ?? "").trim(),
      window: String(f.get("window") ?? initial.window),
      comparator: String(f.get("comparator") ?? ""),
      threshold: fromInput(unit, threshold),
      forSeconds: Number(f.get("forSeconds") ?? 0),
      severity: String(f.get("severity") ?? ""),
      enabled: editing ? editing.enabled : true,
    };
    const res = editing ? await send("PUT", `/api/admin/alerts/rules/${encodeURIComponent(editing.id)}`, body) : await send("POST", "/api/admin/alerts/rules", body);
    if (res) onDone();
  };

  const label = (id: string) => (isAgentCondition(id) ? t(`agentConditions.${id}`) : (kpi(id)?.name[locale] ?? id));
  return (
    <form onSubmit={submit} data-testid="alert-rule-form" className="flex flex-col gap-3 rounded-lg border border-panel-edge p-3">
      <h3 className="font-bold">{editing ? t("rules.editRule") : t("rules.newRule")}</h3>
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t("rules.name")}>
          <input name="name" required defaultValue={initial.name} className={inputClass} />
        </Field>
        <Field label={t("rules.metric")}>
          <select name="metric" value={metric} onChange={(e) => changeMetric(e.target.value)} className={inputClass}>
            {METRIC_GROUPS.map((g) => (
              <optgroup key={g.key} label={g.key === "agentConditions" ? t("rules.agentGroup") : tw(`categories.${g.key}`)}>
                {g.ids.map((id) => (
                  <option key={id} value={id}>
                    {label(id)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <Field label={t("rules.scope")}>
          <input name="scope" required list="alert-scopes" defaultValue={initial.scope} placeholder={t("rules.scopeHint")} className={inputClass} />
          <datalist id="alert-scopes">
            {scopes.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </Field>
        <Field label={usesWindow(metric) ? t("rules.window") : `${t("rules.window")} ${t("rules.windowIgnored")}`}>
          <select name="window" defaultValue={initial.window} disabled={!usesWindow(metric)} className={inputClass}>
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                {tw(`windows.${w}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t("rules.comparator")}>
          <select name="comparator" defaultValue={initial.comparator} className={inputClass}>
            {COMPARATORS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        <Field label={unitLabel ? `${t("rules.threshold")} (${unitLabel})` : t("rules.threshold")}>
          <input name="threshold" required inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} className={`${inputClass} w-28`} />
        </Field>
        <Field label={t("rules.forSeconds")}>
          <input name="forSeconds" required inputMode="numeric" defaultValue={String(initial.forSeconds)} title={t("rules.forHint")} className={`${inputClass} w-28`} />
        </Field>
        <Field label={t("rules.severity")}>
          <select name="severity" defaultValue={initial.severity} className={inputClass}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" data-testid="alert-rule-submit" disabled={pending} className={buttonClass}>
          {editing ? t("rules.save") : t("rules.create")}
        </button>
        {editing && (
          <button type="button" onClick={onDone} className={quietButtonClass}>
            {t("rules.cancel")}
          </button>
        )}
      </div>
      <p className="text-sm text-ink-dim">{t("rules.forHint")}</p>
      <ErrorNote error={error} />
    </form>
  );
}
