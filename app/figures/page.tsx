import type { Metadata } from "next";
import { createTranslator } from "use-intl/core";
import { AdminShell } from "@/components/admin/admin-shell";
import { FiguresForm } from "@/components/figures/figures-form";
import { HistoryTable } from "@/components/figures/history-table";
import { ImportPanel } from "@/components/figures/import-panel";
import { PeriodPicker } from "@/components/figures/period-picker";
import { requirePage } from "@/lib/admin/page-access";
import { canAdminister, canEditFigures, canReadReports, canViewFigures } from "@/lib/auth/permissions";
import { getPeriodFigures, listPeriodFigures } from "@/lib/figures/history";
import { isPeriodKind, localDate, parsePeriod, periodContaining, periodEnd, periodLabel, shiftPeriod } from "@/lib/figures/period";
import { getLocale, getMessages } from "@/lib/i18n/locale";
import { serverContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: "Figures" });
  return { title: t("title") };
}

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const HISTORY = 12;

/**
 * `/figures?kind=month&period=2026-11`: the figures of one period, the KPIs
 * they give, the history of the 12 periods up to it, and the CSV import.
 * Admins and managers (others get a 404).
 */
export default async function FiguresPage({ searchParams }: Props) {
  const principal = await requirePage("/figures", canViewFigures);
  const { env, database } = serverContext();
  const params = await searchParams;
  const rawKind = first(params.kind);
  const kind = isPeriodKind(rawKind) ? rawKind : "month";
  const today = localDate(new Date(), env.VIGIE_TIMEZONE);
  // A label of another kind (or a day) picks the period of `kind` holding its first day.
  const period = periodContaining(kind, parsePeriod(first(params.period) ?? "")?.start ?? today)!;
  const [current, history] = await Promise.all([
    getPeriodFigures(database.db, period),
    listPeriodFigures(database.db, { kind, from: shiftPeriod(period, 1 - HISTORY), to: period }),
  ]);
  const canEdit = canEditFigures(principal);
  const locale = await getLocale();
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: "Figures" });
  return (
    <AdminShell isAdmin={canAdminister(principal)} showFigures showReports={canReadReports(principal)} current="figures">
      <div>
        <h2 className="text-xl font-bold">{t("title")}</h2>
        <p className="max-w-4xl text-sm text-ink-dim">{t("intro")}</p>
      </div>
      <PeriodPicker
        kind={kind}
        label={current.label}
        previous={periodLabel(shiftPeriod(period, -1))}
        next={periodLabel(shiftPeriod(period, 1))}
        current={periodLabel(periodContaining(kind, today)!)}
        from={period.start}
        to={periodEnd(period)}
      />
      <FiguresForm key={`${kind}:${current.label}`} label={current.label} figures={current.figures} currency={env.VIGIE_CURRENCY} canEdit={canEdit} />
      <HistoryTable kind={kind} rows={history.map((h) => ({ label: h.label, kpis: h.kpis }))} currency={env.VIGIE_CURRENCY} selected={current.label} />
      {canEdit && <ImportPanel />}
    </AdminShell>
  );
}
