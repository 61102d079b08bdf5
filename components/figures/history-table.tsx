"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "use-intl";
import type { PeriodKind } from "@/lib/figures/period";
import { PERIOD_KPIS, type PeriodKpiValues } from "@/lib/metrics/period-kpis";
import { DataTable, Panel } from "../admin/ui";
import { useValueFormat } from "./format";

export interface HistoryRow {
  label: string;
  kpis: PeriodKpiValues;
}

/** Every period KPI per period, newest first; each column header links to the KPI in the catalogue. */
export function HistoryTable({ kind, rows, currency, selected }: { kind: PeriodKind; rows: HistoryRow[]; currency: string; selected: string }) {
  const t = useTranslations("Figures.history");
  const locale = useLocale();
  const format = useValueFormat(currency);
  const columns = [
    t("period"),
    ...PERIOD_KPIS.map((k) => (
      <a key={k.id} href={`/kpis#${k.id}`} title={`${k.name[locale]} — ${t("catalogue")}`} className="whitespace-nowrap underline decoration-dotted">
        {k.short[locale]}
      </a>
    )),
  ];
  return (
    <Panel title={t("title")} testId="figures-history">
      {rows.length === 0 ? (
        <p className="text-ink-dim">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <DataTable columns={columns} small>
            {rows.map((r) => (
              <tr
                key={r.label}
                data-testid={`history-row-${r.label}`}
                aria-current={r.label === selected ? "true" : undefined}
                className={`border-t border-panel-edge ${r.label === selected ? "bg-panel-edge" : ""}`}
              >
                <td className="py-1 pr-3 font-semibold whitespace-nowrap">
                  <Link href={`/figures?kind=${kind}&period=${encodeURIComponent(r.label)}`}>{r.label}</Link>
                </td>
                {PERIOD_KPIS.map((k) => (
                  <td key={k.id} data-kpi={k.id} className="pr-3 text-right whitespace-nowrap">
                    {format(r.kpis[k.id], k.unit)}
                  </td>
                ))}
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </Panel>
  );
}
