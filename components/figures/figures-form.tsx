"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { parseNumber } from "@/lib/figures/number";
import { FIGURE_IDS, figureById, PERIOD_KPIS, type FigureId, type FigureValues } from "@/lib/metrics/period-kpis";
import type { Category } from "@/lib/metrics/kpi-types";
import { buttonClass, ErrorNote, Panel } from "../admin/ui";
import { useAdminRequest } from "../admin/use-admin-request";
import { useInputText, useValueFormat } from "./format";
import { KpiCard } from "./kpi-card";

interface Props {
  label: string;
  figures: FigureValues;
  currency: string;
  canEdit: boolean;
}

const CATEGORIES = [...new Set(PERIOD_KPIS.map((k) => k.category))] as Category[];

/**
 * The figures of one period, grouped by the KPI they feed; each KPI shows its
 * value as the figures are typed. One text per figure: a figure shared by
 * several KPIs has one value. Saving sends only the changed figures.
 */
export function FiguresForm({ label, figures, currency, canEdit }: Props) {
  const t = useTranslations("Figures");
  const locale = useLocale();
  const format = useValueFormat(currency);
  const toText = useInputText();
  const initial = Object.fromEntries(FIGURE_IDS.map((id) => [id, toText(figures[id])])) as Record<FigureId, string>;
  const [texts, setTexts] = useState(initial);
  const [localError, setLocalError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { send, error, pending } = useAdminRequest();

  const values: FigureValues = {};
  for (const id of FIGURE_IDS) {
    const n = parseNumber(texts[id]);
    if (n !== null) values[id] = n;
  }
  const changed = FIGURE_IDS.filter((id) => texts[id].trim() !== initial[id].trim());

  const save = async () => {
    setLocalError(null);
    setSaved(false);
    const bad = changed.find((id) => texts[id].trim() !== "" && parseNumber(texts[id]) === null);
    if (bad) return setLocalError(t("form.notANumber", { figure: figureById(bad).name[locale], value: texts[bad] }));
    const body = Object.fromEntries(changed.map((id) => [id, texts[id].trim() === "" ? null : parseNumber(texts[id])]));
    if ((await send("PUT", "/api/figures", { period: label, values: body })) !== null) setSaved(true);
  };

  return (
    <Panel title={t("form.title", { period: label })} testId="figures-form">
      <p className="text-sm text-ink-dim">{canEdit ? t("form.hint") : t("form.readOnly")}</p>
      {CATEGORIES.map((category) => (
        <section key={category} className="flex flex-col gap-2">
          <h3 className="font-bold uppercase text-ink-dim">{t(`categories.${category}`)}</h3>
          <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
            {PERIOD_KPIS.filter((k) => k.category === category).map((kpi) => (
              <KpiCard
                key={kpi.id}
                kpi={kpi}
                value={format(kpi.compute(values), kpi.unit)}
                texts={texts}
                readOnly={!canEdit}
                onChange={(id, text) => {
                  setSaved(false);
                  setTexts((prev) => ({ ...prev, [id]: text }));
                }}
              />
            ))}
          </div>
        </section>
      ))}
      {canEdit && (
        <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-panel-edge bg-panel py-3">
          <button type="button" data-testid="save-figures" disabled={pending || changed.length === 0} onClick={save} className={buttonClass}>
            {t("form.save")}
          </button>
          {changed.length > 0 && <span className="text-sm text-warn">{t("form.unsaved", { count: changed.length })}</span>}
          {saved && changed.length === 0 && (
            <span data-testid="figures-saved" className="text-sm text-ok">
              {t("form.saved")}
            </span>
          )}
          <ErrorNote error={localError ?? error} />
        </div>
      )}
    </Panel>
  );
}
