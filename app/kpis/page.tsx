import type { Metadata } from "next";
import { createTranslator } from "use-intl/core";
import { CatalogueHeader } from "@/components/kpis/catalogue-header";
import { entrySearchText, KpiEntry } from "@/components/kpis/kpi-entry";
import { KpiSearch } from "@/components/kpis/kpi-search";
import { notComputedSearchTexts, NotComputedList } from "@/components/kpis/not-computed-list";
import { catalogueTexts } from "@/components/kpis/texts";
import { requirePage } from "@/lib/admin/page-access";
import { canReadCatalogue, canReadLive, canViewFigures } from "@/lib/auth/permissions";
import { getLocale, getMessages } from "@/lib/i18n/locale";
import { CATALOGUE, NOT_COMPUTED } from "@/lib/metrics/catalogue";
import type { Category } from "@/lib/metrics/kpi-types";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: "Catalogue" });
  return { title: t("title") };
}

/** The order of the page's sections: the contact center's flow first, the business figures last. */
const CATEGORIES = [
  "volume", "service", "handling", "resolution", "automation", "outbound", "sales",
  "satisfaction", "agents", "customers", "marketing", "workforce", "finance",
] as const satisfies readonly Category[];

/**
 * `/kpis`: every KPI Vigie computes, by category, each at `#<id>`, then those
 * the seed articles name and Vigie does not compute. Definitions only, no
 * data: any signed-in user may read it.
 */
export default async function CataloguePage() {
  const principal = await requirePage("/kpis", canReadCatalogue);
  const locale = await getLocale();
  const t = catalogueTexts(locale);
  const tabs = createTranslator({ locale, messages: getMessages(locale), namespace: "Admin.tabs" });
  const figures = createTranslator({ locale, messages: getMessages(locale), namespace: "Figures" });
  const links = [
    ...(canReadLive(principal) ? [{ href: "/wallboard", label: tabs("wallboard") }] : []),
    ...(canViewFigures(principal) ? [{ href: "/figures", label: figures("nav") }] : []),
  ];
  const groups = CATEGORIES.map((c) => ({ category: c, entries: CATALOGUE.filter((k) => k.category === c) })).filter((g) => g.entries.length > 0);
  const haystacks = [...CATALOGUE.map(entrySearchText), ...notComputedSearchTexts()];

  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 p-6">
      <CatalogueHeader t={t} links={links} />
      <div className="flex flex-col gap-2">
        <p className="max-w-4xl text-ink-dim">{t("intro")}</p>
        <p data-testid="catalogue-summary" className="text-sm text-ink-faint">
          {t("summary", { computed: CATALOGUE.length, notComputed: NOT_COMPUTED.length })}
        </p>
        <nav aria-label={t("title")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {groups.map((g) => (
            <a key={g.category} href={`#category-${g.category}`} className="text-series-offered hover:underline">
              {t(`categories.${g.category}`)}
            </a>
          ))}
          <a href="#not-computed" className="text-series-offered hover:underline">
            {t("notComputed")}
          </a>
        </nav>
      </div>
      <KpiSearch label={t("search")} placeholder={t("searchPlaceholder")} noResults={t("noResults")} haystacks={haystacks} />
      {groups.map((g) => (
        <section key={g.category} id={`category-${g.category}`} data-kpi-group aria-labelledby={`category-${g.category}-title`} className="flex flex-col gap-3">
          <h2 id={`category-${g.category}-title`} className="text-xl font-bold">
            {t(`categories.${g.category}`)}
          </h2>
          {g.entries.map((k) => (
            <KpiEntry key={k.id} k={k} locale={locale} t={t} />
          ))}
        </section>
      ))}
      <NotComputedList locale={locale} t={t} />
    </main>
  );
}
