import type { Metadata } from "next";
import { AdminShell } from "@/components/admin/admin-shell";
import { ScheduleList, type ScheduleRowView } from "@/components/reports/schedules/schedule-list";
import { schedulesTexts as texts } from "@/components/reports/schedules/texts";
import { requirePage } from "@/lib/admin/page-access";
import { canAdminister, canManageKiosks, canManageReportSchedules, canViewFigures } from "@/lib/auth/permissions";
import { getLocale } from "@/lib/i18n/locale";
import { listSchedules } from "@/lib/reports/schedules/store";
import { serverContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: texts(await getLocale())("title") };
}

/** `/reports/schedules`: the report schedules and how their last run went (managers, admins). */
export default async function SchedulesPage() {
  const principal = await requirePage("/reports/schedules", canManageReportSchedules);
  const { env, database } = serverContext();
  const t = texts(await getLocale());
  const schedules: ScheduleRowView[] = (await listSchedules(database.db)).map((s) => ({
    id: s.id,
    name: s.name,
    preset: s.query.preset,
    frequency: s.frequency,
    destination: s.destination.kind === "webhook" ? s.destination.url : `${env.VIGIE_REPORTS_DIR}/${s.destination.path}`.replace(/\/$/, ""),
    enabled: s.enabled,
    lastRunAt: s.lastRunAt?.toISOString() ?? null,
    lastStatus: s.lastStatus,
    lastError: s.lastError,
  }));
  return (
    <AdminShell
      isAdmin={canAdminister(principal)}
      showFigures={canViewFigures(principal)}
      showKiosks={canManageKiosks(principal)}
      showReports
      current="reports"
      title={t("title")}
    >
      <p className="max-w-4xl text-sm text-ink-dim">{t("intro", { timeZone: env.VIGIE_TIMEZONE })}</p>
      <ScheduleList schedules={schedules} />
    </AdminShell>
  );
}
