import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { createTranslator } from "use-intl/core";
import { AdminShell } from "@/components/admin/admin-shell";
import { WallboardEditor } from "@/components/wallboards/editor/wallboard-editor";
import { requirePage } from "@/lib/admin/page-access";
import {
  canAdminister,
  canEditWallboards,
  canManageKiosks,
  canReadReports,
  canSaveWallboard,
  canViewFigures,
  liveReach,
} from "@/lib/auth/permissions";
import { getLocale, getMessages } from "@/lib/i18n/locale";
import { serverContext } from "@/lib/server/context";
import { getWallboard } from "@/lib/wallboards/get";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  return { title: createTranslator({ locale, messages: getMessages(locale), namespace: "Wallboards" })("editor.editTitle") };
}

/** `/wallboards/<id>/edit`: for an editor who may see all the board covers (404 otherwise). */
export default async function EditWallboardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await requirePage(`/wallboards/${encodeURIComponent(id)}/edit`, canEditWallboards);
  const board = await getWallboard(serverContext().database.db, id);
  if (!board || !canSaveWallboard(principal, board.definition.scope)) notFound();
  const locale = await getLocale();
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: "Wallboards" });
  return (
    <AdminShell
      isAdmin={canAdminister(principal)}
      showFigures={canViewFigures(principal)}
      showKiosks={canManageKiosks(principal)}
      showReports={canReadReports(principal)}
      current="wallboards"
      title={t("editor.editTitle")}
    >
      <WallboardEditor id={board.id} initial={{ name: board.name, definition: board.definition }} reach={liveReach(principal)} />
    </AdminShell>
  );
}
