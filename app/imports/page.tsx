import type { Metadata } from "next";
import { createTranslator } from "use-intl/core";
import { AdminShell } from "@/components/admin/admin-shell";
import { ImportWizard } from "@/components/imports/import-wizard";
import { requirePage } from "@/lib/admin/page-access";
import { canAdminister, canImportEvents, canReadReports, canViewFigures } from "@/lib/auth/permissions";
import { getLocale, getMessages } from "@/lib/i18n/locale";
import { serverContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: "Imports" });
  return { title: t("title") };
}

/** `/imports`: the CSV import of historical calls (admins; others get a 404). */
export default async function ImportsPage() {
  const principal = await requirePage("/imports", canImportEvents);
  const { env } = serverContext();
  return (
    <AdminShell isAdmin={canAdminister(principal)} showFigures={canViewFigures(principal)} showReports={canReadReports(principal)} current="imports">
      <ImportWizard defaultTimeZone={env.VIGIE_TIMEZONE} />
    </AdminShell>
  );
}
