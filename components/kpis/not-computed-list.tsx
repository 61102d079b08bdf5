import type { Locale } from "@/lib/i18n/config";
import { catalogueEntry, NOT_COMPUTED, searchText } from "@/lib/metrics/catalogue";
import { KpiLink } from "./kpi-link";
import { Sources } from "./sources";
import type { CatalogueTexts } from "./texts";

export const notComputedSearchTexts = () => NOT_COMPUTED.map((k) => searchText([k.id, k.name, ...k.sources.map((s) => s.term)]));

/** The KPIs the articles name and Vigie does not compute, each with the reason and what stands in for it. */
export function NotComputedList({ locale, t }: { locale: Locale; t: CatalogueTexts }) {
  const haystacks = notComputedSearchTexts();
  return (
    <section id="not-computed" data-kpi-group aria-labelledby="not-computed-title" data-testid="not-computed" className="flex flex-col gap-3">
      <h2 id="not-computed-title" className="text-xl font-bold">
        {t("notComputed")}
      </h2>
      <p className="max-w-4xl text-sm text-ink-dim">{t("notComputedIntro")}</p>
      {NOT_COMPUTED.map((k, i) => (
        <article
          key={k.id}
          id={k.id}
          data-testid={`not-computed-${k.id}`}
          data-kpi-search={haystacks[i]}
          className="scroll-mt-4 rounded-xl border-2 border-dashed border-panel-edge p-4 target:border-warn target:bg-warn/10"
        >
          <h3 className="text-lg font-bold">{k.name[locale]}</h3>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 text-sm">
            <dt className="font-semibold text-ink-dim">{t("fields.reason")}</dt>
            <dd>{k.reason[locale]}</dd>
            {k.related && k.related.length > 0 && (
              <>
                <dt className="font-semibold text-ink-dim">{t("fields.related")}</dt>
                <dd className="flex flex-wrap gap-x-3">
                  {k.related.map((id) => (
                    <KpiLink key={id} id={id} title={catalogueEntry(id)?.name[locale]} className="font-semibold text-series-offered">
                      {catalogueEntry(id)?.short[locale] ?? id}
                    </KpiLink>
                  ))}
                </dd>
              </>
            )}
            <dt className="font-semibold text-ink-dim">{t("fields.sources")}</dt>
            <dd>
              <Sources sources={k.sources} t={t} testId={`not-computed-${k.id}-sources`} />
            </dd>
          </dl>
        </article>
      ))}
    </section>
  );
}
