"use client";

import { useLocale, useTranslations } from "use-intl";
import type { Category } from "@/lib/metrics/kpi-types";
import { KPIS, type MetricId } from "@/lib/metrics/registry";

const GROUPS = [...new Set(KPIS.map((k) => k.category))].map((category) => ({
  category: category as Category,
  kpis: KPIS.filter((k) => k.category === category),
}));

/** The registry's KPIs by category; a click adds one to the board (once). */
export function TilePicker({ chosen, onAdd }: { chosen: ReadonlySet<string>; onAdd: (id: MetricId) => void }) {
  const t = useTranslations("Wallboards.editor");
  const tw = useTranslations("Wallboard");
  const locale = useLocale();
  return (
    <details data-testid="tile-picker" className="rounded-md border border-panel-edge">
      <summary className="cursor-pointer px-3 py-1 font-semibold text-ink-dim">{t("addTiles")}</summary>
      <div className="grid gap-3 p-3 sm:grid-cols-2 lg:grid-cols-3">
        {GROUPS.map(({ category, kpis }) => (
          <fieldset key={category} className="flex flex-col items-start gap-1 text-sm">
            <legend className="mb-1 font-semibold text-ink-dim">{tw(`categories.${category}` as "categories.volume")}</legend>
            {kpis.map((k) => (
              <button
                key={k.id}
                type="button"
                data-testid={`add-tile-${k.id}`}
                disabled={chosen.has(k.id)}
                title={k.description[locale]}
                onClick={() => onAdd(k.id as MetricId)}
                className="text-left hover:underline disabled:text-ink-faint disabled:no-underline"
              >
                + {k.name[locale]}
              </button>
            ))}
          </fieldset>
        ))}
      </div>
    </details>
  );
}
