"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "use-intl";
import type { AuditEntry } from "@/lib/auth/audit";
import { Panel, DataTable } from "./ui";

const actorText = (a: AuditEntry["actor"]) => (a.kind === "system" ? "system" : `${a.kind}:${a.id}`);

/** Newest first, keyset-paged (`?tab=audit&before=<id>`). Details are shown as JSON text. */
export function AuditSection({ entries, nextBefore, paged }: { entries: AuditEntry[]; nextBefore: number | null; paged: boolean }) {
  const t = useTranslations("Admin.audit");
  const format = useFormatter();
  return (
    <Panel title={t("title")} testId="audit-section">
      {entries.length === 0 ? (
        <p className="text-ink-dim">{t("none")}</p>
      ) : (
        <DataTable columns={[t("at"), t("actor"), t("action"), t("target"), t("details")]} small>
            {entries.map((e) => (
              <tr key={e.id} data-testid="audit-row" data-action={e.action} className="border-t border-panel-edge align-top">
                <td className="py-1 pr-3 whitespace-nowrap">{format.dateTime(e.at, { dateStyle: "short", timeStyle: "medium" })}</td>
                <td className="pr-3 break-all">{actorText(e.actor)}</td>
                <td className="pr-3 font-semibold">{e.action}</td>
                <td className="pr-3 break-all">{e.target ?? "—"}</td>
                <td className="break-all font-mono text-xs text-ink-dim">{Object.keys(e.details).length ? JSON.stringify(e.details) : ""}</td>
              </tr>
            ))}
          </DataTable>
      )}
      <nav className="flex gap-4 text-sm font-semibold">
        {paged && <Link href="/admin?tab=audit">{t("newest")}</Link>}
        {nextBefore !== null && <Link href={`/admin?tab=audit&before=${nextBefore}`}>{t("older")}</Link>}
      </nav>
    </Panel>
  );
}
