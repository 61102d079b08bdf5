import type { CatalogueTexts } from "@/components/kpis/texts";
import type { Locale } from "@/lib/i18n/config";
import { HISTORICAL_IDS, kpi, type KpiDefinition } from "@/lib/metrics/registry";
import type { ReportsTexts } from "./texts";

/** The KPIs a report computes, by registry category, in registry order. */
const GROUPS = HISTORICAL_IDS.map((id) => kpi(id)!).reduce<Map<KpiDefinition["category"], KpiDefinition[]>>((groups, k) => {
  groups.set(k.category, [...(groups.get(k.category) ?? []), k]);
  return groups;
}, new Map());

interface Props {
  chosen: readonly string[];
  locale: Locale;
  t: ReportsTexts;
  categories: CatalogueTexts;
}

/**
 * Checkboxes named `metrics`, one per KPI: submitted by the GET form as
 * repeated values, which the page reads like the API's comma list.
 */
export function MetricPicker({ chosen, locale, t, categories }: Props) {
  return (
    <details data-testid="metric-picker" className="rounded-md border border-panel-edge">
      <summary className="cursor-pointer px-3 py-1 font-semibold text-ink-dim">{t("form.metrics", { count: chosen.length })}</summary>
      <div className="grid gap-3 p-3 sm:grid-cols-2 lg:grid-cols-4">
        {[...GROUPS].map(([category, kpis]) => (
          <fieldset key={category} className="flex flex-col gap-1 text-sm">
            <legend className="mb-1 font-semibold text-ink-dim">{categories(`categories.${category}`)}</legend>
            {kpis.map((k) => (
              <label key={k.id} className="flex items-baseline gap-2">
                <input type="checkbox" name="metrics" value={k.id} defaultChecked={chosen.includes(k.id)} data-testid={`metric-${k.id}`} />
                <span title={k.short[locale]}>{k.name[locale]}</span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
    </details>
  );
}
