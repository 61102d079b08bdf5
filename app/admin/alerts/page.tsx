import type { Metadata } from "next";
import { createTranslator } from "use-intl/core";
import { AdminShell } from "@/components/admin/admin-shell";
import { HistorySection } from "@/components/alerts/history-section";
import { RulesSection } from "@/components/alerts/rules-section";
import { requirePage } from "@/lib/admin/page-access";
import { listAlertHistory } from "@/lib/alerts/history";
import { listRules } from "@/lib/alerts/rules-store";
import { canAdminister, canEditAlertRule, canManageAlerts, canManageKiosks, canReadReports, canViewFigures, canViewScope } from "@/lib/auth/permissions";
import { getLocale, getMessages } from "@/lib/i18n/locale";
import { serverContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: "Alerts" });
  return { title: t("title") };
}

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * `/admin/alerts?rule=<id>&open=1&before=<id>`: the alert rules on scopes the
 * user may see, and their history. Admins, managers and supervisors (others get a 404).
 */
export default async function AlertsPage({ searchParams }: Props) {
  const principal = await requirePage("/admin/alerts", canManageAlerts);
  const { database, hub, queuesOfAgent } = serverContext();
  const ctx = { queuesOfAgent };
  const params = await searchParams;
  const rules = (await listRules(database.db)).filter((r) => canEditAlertRule(principal, r.scope, ctx));
  const ruleParam = first(params.rule);
  const ruleId = rules.some((r) => r.id === ruleParam) ? ruleParam! : null;
  const open = first(params.open) === "1";
  const beforeRaw = Number(first(params.before));
  const before = Number.isSafeInteger(beforeRaw) && beforeRaw > 0 ? beforeRaw : undefined;
  const history = await listAlertHistory(database.db, {
    ruleId: ruleId ?? undefined,
    open: open || undefined,
    before,
    limit: 50,
    visible: (e) => canViewScope(principal, e.scope, ctx),
  });
  const catalog = hub.catalog();
  const scopes = ["all", ...catalog.queues.map((q) => `queue:${q}`), ...catalog.channels.map((c) => `channel:${c}`), ...catalog.agents.map((a) => `agent:${a}`)].filter((s) =>
    canViewScope(principal, s, ctx),
  );
  return (
    <AdminShell isAdmin={canAdminister(principal)} showFigures={canViewFigures(principal)} showKiosks={canManageKiosks(principal)} showReports={canReadReports(principal)} showAlerts current="alerts">
      <RulesSection rules={rules.map(({ createdAt: _c, updatedAt: _u, createdBy: _b, ...r }) => r)} scopes={scopes} />
      <HistorySection
        events={history.events}
        nextBefore={history.nextBefore}
        paged={before !== undefined}
        filters={{ ruleId, open }}
        rules={rules.map((r) => ({ id: r.id, name: r.name }))}
      />
    </AdminShell>
  );
}
