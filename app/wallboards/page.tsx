import type { Metadata } from "next";
import { createTranslator } from "use-intl/core";
import { AdminShell } from "@/components/admin/admin-shell";
import { WallboardList } from "@/components/wallboards/wallboard-list";
import type { WallboardRowData } from "@/components/wallboards/wallboard-row";
import { requirePage } from "@/lib/admin/page-access";
import {
  canAdminister,
  canEditWallboards,
  canManageKiosks,
  canReadLive,
  canReadReports,
  canSaveWallboard,
  canViewFigures,
  liveReach,
} from "@/lib/auth/permissions";
import { getLocale, getMessages } from "@/lib/i18n/locale";
import { serverContext } from "@/lib/server/context";
import { listWallboards } from "@/lib/wallboards/list";
import { boardView, definitionForReader } from "@/lib/wallboards/view";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: "Wallboards" });
  return { title: t("title") };
}

/** `/wallboards`: saved boards (those the reader may see something of), to open, edit, copy, delete, put on a TV. */
export default async function WallboardsPage() {
  const principal = await requirePage("/wallboards", canReadLive);
  const reach = liveReach(principal);
  const locale = await getLocale();
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: "Wallboards" });
  const rows: WallboardRowData[] = (await listWallboards(serverContext().database.db)).flatMap((b) => {
    const view = boardView(b.definition.scope, reach);
    if (view.groups.length === 0) return [];
    const { scope, window, tiles } = b.definition;
    const shown = definitionForReader(b.definition, reach).scope;
    return [{ id: b.id, name: b.name, scope: shown, queues: view.queues, window, tiles: tiles.length, updatedAt: b.updatedAt, editable: canSaveWallboard(principal, scope) }];
  });
  return (
    <AdminShell
      isAdmin={canAdminister(principal)}
      showFigures={canViewFigures(principal)}
      showKiosks={canManageKiosks(principal)}
      showReports={canReadReports(principal)}
      current="wallboards"
      title={t("title")}
    >
      <WallboardList rows={rows} canCreate={canEditWallboards(principal)} canKiosk={canManageKiosks(principal)} />
    </AdminShell>
  );
}
