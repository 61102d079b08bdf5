import type { Metadata } from "next";
import { createTranslator } from "use-intl/core";
import { AdminShell } from "@/components/admin/admin-shell";
import { WallboardEditor } from "@/components/wallboards/editor/wallboard-editor";
import { requirePage } from "@/lib/admin/page-access";
import { canAdminister, canEditWallboards, canManageKiosks, canReadReports, canViewFigures, liveReach } from "@/lib/auth/permissions";
import { getLocale, getMessages } from "@/lib/i18n/locale";
import { starterDefinition } from "@/lib/wallboards/starter";

export const dynamic = "force-dynamic";

async function texts() {
  const locale = await getLocale();
  return createTranslator({ locale, messages: getMessages(locale), namespace: "Wallboards" });
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await texts())("editor.newTitle") };
}

/** `/wallboards/new`: the editor, started with the headline KPIs over what the creator may see. */
export default async function NewWallboardPage() {
  const principal = await requirePage("/wallboards/new", canEditWallboards);
  const reach = liveReach(principal);
  const t = await texts();
  return (
    <AdminShell
      isAdmin={canAdminister(principal)}
      showFigures={canViewFigures(principal)}
      showKiosks={canManageKiosks(principal)}
      showReports={canReadReports(principal)}
      current="wallboards"
      title={t("editor.newTitle")}
    >
      <WallboardEditor id={null} initial={{ name: "", definition: starterDefinition(reach) }} reach={reach} />
    </AdminShell>
  );
}
