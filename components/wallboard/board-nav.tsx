"use client";

import { useTranslations } from "use-intl";
import { CatalogueLink } from "../kpis/catalogue-link";

const LINK = "rounded-md px-[0.6em] py-[0.2em] font-semibold text-ink-dim transition-colors hover:bg-panel-edge hover:text-ink";

/** Links from a signed-in board to the KPI catalogue and, for those who may read them, the reports. */
export function BoardNav({ reports }: { reports: boolean }) {
  const t = useTranslations("Reports");
  return (
    <nav className="flex items-center gap-[0.4vw]">
      <CatalogueLink />
      {reports && (
        <a href="/reports" data-testid="reports-link" className={LINK}>
          {t("nav")}
        </a>
      )}
    </nav>
  );
}
