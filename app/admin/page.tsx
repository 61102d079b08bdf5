import type { Metadata } from "next";
import { createTranslator } from "use-intl/core";
import { AdminShell } from "@/components/admin/admin-shell";
import { ADMIN_TABS, type AdminTab } from "@/components/admin/tabs";
import { ApiKeysSection } from "@/components/admin/api-keys-section";
import { AuditSection } from "@/components/admin/audit-section";
import { QueuesSection } from "@/components/admin/queues-section";
import { UsersSection } from "@/components/admin/users-section";
import { requirePage } from "@/lib/admin/page-access";
import { listQueueSettings } from "@/lib/admin/queue-settings";
import { listApiKeys } from "@/lib/auth/api-keys";
import { listAudit } from "@/lib/auth/audit";
import { canAdminister, canReadReports, canViewFigures } from "@/lib/auth/permissions";
import { listUsers } from "@/lib/auth/users";
import { getLocale, getMessages } from "@/lib/i18n/locale";
import { serverContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: "Admin" });
  return { title: t("title") };
}

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

async function Section({ tab, before, selfId }: { tab: AdminTab; before: number | undefined; selfId: string }) {
  const { database, hub, env } = serverContext();
  const db = database.db;
  switch (tab) {
    case "users":
      return <UsersSection users={await listUsers(db)} selfId={selfId} />;
    case "keys":
      return <ApiKeysSection keys={await listApiKeys(db)} />;
    case "queues": {
      const settings = new Map((await listQueueSettings(db)).map((s) => [s.queue, s]));
      const names = [...new Set([...hub.catalog().queues, ...settings.keys()])].sort((a, b) => a.localeCompare(b));
      const rows = names.map((queue) => {
        const s = settings.get(queue);
        return { queue, displayName: s?.displayName ?? null, slSeconds: s?.slSeconds ?? null, shortAbandonSeconds: s?.shortAbandonSeconds ?? null };
      });
      return <QueuesSection rows={rows} defaultSl={env.VIGIE_SL_SECONDS} />;
    }
    case "audit": {
      const page = await listAudit(db, { limit: 50, before });
      return <AuditSection entries={page.entries} nextBefore={page.nextBefore} paged={before !== undefined} />;
    }
  }
}

/** `/admin?tab=users|keys|queues|audit`: admins only (others get a 404). */
export default async function AdminPage({ searchParams }: Props) {
  const principal = await requirePage("/admin", canAdminister);
  const params = await searchParams;
  const rawTab = first(params.tab);
  const tab: AdminTab = (ADMIN_TABS as readonly string[]).includes(rawTab ?? "") ? (rawTab as AdminTab) : "users";
  const beforeRaw = Number(first(params.before));
  const before = Number.isSafeInteger(beforeRaw) && beforeRaw > 0 ? beforeRaw : undefined;
  return (
    <AdminShell isAdmin showFigures={canViewFigures(principal)} showReports={canReadReports(principal)} current={tab}>
      <Section tab={tab} before={before} selfId={principal.id} />
    </AdminShell>
  );
}
