"use client";

import { useTranslations } from "use-intl";
import { CatalogueLink } from "../kpis/catalogue-link";

const LINK = "block rounded-md px-[0.8em] py-[0.4em] font-semibold text-ink-dim transition-colors hover:bg-panel-edge hover:text-ink";

/**
 * Links from a signed-in board to the saved boards, the KPI catalogue and, for
 * those who may read them, the reports: folded in one menu, so the header of a
 * 1920-pixel board stays on one line.
 */
export function BoardNav({ reports, me = false }: { reports: boolean; me?: boolean }) {
  const t = useTranslations("Reports");
  const tm = useTranslations("Me");
  const tw = useTranslations("Wallboards");
  return (
    <details data-testid="board-menu" className="relative">
      <summary className="cursor-pointer list-none rounded-md px-[0.6em] py-[0.2em] font-semibold text-ink-dim hover:bg-panel-edge hover:text-ink">
        {tw("menu")} ▾
      </summary>
      <nav className="absolute right-0 z-20 mt-1 flex min-w-[14em] flex-col gap-1 rounded-lg border-2 border-panel-edge bg-panel p-2 shadow-xl">
        <a href="/wallboards" data-testid="wallboards-link" className={LINK}>
          {tw("nav")}
        </a>
        <CatalogueLink className="block px-[0.8em] py-[0.4em]" />
        {reports && (
          <a href="/reports" data-testid="reports-link" className={LINK}>
            {t("nav")}
          </a>
        )}
        {me && <a href="/me" data-testid="me-link" className={LINK}>{tm("nav")}</a>}
      </nav>
    </details>
  );
}
