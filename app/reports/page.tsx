import type { Metadata } from "next";
import { AdminShell } from "@/components/admin/admin-shell";
import { ContactSearch } from "@/components/drill/contact-search";
import { drillTexts } from "@/components/drill/texts";
import { catalogueTexts } from "@/components/kpis/texts";
import { bucketLabel } from "@/components/reports/bucket-label";
import { chartData } from "@/components/reports/chart-data";
import { ReportChart } from "@/components/reports/report-chart";
import { ReportForm } from "@/components/reports/report-form";
import { ReportTable } from "@/components/reports/report-table";
import { ScheduleForm } from "@/components/reports/schedules/schedule-form";
import { schedulesTexts } from "@/components/reports/schedules/texts";
import { reportsTexts } from "@/components/reports/texts";
import { definition } from "@/components/wallboard/format";
import { requirePage } from "@/lib/admin/page-access";
import { canAdminister, canManageKiosks, canManageReportSchedules, canReadReports, canViewFigures, reportFilter } from "@/lib/auth/permissions";
import { describeIssues } from "@/lib/events/schema";
import { getLocale } from "@/lib/i18n/locale";
import { PRESETS, presetRanges } from "@/lib/reports/presets";
import { reportConfig } from "@/lib/reports/report-config";
import { reportQuerySchema } from "@/lib/reports/report-query";
import { reportHref, reportParams } from "@/lib/reports/report-url";
import { runMaybeCompared } from "@/lib/reports/run-compared";
import { readPage, type ReportPage } from "@/lib/reports/report-page";
import { MAX_REPORT_ROWS, MAX_REPORT_VALUES, ReportTooLargeError } from "@/lib/reports/run-report";
import { parseSort, type ReportSort } from "@/lib/reports/sort-rows";
import { serverContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: reportsTexts(await getLocale())("title") };
}

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * `/reports?from=&to=&granularity=&groupBy=&metrics=`: historical KPIs, with
 * the API's parameters (CONTRACT §4) and defaults (today, by hour, per queue).
 * Computed here by the same operation as `GET /api/reports`, limited to what
 * the reader may see (`reportFilter`, CONTRACT §6); others get a 404.
 */
export default async function ReportsPage({ searchParams }: Props) {
  const principal = await requirePage("/reports", canReadReports);
  const { env, database } = serverContext();
  const locale = await getLocale();
  const t = reportsTexts(locale);
  const timeZone = env.VIGIE_TIMEZONE;
  const now = Date.now();
  const presets = presetRanges(now, timeZone);
  const params = reportParams(await searchParams, presets.today.from);
  const parsed = reportQuerySchema.safeParse(params);
  let page: ReportPage | null = null;
  let tooLarge: ReportTooLargeError | null = null;
  if (parsed.success) {
    try {
      // What the page shows is read here, before rendering: the report's sums then serve the next report.
      page = readPage(await runMaybeCompared(database, parsed.data, await reportConfig(database, env), reportFilter(principal)!, now, params.compare === "previous"));
    } catch (e) {
      if (!(e instanceof ReportTooLargeError)) throw e;
      tooLarge = e;
    }
  }
  const ts = schedulesTexts(locale);

  return (
    <AdminShell
      isAdmin={canAdminister(principal)}
      showFigures={canViewFigures(principal)}
      showKiosks={canManageKiosks(principal)}
      showReports
      current="reports"
      title={t("title")}
    >
      <p className="max-w-4xl text-sm text-ink-dim">{t("intro")}</p>
      <ContactSearch t={drillTexts(locale)} />
      <ReportForm params={params} presets={presets} locale={locale} t={t} categories={catalogueTexts(locale)} compareLabel={ts("compare.label")} />
      {canManageReportSchedules(principal) && (
        <ScheduleForm
          draft={{
            name: `${t("title")} ${params.groupBy}`,
            // The period as seen from today: the preset whose days are on screen, else yesterday.
            preset: PRESETS.find((p) => presets[p].from === params.from && presets[p].to === params.to) ?? "yesterday",
            granularity: params.granularity,
            groupBy: params.groupBy,
            metrics: params.metrics,
            lang: locale,
          }}
        />
      )}
      {tooLarge && (
        <p role="alert" data-testid="report-error" className="font-semibold text-alert">
          {t("tooLarge", {
            atLeast: tooLarge.groups > 1 ? t("atLeast") : "",
            rows: (tooLarge.buckets * tooLarge.groups).toLocaleString(locale),
            buckets: tooLarge.buckets.toLocaleString(locale),
            groups: tooLarge.groups,
            metrics: tooLarge.metrics,
            maxRows: MAX_REPORT_ROWS.toLocaleString(locale),
            maxValues: MAX_REPORT_VALUES.toLocaleString(locale),
          })}
        </p>
      )}
      {parsed.success ? (
        <p data-testid="report-span" className="text-sm text-ink-faint">
          {t("span", { from: params.from, to: params.to, timeZone })}
        </p>
      ) : (
        <p role="alert" data-testid="report-error" className="font-semibold text-alert">
          {t("invalid", { error: describeIssues(parsed.error.issues, params) })}
        </p>
      )}
      {page && (
        <Results
          page={page}
          locale={locale}
          timeZone={timeZone}
          currency={env.VIGIE_CURRENCY}
          href={(extra) => reportHref("/api/reports", params, extra)}
          sort={parsed.success && parsed.data.sort !== undefined ? parseSort(parsed.data.sort) : undefined}
          sortHref={(sort) => reportHref("/reports", { ...params, sort })}
        />
      )}
    </AdminShell>
  );
}

interface ResultsProps {
  page: ReportPage;
  locale: "fr" | "en";
  timeZone: string;
  currency: string;
  href: (extra?: Record<string, string>) => string;
  sort: ReportSort | undefined;
  sortHref: (sort: string) => string;
}

function Results({ page, locale, timeZone, currency, href, sort, sortHref }: ResultsProps) {
  const t = reportsTexts(locale);
  const report = page.shown;
  const first = definition(report.metrics[0]!);
  // The chart reads its first metric's column (`readPage`), none past MAX_CHART_POINTS buckets (90 days at 15 min).
  const data = page.chart ? chartData(page.chart, (b) => bucketLabel(b, report.granularity, locale, timeZone)) : null;
  return (
    <>
      {data && data.points.length > 0 && (
        <ReportChart
          title={t("chart.title", { name: first.name[locale] })}
          unit={first.unit}
          currency={currency}
          data={data}
          allName={t("table.allCentre")}
          note={data.total > data.series.length ? t("chart.more", { shown: data.series.length, total: data.total }) : null}
        />
      )}
      <ReportTable
        report={report}
        total={page.total}
        locale={locale}
        timeZone={timeZone}
        currency={currency}
        csvHref={href({ format: "csv", lang: locale })}
        jsonHref={href()}
        t={t}
        sort={sort}
        sortHref={sortHref}
        compare={
          "previous" in report
            ? { previousLabel: schedulesTexts(locale)("compare.previous", report.previous), points: schedulesTexts(locale)("compare.points") }
            : undefined
        }
      />
    </>
  );
}
