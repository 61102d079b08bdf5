"use client";

import { useFormatter, useLocale, useTranslations } from "use-intl";
import type { ImportReport } from "@/lib/figures/import";
import { isFigureId, figureById } from "@/lib/metrics/period-kpis";
import { DataTable } from "../admin/ui";

/** What an import changed (or, dry, would change), and every rejected row or cell with its reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const t = useTranslations("Figures.import");
  const tp = useTranslations("Figures.problems");
  const locale = useLocale();
  const format = useFormatter();
  const num = (v: number | null | undefined) => (v === null || v === undefined ? "—" : format.number(v));
  const name = (id: string) => (isFigureId(id) ? figureById(id).name[locale] : id);
  const counts = { count: report.changed, periods: report.periods.length };
  return (
    <div data-testid="import-report" data-dry-run={report.dryRun} className="flex flex-col gap-3 text-sm">
      <p className="font-semibold">
        {report.dryRun ? t("wouldChange", counts) : t("changed", counts)} {report.dryRun && <span className="text-warn">{t("dryRunDone")}</span>}
      </p>
      {report.periods.length > 0 && (
        <DataTable columns={[t("line"), "", t("changes")]} small>
          {report.periods.map((p) => (
            <tr key={p.line} data-testid="import-period" className="border-t border-panel-edge align-top">
              <td className="py-1 pr-3">{p.line}</td>
              <td className="pr-3 font-semibold">{p.label}</td>
              <td className="text-ink-dim">
                {Object.keys(p.changes).length === 0
                  ? t("noChange")
                  : Object.entries(p.changes)
                      .map(([id, c]) => t("change", { figure: name(id), from: num(c?.from), to: num(c?.to) }))
                      .join(" · ")}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {report.rejected.length > 0 && (
        <>
          <p className="font-semibold text-alert">{t("rejected", { count: report.rejected.length })}</p>
          <DataTable columns={[t("line"), t("column"), t("cell"), t("reason")]} small>
            {report.rejected.map((r, i) => (
              <tr key={i} data-testid="import-rejected" data-line={r.line} data-code={r.code} className="border-t border-panel-edge align-top">
                <td className="py-1 pr-3">{r.line}</td>
                <td className="pr-3 break-all">{r.column ?? "—"}</td>
                <td className="pr-3 break-all">{r.value ?? "—"}</td>
                <td>{tp(r.code)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </div>
  );
}
