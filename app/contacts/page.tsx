import type { Metadata } from "next";
import { AdminShell } from "@/components/admin/admin-shell";
import { DataTable, Panel } from "@/components/admin/ui";
import { ContactSearch } from "@/components/drill/contact-search";
import { formatInstant } from "@/components/drill/format-field";
import { drillTexts } from "@/components/drill/texts";
import { requirePage } from "@/lib/admin/page-access";
import { canAdminister, canManageKiosks, canReadReports, canViewFigures, reportFilter } from "@/lib/auth/permissions";
import { getLocale } from "@/lib/i18n/locale";
import { contactSearchSchema, searchContacts } from "@/lib/reports/search";
import { serverContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: drillTexts(await getLocale())("search.title") };
}

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** `/contacts?search=`: contacts by contact id or customer id (`GET /api/contacts` as a page), within the reader's limits. */
export default async function ContactsPage({ searchParams }: Props) {
  const principal = await requirePage("/contacts", canReadReports);
  const { env, database } = serverContext();
  const locale = await getLocale();
  const t = drillTexts(locale);
  const search = (await searchParams).search;
  const parsed = contactSearchSchema.safeParse({ search: typeof search === "string" ? search : "" });
  const hits = parsed.success ? await searchContacts(database, parsed.data.search, reportFilter(principal)!, parsed.data.limit) : null;
  return (
    <AdminShell
      isAdmin={canAdminister(principal)}
      showFigures={canViewFigures(principal)}
      showKiosks={canManageKiosks(principal)}
      showReports
      current="reports"
      title={t("search.title")}
    >
      <ContactSearch t={t} value={parsed.success ? parsed.data.search : ""} />
      {!hits ? (
        <p className="text-sm text-ink-dim">{t("search.invalid")}</p>
      ) : (
        <Panel title={t("search.results", { search: parsed.data!.search })} testId="contact-results">
          {hits.length === 0 ? (
            <p className="text-ink-dim">{t("search.none")}</p>
          ) : (
            <DataTable small columns={[t("contact.at"), t("kinds.contact"), t("contact.customer"), t("contact.queue"), t("contact.channel")]}>
              {hits.map((h) => (
                <tr key={h.contactId} data-testid="contact-hit" data-contact={h.contactId} className="border-t border-panel-edge">
                  <td className="py-1 pr-3 whitespace-nowrap tabular-nums">{formatInstant(h.at, locale, env.VIGIE_TIMEZONE)}</td>
                  <td className="pr-3">
                    <a href={`/contacts/${encodeURIComponent(h.contactId)}`} className="font-semibold underline">
                      {h.contactId}
                    </a>
                  </td>
                  <td className="pr-3">{h.customerId ?? ""}</td>
                  <td className="pr-3">{h.queue ?? ""}</td>
                  <td>{h.channel ?? ""}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </Panel>
      )}
    </AdminShell>
  );
}
