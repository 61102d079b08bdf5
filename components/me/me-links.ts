import { createTranslator } from "use-intl/core";
import { canReadReports, type Principal } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/config";
import { en, fr } from "@/lib/i18n/messages";

/** The agent page header's links, with the names the other pages use: the live board, and the reports for those who may read them. */
export function meLinks(principal: Principal, locale: Locale): { href: string; label: string }[] {
  const t = createTranslator({ locale, messages: locale === "fr" ? fr : en });
  const links = [{ href: "/wallboard", label: t("Admin.tabs.wallboard") }];
  if (canReadReports(principal)) links.push({ href: "/reports", label: t("Reports.nav") });
  return links;
}
