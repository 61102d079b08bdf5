import type { KpiSource } from "@/lib/metrics/kpi-types";
import { ARTICLES } from "@/lib/metrics/catalogue";
import type { CatalogueTexts } from "./texts";

/** Where the articles define a KPI: the term they use, and the article's title. */
export function Sources({ sources, t, testId }: { sources: readonly KpiSource[]; t: CatalogueTexts; testId: string }) {
  if (sources.length === 0) return <p data-testid={testId} className="text-ink-faint">{t("ownKpi")}</p>;
  return (
    <ul data-testid={testId} className="flex flex-col gap-0.5">
      {sources.map((s) => (
        <li key={`${s.article}|${s.term}`} data-article={s.article}>
          <q lang="fr" className="font-semibold">{s.term}</q>
          {" — "}
          <cite lang="fr" className="not-italic">{ARTICLES[s.article].title}</cite>{" "}
          <span className="text-ink-faint">({t("article", { id: s.article })})</span>
        </li>
      ))}
    </ul>
  );
}
