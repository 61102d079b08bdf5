import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminShell } from "@/components/admin/admin-shell";
import { DrillTable } from "@/components/drill/drill-table";
import { formatField } from "@/components/drill/format-field";
import { drillTexts } from "@/components/drill/texts";
import { bucketLabel } from "@/components/reports/bucket-label";
import { definition, formatMetric } from "@/components/wallboard/format";
import { requirePage } from "@/lib/admin/page-access";
import { canAdminister, canManageKiosks, canReadReports, canViewFigures, reportFilter } from "@/lib/auth/permissions";
import { describeIssues } from "@/lib/events/schema";
import { getLocale } from "@/lib/i18n/locale";
import { drillDown, drillQuerySchema } from "@/lib/reports/drill-down";
import { drillHref, reportBackHref } from "@/lib/reports/drill-url";
import { reportConfig } from "@/lib/reports/report-config";
import { serverContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: drillTexts(await getLocale())("title") };
}

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const linkClass = "rounded-md border border-panel-edge px-3 py-1 font-semibold text-ink-dim hover:bg-panel-edge hover:text-ink";

/**
 * `/reports/drill?from&to&granularity&groupBy&bucket&key&metric&offset`: the
 * entities behind one report cell (`GET /api/reports/drill` as a page), within
 * the reader's limits; a cell they may not see is a 404.
 */
export default async function DrillPage({ searchParams }: Props) {
  const principal = await requirePage("/reports", canReadReports);
  const { env, database } = serverContext();
  const locale = await getLocale();
  const t = drillTexts(locale);
  const raw = await searchParams;
  const params = Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string"));
  const parsed = drillQuerySchema.safeParse(params);
  const drill = parsed.success ? await drillDown(database, parsed.data, await reportConfig(database, env), reportFilter(principal)!, Date.now()) : null;
  if (parsed.success && !drill) notFound();

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
      {!parsed.success && (
        <p role="alert" data-testid="drill-error" className="font-semibold text-alert">
          {describeIssues(parsed.error.issues, params)}
        </p>
      )}
      {drill && (
        <section data-testid="drill" data-metric={drill.metric} data-total={drill.total} className="flex flex-col gap-3">
          <h2 className="text-lg font-semibold">
            {t("cell", {
              metric: definition(drill.metric as never).name[locale],
              group: drill.key ?? t("allCentre"),
              bucket: bucketLabel(drill.bucket, drill.granularity, locale, env.VIGIE_TIMEZONE),
            })}
          </h2>
          <p className="text-sm">
            <span data-testid="drill-value">{t("value", { value: formatMetric(drill.value, definition(drill.metric as never).unit, locale, env.VIGIE_CURRENCY) })}</span>
            {" · "}
            <span data-testid="drill-count">{t("count", { total: drill.total })}</span>
            {" · "}
            <a href={reportBackHref(drill)} className="underline">
              {t("back")}
            </a>
          </p>
          {drill.total === 0 ? <p className="text-ink-dim">{t("empty")}</p> : <DrillTable drill={drill} locale={locale} timeZone={env.VIGIE_TIMEZONE} t={t} />}
          {drill.notFromEntities.length > 0 && (
            <p className="text-sm text-ink-dim">
              {t("notFromEntities", { fields: drill.notFromEntities.map((f) => `${f} ${formatField(f, drill.cell[f] ?? 0, locale)}`).join(", ") })}
            </p>
          )}
          <Pager drill={drill} t={t} />
        </section>
      )}
    </AdminShell>
  );
}

function Pager({ drill, t }: { drill: NonNullable<Awaited<ReturnType<typeof drillDown>>>; t: ReturnType<typeof drillTexts> }) {
  if (drill.total <= drill.limit) return null;
  const at = (offset: number) => drillHref(drill, drill, drill.metric, { offset: String(offset), limit: String(drill.limit) });
  const last = Math.min(drill.total, drill.offset + drill.limit);
  return (
    <nav className="flex items-center gap-2 text-sm" data-testid="drill-pager">
      {drill.offset > 0 && <a href={at(Math.max(0, drill.offset - drill.limit))} className={linkClass}>{t("previous")}</a>}
      <span>{t("page", { first: drill.offset + 1, last, total: drill.total })}</span>
      {last < drill.total && <a href={at(last)} className={linkClass}>{t("next")}</a>}
    </nav>
  );
}
