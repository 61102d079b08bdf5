import { LanguageSwitcher } from "@/lib/i18n/language-switcher";
import { LogoutButton } from "../auth/logout-button";
import type { CatalogueTexts } from "./texts";

const navLink = "rounded-md px-3 py-1 font-semibold text-ink-dim hover:bg-panel-edge hover:text-ink";

/** The catalogue's header: title, links back to the boards the reader may open, language, sign-out. */
export function CatalogueHeader({ t, links }: { t: CatalogueTexts; links: readonly { href: string; label: string }[] }) {
  return (
    <header className="flex flex-wrap items-center gap-3">
      <h1 className="mr-4 text-2xl font-extrabold tracking-tight">
        Vigie <span className="font-semibold text-ink-dim">· {t("title")}</span>
      </h1>
      <nav className="flex flex-wrap gap-1" aria-label={t("title")}>
        {links.map((l) => (
          <a key={l.href} href={l.href} className={navLink}>
            {l.label}
          </a>
        ))}
      </nav>
      <div className="ml-auto flex items-center gap-3">
        <LanguageSwitcher />
        <LogoutButton />
      </div>
    </header>
  );
}
