"use client";

import { useFormatter, useLocale, useTranslations } from "use-intl";
import type { AlertEventInfo } from "@/lib/alerts/history";
import { unitOf } from "@/lib/alerts/rule";
import { buttonClass, DataTable, Field, inputClass, Panel } from "../admin/ui";
import { formatMetric, NO_VALUE } from "../wallboard/format";

export interface HistoryFilters {
  ruleId: string | null;
  open: boolean;
}

interface Props {
  events: AlertEventInfo[];
  nextBefore: number | null;
  /** Showing an older page (a link back to the newest). */
  paged: boolean;
  filters: HistoryFilters;
  /** Rules to filter by: id → name. */
  rules: { id: string; name: string }[];
}

const href = (f: HistoryFilters, before?: number) => {
  const q = new URLSearchParams();
  if (f.ruleId) q.set("rule", f.ruleId);
  if (f.open) q.set("open", "1");
  if (before !== undefined) q.set("before", String(before));
  const s = q.toString();
  return `/admin/alerts${s ? `?${s}` : ""}`;
};

function HistoryRow({ e }: { e: AlertEventInfo }) {
  const t = useTranslations("Alerts.history");
  const locale = useLocale();
  const format = useFormatter();
  const unit = unitOf(String(e.details.metric ?? "")) ?? "number";
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "medium" });
  const clearedBy = e.details.clearedBy;
  return (
    <tr data-testid="alert-history-row" data-rule={e.ruleId} data-open={e.clearedAt === null} className="border-t border-panel-edge">
      <td className="py-2 pr-3 font-semibold">{e.ruleName}</td>
      <td className="pr-3">
        {e.scope}
        {e.subject && <span className="text-ink-dim"> · {e.subject}</span>}
      </td>
      <td className="pr-3">{when(e.firedAt)}</td>
      <td className="pr-3">
        {e.clearedAt ? when(e.clearedAt) : <span className="font-semibold text-alert">{t("ongoing")}</span>}
        {(clearedBy === "ruleChanged" || clearedBy === "restart") && <span className="text-ink-dim"> ({t(`clearedBy.${clearedBy}`)})</span>}
      </td>
      <td className="pr-3 tabular-nums">{e.clearedAt ? formatMetric((e.clearedAt.getTime() - e.firedAt.getTime()) / 1000, "seconds", locale) : NO_VALUE}</td>
      <td className="pr-3 tabular-nums">{formatMetric(e.valueAtFire, unit, locale)}</td>
      <td className="tabular-nums">{formatMetric(e.peakValue, unit, locale)}</td>
    </tr>
  );
}

/** Every time a rule fired: when, until when, how long, its value then and its worst. Filters and pages are in the URL. */
export function HistorySection({ events, nextBefore, paged, filters, rules }: Props) {
  const t = useTranslations("Alerts.history");
  return (
    <Panel title={t("title")} testId="alert-history">
      <form method="get" action="/admin/alerts" className="flex flex-wrap items-end gap-3">
        <Field label={t("rule")}>
          <select name="rule" defaultValue={filters.ruleId ?? ""} className={inputClass}>
            <option value="">{t("allRules")}</option>
            {rules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </Field>
        <label className="flex items-center gap-2 pb-1 text-sm font-semibold text-ink-dim">
          <input type="checkbox" name="open" value="1" defaultChecked={filters.open} />
          {t("openOnly")}
        </label>
        <button type="submit" className={buttonClass}>
          {t("filter")}
        </button>
      </form>
      {events.length === 0 ? (
        <p className="text-ink-dim">{t("none")}</p>
      ) : (
        <DataTable columns={[t("rule"), t("scope"), t("fired"), t("cleared"), t("duration"), t("valueAtFire"), t("peak")]}>
          {events.map((e) => (
            <HistoryRow key={e.id} e={e} />
          ))}
        </DataTable>
      )}
      <nav className="flex gap-4 text-sm font-semibold">
        {paged && <a href={href(filters)}>{t("newest")}</a>}
        {nextBefore !== null && <a href={href(filters, nextBefore)}>{t("older")}</a>}
      </nav>
    </Panel>
  );
}
