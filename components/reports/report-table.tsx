import { KpiLink } from "@/components/kpis/kpi-link";
import { definition, formatMetric, rawValue } from "@/components/wallboard/format";
import type { Locale } from "@/lib/i18n/config";
import { statusOf, type Direction, type Status, type Unit } from "@/lib/metrics/registry";
import type { ComparedReport, ComparedRow } from "@/lib/reports/compare";
import { drillHref } from "@/lib/reports/drill-url";
import type { Report, ReportRow } from "@/lib/reports/run-report";
import { formatSort, type ReportSort } from "@/lib/reports/sort-rows";
import { Panel } from "../admin/ui";
import { bucketLabel } from "./bucket-label";
import type { ReportsTexts } from "./texts";

interface Props {
  /**
   * The rows shown (`readPage`: at most MAX_TABLE_ROWS); with `compare=previous`, of the compared report: each
   * cell also shows its change.
   */
  report: Report | ComparedReport;
  /** How many rows the whole report has. */
  total: number;
  locale: Locale;
  timeZone: string;
  currency: string;
  csvHref: string;
  jsonHref: string;
  t: ReportsTexts;
  /** For a compared report: "Previous period: …" and the unit of ratio changes ("pts"), from the Schedules texts. */
  compare?: { previousLabel: string; points: string };
  /** The rows' order, as the URL says (absent: time order), and the page's URL for another `sort`. */
  sort: ReportSort | undefined;
  sortHref: (sort: string) => string;
}

/**
 * A column header's sort control: a link to the same report in this column's
 * order, ascending first, then the other way; the header says the order in force.
 */
function SortLink({ column, name, sort, sortHref, t }: { column: string; name: string; sort: ReportSort | undefined; sortHref: (sort: string) => string; t: ReportsTexts }) {
  const active = sort?.column === column || (sort === undefined && column === "bucket");
  const descending = active && (sort?.descending ?? false);
  const next = { column, descending: active && !descending };
  return (
    <a
      href={sortHref(formatSort(next))}
      data-testid={`report-sort-${column}`}
      aria-label={t(next.descending ? "table.sortDesc" : "table.sortAsc", { name })}
      title={t(next.descending ? "table.sortDesc" : "table.sortAsc", { name })}
      className={`ml-1 font-normal hover:text-ink ${active ? "text-ink" : "text-ink-faint"}`}
    >
      {active ? (descending ? "▼" : "▲") : "↕"}
    </a>
  );
}

const ariaSort = (column: string, sort: ReportSort | undefined) =>
  sort?.column === column || (sort === undefined && column === "bucket") ? (sort?.descending ? "descending" : "ascending") : undefined;

/** The wallboard's colours (metric-tile.tsx), repeated so that this server component imports no client module. */
const STATUS_TEXT: Record<Status, string> = { ok: "text-ok", warn: "text-warn", alert: "text-alert", none: "text-ink" };

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

const isCompared = (row: ReportRow | ComparedRow): row is ComparedRow => "change" in row;

/**
 * One row per (bucket, group key), one column per chosen KPI. Each header
 * links to the KPI's definition; each cell is formatted and coloured by the
 * registry (unit, thresholds) and links to the contacts behind it (`/reports/drill`).
 * With `compare`, under each number the change from the same position (bucket,
 * group) of the previous period, coloured by the KPI's direction; the previous
 * value is in the cell's title. No total row: ratios and averages do not add up.
 */
export function ReportTable({ report, total, locale, timeZone, currency, csvHref, jsonHref, t, compare, sort, sortHref }: Props) {
  const rows: (ReportRow | ComparedRow)[] = report.rows;
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
        {compare && (
          <p data-testid="report-previous" className="text-ink-dim">
            {compare.previousLabel}
          </p>
        )}
        {total > rows.length && (
          <p data-testid="report-truncated" className="text-ink-dim">
            {t("table.truncated", { shown: rows.length, total })}
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
                <th scope="col" aria-sort={ariaSort("bucket", sort)} className="pr-3 text-left">
                  {t("table.bucket")}
                  <SortLink column="bucket" name={t("table.bucket")} sort={sort} sortHref={sortHref} t={t} />
                </th>
                <th scope="col" aria-sort={ariaSort("key", sort)} className="pr-3 text-left">
                  {t(`groupBy.${report.groupBy}`)}
                  {report.groupBy !== "none" && <SortLink column="key" name={t(`groupBy.${report.groupBy}`)} sort={sort} sortHref={sortHref} t={t} />}
                </th>
                {report.metrics.map((id) => {
                  const def = definition(id);
                  return (
                    <th key={id} scope="col" data-kpi={id} aria-sort={ariaSort(id, sort)} className="px-2 text-right font-semibold">
                      <KpiLink id={id} className="text-ink">
                        {def.short[locale]}
                      </KpiLink>
                      <SortLink column={id} name={def.short[locale]} sort={sort} sortHref={sortHref} t={t} />
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
                    const change = compare && isCompared(row) ? (row.change[id] ?? null) : null;
                    const previous = compare && isCompared(row) ? formatMetric(row.previous[id] ?? null, def.unit, locale, currency) : undefined;
                    return (
                      <td key={id} data-kpi={id} data-value={rawValue(value)} data-status={status} title={previous} className={`px-2 text-right whitespace-nowrap ${STATUS_TEXT[status]}`}>
                        <a href={drillHref(report, row, id)} data-testid="report-cell-link" className="hover:underline">
                          {formatMetric(value, def.unit, locale, currency)}
                        </a>
                        {compare && change !== null && (
                          <span data-testid="report-delta" data-change={change} className={`block text-xs ${deltaClass(def.direction, change)}`}>
                            {formatChange(change, def.unit, locale, currency, compare.points)}
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
