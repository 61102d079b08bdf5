"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "use-intl";
import { LogoutButton } from "../auth/logout-button";
import { LanguageSwitcher } from "@/lib/i18n/language-switcher";
import { ADMIN_TABS, type AdminTab } from "./tabs";

interface Props {
  /** The admin tabs appear for admins only; kiosk links for anyone who may manage them. */
  isAdmin: boolean;
  /** The business figures page, for admins and managers (`canViewFigures`). */
  showFigures?: boolean;
  /** Kiosk links, for those who may manage them (`canManageKiosks`). */
  showKiosks?: boolean;
  /** Historical reports, for those who may read them (`canReadReports`). */
  showReports?: boolean;
  /** Alert rules and history (`canManageAlerts`: the same roles as kiosk links, hence the same default). */
  showAlerts?: boolean;
  current: AdminTab | "kiosks" | "figures" | "reports" | "wallboards" | "alerts" | "imports";
  /** The page's name beside "Vigie"; the administration's by default. */
  title?: string;
  children: ReactNode;
}

function Tab({ href, active, children }: { href: string; active: boolean; children: ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded-md px-3 py-1 font-semibold ${active ? "bg-ink text-canvas" : "text-ink-dim hover:bg-panel-edge hover:text-ink"}`}
    >
      {children}
    </Link>
  );
}

/** The administration pages' header: tabs, board link, language, sign-out. */
export function AdminShell({ isAdmin, showFigures = false, showKiosks = true, showReports = false, showAlerts = showKiosks, current, title, children }: Props) {
  const t = useTranslations("Admin");
  const tf = useTranslations("Figures");
  const tr = useTranslations("Reports");
  const ta = useTranslations("Alerts");
  const tw = useTranslations("Wallboards");
  const ti = useTranslations("Imports");
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 p-6">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="mr-4 text-2xl font-extrabold tracking-tight">
          Vigie <span className="font-semibold text-ink-dim">· {title ?? t("title")}</span>
        </h1>
        <nav className="flex flex-wrap gap-1" aria-label={t("title")}>
          {isAdmin &&
            ADMIN_TABS.map((tab) => (
              <Tab key={tab} href={`/admin?tab=${tab}`} active={current === tab}>
                {t(`tabs.${tab}`)}
              </Tab>
            ))}
          {showKiosks && (
            <Tab href="/admin/kiosks" active={current === "kiosks"}>
              {t("tabs.kiosks")}
            </Tab>
          )}
          {showAlerts && (
            <Tab href="/admin/alerts" active={current === "alerts"}>
              {ta("nav")}
            </Tab>
          )}
          {showFigures && (
            <Tab href="/figures" active={current === "figures"}>
              {tf("nav")}
            </Tab>
          )}
          {isAdmin && <Tab href="/imports" active={current === "imports"}>{ti("nav")}</Tab>}
          {showReports && (
            <Tab href="/reports" active={current === "reports"}>
              {tr("nav")}
            </Tab>
          )}
          <Tab href="/wallboards" active={current === "wallboards"}>
            {tw("nav")}
          </Tab>
          <Tab href="/wallboard" active={false}>
            {t("tabs.wallboard")}
          </Tab>
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <LanguageSwitcher />
          <LogoutButton />
        </div>
      </header>
      {children}
    </main>
  );
}
