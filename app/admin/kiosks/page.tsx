import type { Metadata } from "next";
import { createTranslator } from "use-intl/core";
import { AdminShell } from "@/components/admin/admin-shell";
import { KiosksSection } from "@/components/admin/kiosks-section";
import { requirePage } from "@/lib/admin/page-access";
import { listKioskLinks } from "@/lib/auth/kiosk-links";
import { canAdminister, canManageKiosks, canReadReports, canRevokeKiosk, canViewFigures, liveReach } from "@/lib/auth/permissions";
import { getLocale, getMessages } from "@/lib/i18n/locale";
import { serverContext } from "@/lib/server/context";
import { listWallboards } from "@/lib/wallboards/list";
import { boardView } from "@/lib/wallboards/view";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: "Admin.kiosks" });
  return { title: t("title") };
}

/** `/admin/kiosks`: admins, managers and supervisors; each sees the links they may revoke. */
export default async function KiosksPage() {
  const principal = await requirePage("/admin/kiosks", canManageKiosks);
  const links = (await listKioskLinks(serverContext().database.db))
    .map((l) => ({ ...l, revocable: canRevokeKiosk(principal, l) }))
    .filter((l) => l.revocable || l.createdBy === principal.id);
  const reach = liveReach(principal);
  const boards = (await listWallboards(serverContext().database.db))
    .filter((b) => boardView(b.definition.scope, reach).groups.length > 0)
    .map((b) => ({ id: b.id, name: b.name }));
  return (
    <AdminShell isAdmin={canAdminister(principal)} showFigures={canViewFigures(principal)} showReports={canReadReports(principal)} current="kiosks">
      <KiosksSection links={links} restrictedTo={reach.kind === "queues" ? [...reach.queues] : null} boards={boards} />
    </AdminShell>
  );
}
