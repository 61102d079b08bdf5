import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/config";
import { catalogueEntry, searchText, whereShown, type CatalogueEntry } from "@/lib/metrics/catalogue";
import { figureById } from "@/lib/metrics/period-kpis";
import { formatMetric } from "../wallboard/format";
import { KpiLink } from "./kpi-link";
import { Sources } from "./sources";
import type { CatalogueTexts } from "./texts";

const AVAILABILITY = { live: "live", "live+historical": "liveHistorical", period: "period" } as const;

/** The words the search box looks in: names in both languages, abbreviations, the articles' terms. */
export const entrySearchText = (k: CatalogueEntry) => searchText([k.id, k.name, k.short, ...k.sources.map((s) => s.term)]);

function Field({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-semibold text-ink-dim">{label}</dt>
      <dd data-testid={testId} className="min-w-0">
        {children}
      </dd>
    </>
  );
}

function Variants({ k, locale }: { k: CatalogueEntry; locale: Locale }) {
  return (
    <ul className="flex flex-col gap-1">
      {k.variants!.map((v, i) => {
        const other = v.id && v.id !== k.id ? catalogueEntry(v.id) : undefined;
        return (
          <li key={v.id ?? i} data-variant={v.id ?? ""}>
            <span className="rounded bg-canvas px-1.5 py-0.5">{v.formula[locale]}</span>
            {other && (
              <>
                {" → "}
                <KpiLink id={other.id} title={other.name[locale]} className="font-semibold text-series-offered">
                  {other.short[locale]}
                </KpiLink>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** One KPI of the catalogue, anchored at its id so that `/kpis#<id>` lands on it (and highlights it). */
export function KpiEntry({ k, locale, t }: { k: CatalogueEntry; locale: Locale; t: CatalogueTexts }) {
  const name = k.name[locale];
  const short = k.short[locale];
  const testId = `entry-${k.id}`;
  return (
    <article
      id={k.id}
      data-testid={testId}
      data-kpi-search={entrySearchText(k)}
      className="scroll-mt-4 rounded-xl border-2 border-panel-edge bg-panel p-4 target:border-warn target:bg-warn/10"
    >
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 className="text-lg font-bold">{name}</h3>
        {short !== name && <span className="rounded-md bg-panel-edge px-2 text-sm font-bold tracking-wide">{short}</span>}
        <a href={`#${k.id}`} className="ml-auto font-mono text-xs text-ink-faint hover:text-ink">
          #{k.id}
        </a>
      </header>
      <p className="mt-1 text-ink-dim">{k.description[locale]}</p>
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 text-sm">
        <Field label={t("fields.formula")} testId={`${testId}-formula`}>
          <span className="rounded bg-canvas px-1.5 py-0.5">{k.formula[locale]}</span>
        </Field>
        {k.variants && k.variants.length > 0 && (
          <Field label={t("fields.variants")} testId={`${testId}-variants`}>
            <Variants k={k} locale={locale} />
          </Field>
        )}
        <Field label={t("fields.unit")}>{t(`units.${k.unit}`)}</Field>
        <Field label={t("fields.direction")}>{t(`direction.${k.direction}`)}</Field>
        {k.thresholds && (
          <Field label={t("fields.thresholds")}>
            {t("fields.thresholdValues", { warn: formatMetric(k.thresholds.warn, k.unit, locale), alert: formatMetric(k.thresholds.alert, k.unit, locale) })}
          </Field>
        )}
        <Field label={t("fields.availability")} testId={`${testId}-availability`}>
          {t(`availability.${AVAILABILITY[k.availability]}`)}
        </Field>
        {k.attribution && <Field label={t("fields.attribution")}>{t(`attribution.${k.attribution}`)}</Field>}
        {k.feeds && (
          <Field label={t("fields.feeds")}>
            <span className="font-mono text-xs">{[...new Set(k.feeds)].join(", ")}</span>
          </Field>
        )}
        {k.inputs && <Field label={t("fields.inputs")}>{k.inputs.map((id) => figureById(id).name[locale]).join(" · ")}</Field>}
        {k.notes && <Field label={t("fields.notes")}>{k.notes[locale]}</Field>}
        <Field label={t("fields.sources")}>
          <Sources sources={k.sources} t={t} testId={`${testId}-sources`} />
        </Field>
        <Field label={t("fields.shown")} testId={`${testId}-shown`}>
          <ul className="flex flex-wrap gap-x-4 gap-y-0.5">
            {whereShown(k.id).map((s) => (
              <li key={s.place}>
                {s.api ? (
                  <>
                    {t(`places.${s.place}`)} <code className="text-xs text-ink-faint">GET {s.href}</code>
                  </>
                ) : (
                  <a href={s.href} className="text-series-offered underline decoration-dotted underline-offset-2">
                    {t(`places.${s.place}`)}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </Field>
      </dl>
    </article>
  );
}
