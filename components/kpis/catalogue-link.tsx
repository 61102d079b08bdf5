"use client";

import { useTranslations } from "use-intl";

/** "KPI catalogue", for a page header (e.g. the wallboard's). */
export function CatalogueLink({ className = "" }: { className?: string }) {
  const t = useTranslations("Catalogue");
  return (
    <a
      href="/kpis"
      data-testid="catalogue-link"
      className={`rounded-md px-[0.6em] py-[0.2em] font-semibold text-ink-dim transition-colors hover:bg-panel-edge hover:text-ink ${className}`}
    >
      {t("nav")}
    </a>
  );
}
