import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminShell } from "@/components/admin/admin-shell";
import { ContactSearch } from "@/components/drill/contact-search";
import { ContactView } from "@/components/drill/contact-view";
import { drillTexts } from "@/components/drill/texts";
import { requirePage } from "@/lib/admin/page-access";
import { canAdminister, canManageKiosks, canReadReports, canViewFigures, reportFilter } from "@/lib/auth/permissions";
import { getLocale } from "@/lib/i18n/locale";
import { contactTimeline } from "@/lib/reports/contact-timeline";
import { reportConfig } from "@/lib/reports/report-config";
import { serverContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
}

/** The route's segment as an id: decoded once, kept as is when it is no valid escape. */
function idOf(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: drillTexts(await getLocale())("contact.title", { id: idOf((await params).id) }) };
}

/** `/contacts/<id>`: a contact's timeline, for whoever may read reports and may see this contact; 404 otherwise. */
export default async function ContactPage({ params }: Props) {
  const id = idOf((await params).id);
  const principal = await requirePage(`/contacts/${encodeURIComponent(id)}`, canReadReports);
  const { env, database } = serverContext();
  const locale = await getLocale();
  const t = drillTexts(locale);
  const timeline = await contactTimeline(database, id, await reportConfig(database, env), reportFilter(principal)!);
  if (!timeline) notFound();
  return (
    <AdminShell
      isAdmin={canAdminister(principal)}
      showFigures={canViewFigures(principal)}
      showKiosks={canManageKiosks(principal)}
      showReports
      current="reports"
      title={t("contact.title", { id })}
    >
      <ContactSearch t={t} />
      <ContactView timeline={timeline} locale={locale} timeZone={env.VIGIE_TIMEZONE} t={t} />
    </AdminShell>
  );
}
