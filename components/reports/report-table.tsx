import { KpiLink } from "@/components/kpis/kpi-link";
import { definition, formatMetric, rawValue } from "@/components/wallboard/format";
import type { Locale } from "@/lib/i18n/config";
import { statusOf, type Status } from "@/lib/metrics/registry";
import { drillHref } from "@/lib/reports/drill-url";
import type { Report } from "@/lib/reports/run-report";
import { Panel } from "../admin/ui";
import { bucketLabel } from "./bucket-label";
import type { ReportsTexts } from "./texts";

/** Beyond this, the page would weigh megabytes; the CSV has every row. */
export const MAX_TABLE_ROWS = 2000;

interface Props {
  report: Report;
  locale: Locale;
  timeZone: string;
  currency: string;
  csvHref: string;
  jsonHref: string;
  t: ReportsTexts;
}

/** The wallboard's colours (metric-tile.tsx), repeated so that this server component imports no client module. */
const STATUS_TEXT: Record<Status, string> = { ok: "text-ok", warn: "text-warn", alert: "text-alert", none: "text-ink" };

const linkClass = "rounded-md border border-panel-edge px-3 py-1 font-semibold text-ink-dim hover:bg-panel-edge hover:text-ink";

/**
 * One row per (bucket, group key), one column per chosen KPI. Each header
 * links to the KPI's definition; each cell is formatted and coloured by the
 * registry (unit, thresholds) and links to the contacts behind it (`/reports/drill`).
 * No total row: ratios and averages do not add up.
 */
export function ReportTable({ report, locale, timeZone, currency, csvHref, jsonHref, t }: Props) {
  const rows = report.rows.slice(0, MAX_TABLE_ROWS);
  const bucket = (iso: string) => {
    const label = bucketLabel(iso, report.granularity, locale, timeZone);
    return report.granularity === "week" ? t("table.weekOf", { date: label }) : label;
  };
  return (
    <Panel title={t("table.title")} testId="report-results">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <a href={csvHref} download data-testid="report-csv" className={linkClass}>
          {t("table.csv")}
        </a>
        <a href={jsonHref} data-testid="report-json" className={linkClass}>
          {t("table.json")}
        </a>
        {report.rows.length > rows.length && (
          <p data-testid="report-truncated" className="text-ink-dim">
            {t("table.truncated", { shown: rows.length, total: report.rows.length })}
          </p>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="text-ink-dim">{t("table.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table data-testid="report-table" className="w-full text-sm tabular-nums">
            <thead className="text-ink-dim">
              <tr className="align-bottom">
                <th scope="col" className="pr-3 text-left">
                  {t("table.bucket")}
                </th>
                <th scope="col" className="pr-3 text-left">
                  {t(`groupBy.${report.groupBy}`)}
                </th>
                {report.metrics.map((id) => {
                  const def = definition(id);
                  return (
                    <th key={id} scope="col" data-kpi={id} className="px-2 text-right font-semibold">
                      <KpiLink id={id} className="text-ink">
                        {def.short[locale]}
                      </KpiLink>
                      <span className="block text-xs font-normal">{t(`units.${def.unit}`, { currency })}</span>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.bucket}|${row.key}`} data-testid="report-row" data-bucket={row.bucket} data-key={row.key ?? ""} className="border-t border-panel-edge">
                  <td className="py-1 pr-3 whitespace-nowrap">{bucket(row.bucket)}</td>
                  <th scope="row" className="pr-3 text-left font-semibold">
                    {row.key ?? t("table.allCentre")}
                  </th>
                  {report.metrics.map((id) => {
                    const def = definition(id);
                    const value = row.metrics[id] ?? null;
                    const status = statusOf(def, value);
                    return (
                      <td key={id} data-kpi={id} data-value={rawValue(value)} data-status={status} className={`px-2 text-right whitespace-nowrap ${STATUS_TEXT[status]}`}>
                        <a href={drillHref(report, row, id)} data-testid="report-cell-link" className="hover:underline">
                          {formatMetric(value, def.unit, locale, currency)}
                        </a>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
