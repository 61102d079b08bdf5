"use client";

import { useTranslations } from "use-intl";
import { CatalogueLink } from "../kpis/catalogue-link";

const LINK = "rounded-md px-[0.6em] py-[0.2em] font-semibold text-ink-dim transition-colors hover:bg-panel-edge hover:text-ink";

/** Links from a signed-in board to the saved boards, the KPI catalogue and, for those who may read them, the reports. */
export function BoardNav({ reports }: { reports: boolean }) {
  const t = useTranslations("Reports");
  const tw = useTranslations("Wallboards");
  return (
    <nav className="flex items-center gap-[0.4vw]">
      <a href="/wallboards" data-testid="wallboards-link" className={LINK}>
        {tw("nav")}
      </a>
      <CatalogueLink />
      {reports && (
        <a href="/reports" data-testid="reports-link" className={LINK}>
          {t("nav")}
        </a>
      )}
    </nav>
  );
}
