import type { ReactNode } from "react";
import { LogoutButton } from "../auth/logout-button";
import { LanguageSwitcher } from "@/lib/i18n/language-switcher";

const LINK = "rounded-md px-3 py-1 font-semibold text-ink-dim hover:bg-panel-edge hover:text-ink";

interface Props {
  title: string;
  links: { href: string; label: string }[];
  children: ReactNode;
}

/** The agent page's header: its name, links back to the boards (and reports), language, sign-out. */
export function MeShell({ title, links, children }: Props) {
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-5 p-6">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="mr-4 text-2xl font-extrabold tracking-tight">
          Vigie <span className="font-semibold text-ink-dim">· {title}</span>
        </h1>
        <nav className="flex flex-wrap gap-1">
          {links.map((l) => (
            <a key={l.href} href={l.href} className={LINK}>
              {l.label}
            </a>
          ))}
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
