"use client";

import { useLocale, useTranslations } from "use-intl";
import { figureById, type FigureId, type PeriodKpiDefinition } from "@/lib/metrics/period-kpis";
import { inputClass } from "../admin/ui";
import { KpiLink } from "../kpis/kpi-link";

interface Props {
  kpi: PeriodKpiDefinition;
  /** The KPI's value from the figures as typed, already formatted. */
  value: string;
  texts: Partial<Record<FigureId, string>>;
  onChange: (id: FigureId, text: string) => void;
  readOnly: boolean;
}

/** One KPI of the form: its formula, its value for the period, and the fields of the figures it reads. */
export function KpiCard({ kpi, value, texts, onChange, readOnly }: Props) {
  const t = useTranslations("Figures.form");
  const locale = useLocale();
  const articles = [...new Set(kpi.sources.map((s) => s.article))].join(", ");
  return (
    <fieldset data-testid={`kpi-${kpi.id}`} className="flex flex-col gap-2 rounded-lg border border-panel-edge p-3">
      <legend className="px-1 font-bold">
        <KpiLink id={kpi.id} title={kpi.name[locale]}>{kpi.short[locale]}</KpiLink> <span className="font-normal text-ink-dim">· {kpi.name[locale]}</span>
      </legend>
      <p className="flex items-baseline justify-between gap-2">
        <span className="text-sm text-ink-dim">{t("value")}</span>
        <output data-testid={`kpi-value-${kpi.id}`} className="text-2xl font-extrabold" title={value === "—" ? t("missing") : undefined}>
          {value}
        </output>
      </p>
      <p className="text-sm">
        <span className="font-semibold text-ink-dim">{t("formula")} </span>
        {kpi.formula[locale]}
      </p>
      {kpi.variants?.map((v, i) => (
        <p key={i} className="text-sm">
          <span className="font-semibold text-ink-dim">{t("variant")} </span>
          {v.formula[locale]}
        </p>
      ))}
      {kpi.notes && <p className="text-xs text-ink-dim">{kpi.notes[locale]}</p>}
      <p className="text-xs text-ink-faint">{t("sources", { articles })}</p>
      <div className="flex flex-col gap-2">
        {kpi.inputs.map((id) => (
          <label key={id} className="flex items-center justify-between gap-2 text-sm">
            <span>{figureById(id).name[locale]}</span>
            <input
              data-testid={`figure-${kpi.id}-${id}`}
              name={id}
              inputMode="decimal"
              autoComplete="off"
              value={texts[id] ?? ""}
              readOnly={readOnly}
              onChange={(e) => onChange(id, e.target.value)}
              className={`${inputClass} w-36 text-right`}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
