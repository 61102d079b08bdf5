import { definition, formatMetric, rawValue } from "@/components/wallboard/format";
import type { Locale } from "@/lib/i18n/config";
import type { ComparedReport } from "@/lib/reports/compare";
import type { Direction, Unit } from "@/lib/metrics/registry";
import { Panel } from "../admin/ui";
import { bucketLabel } from "./bucket-label";
import { MAX_TABLE_ROWS } from "./report-table";
import type { ReportsTexts } from "./texts";

interface Props {
  report: ComparedReport;
  locale: Locale;
  timeZone: string;
  currency: string;
  csvHref: string;
  jsonHref: string;
  t: ReportsTexts;
  /** "Previous period: …" and the unit of ratio changes ("pts"), from the Schedules texts. */
  previousLabel: string;
  points: string;
}

const linkClass = "rounded-md border border-panel-edge px-3 py-1 font-semibold text-ink-dim hover:bg-panel-edge hover:text-ink";

/** Green when the change goes the KPI's good way, red when the bad way, grey when the KPI has no good way. */
function deltaClass(direction: Direction, change: number): string {
  if (change === 0 || direction === "neutral") return "text-ink-dim";
  return (change > 0) === (direction === "higher") ? "text-ok" : "text-alert";
}

function formatChange(change: number, unit: Unit, locale: Locale, currency: string, points: string): string {
  const sign = change > 0 ? "+" : change < 0 ? "−" : "±";
  const abs = Math.abs(change);
  if (unit === "ratio") return `${sign}${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(abs)} ${points}`;
  return `${sign}${formatMetric(abs, unit, locale, currency)}`;
}

/**
 * The report table with `compare=previous`: under each number, the change
 * from the same position (bucket, group) of the previous period, coloured by
 * the KPI's direction; the previous value is in the cell's title.
 */
export function CompareTable({ report, locale, timeZone, currency, csvHref, jsonHref, t, previousLabel, points }: Props) {
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
        <p data-testid="report-previous" className="text-ink-dim">
          {previousLabel}
        </p>
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
                      {def.short[locale]}
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
                    const change = row.change[id] ?? null;
                    const previous = row.previous[id] ?? null;
                    return (
                      <td key={id} data-kpi={id} data-value={rawValue(row.metrics[id] ?? null)} className="px-2 text-right whitespace-nowrap" title={formatMetric(previous, def.unit, locale, currency)}>
                        {formatMetric(row.metrics[id] ?? null, def.unit, locale, currency)}
                        {change !== null && (
                          <span data-testid="report-delta" data-change={change} className={`block text-xs ${deltaClass(def.direction, change)}`}>
                            {formatChange(change, def.unit, locale, currency, points)}
                          </span>
                        )}
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
