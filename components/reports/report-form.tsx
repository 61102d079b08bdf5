import type { CatalogueTexts } from "@/components/kpis/texts";
import type { Locale } from "@/lib/i18n/config";
import { GRANULARITIES } from "@/lib/reports/calendar";
import { PRESETS, type DayRange, type Preset } from "@/lib/reports/presets";
import { GROUP_BY } from "@/lib/reports/report-query";
import { reportHref, type ReportParams } from "@/lib/reports/report-url";
import { buttonClass, Field, inputClass, quietButtonClass } from "../admin/ui";
import { MetricPicker } from "./metric-picker";
import type { ReportsTexts } from "./texts";

interface Props {
  params: ReportParams;
  presets: Record<Preset, DayRange>;
  locale: Locale;
  t: ReportsTexts;
  categories: CatalogueTexts;
  /** The "compare with the previous period" checkbox's label. */
  compareLabel: string;
}

/**
 * What the report shows, as a plain GET form on `/reports`: the state is the
 * URL, so back/forward, reload and a shared link all work, without script.
 * Presets are links keeping everything but the days.
 */
export function ReportForm({ params, presets, locale, t, categories, compareLabel }: Props) {
  const chosen = params.metrics.split(",");
  return (
    <form method="get" action="/reports" data-testid="report-form" className="flex flex-col gap-3">
      <nav aria-label={t("presets.label")} className="flex flex-wrap gap-2 text-sm">
        {PRESETS.map((p) => {
          const active = presets[p].from === params.from && presets[p].to === params.to;
          return (
            <a
              key={p}
              href={reportHref("/reports", { ...params, ...presets[p] })}
              aria-current={active ? "true" : undefined}
              data-testid={`preset-${p}`}
              className={active ? buttonClass : quietButtonClass}
            >
              {t(`presets.${p}`)}
            </a>
          );
        })}
      </nav>
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t("form.from")}>
          <input type="date" name="from" required defaultValue={params.from} className={inputClass} />
        </Field>
        <Field label={t("form.to")}>
          <input type="date" name="to" required defaultValue={params.to} className={inputClass} />
        </Field>
        <Field label={t("form.granularity")}>
          <select name="granularity" defaultValue={params.granularity} className={inputClass}>
            {GRANULARITIES.map((g) => (
              <option key={g} value={g}>
                {t(`granularities.${g}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("form.groupBy")}>
          <select name="groupBy" defaultValue={params.groupBy} className={inputClass}>
            {GROUP_BY.map((g) => (
              <option key={g} value={g}>
                {t(`groupBy.${g}`)}
              </option>
            ))}
          </select>
        </Field>
        <label className="flex items-center gap-2 self-center text-sm">
          <input type="checkbox" name="compare" value="previous" defaultChecked={params.compare === "previous"} data-testid="report-compare" />
          {compareLabel}
        </label>
        <button type="submit" data-testid="report-submit" className={buttonClass}>
          {t("form.show")}
        </button>
      </div>
      <MetricPicker chosen={chosen} locale={locale} t={t} categories={categories} />
    </form>
  );
}
