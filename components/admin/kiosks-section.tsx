"use client";

import { useState, type FormEvent } from "react";
import { useFormatter, useTranslations } from "use-intl";
import { KIOSK_WALLBOARD } from "@/lib/admin/kiosk";
import type { KioskLinkInfo } from "@/lib/auth/kiosk-links";
import { buttonClass, ErrorNote, Field, inputClass, OnceSecret, Panel, quietButtonClass, DataTable } from "./ui";
import { splitQueues, useAdminRequest } from "./use-admin-request";

export type KioskRowData = KioskLinkInfo & { revocable: boolean };

function KioskRow({ link, boardName }: { link: KioskRowData; boardName: string }) {
  const t = useTranslations("Admin.kiosks");
  const format = useFormatter();
  const { send, error, pending } = useAdminRequest();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short" }) : "—");
  return (
    <tr data-testid={`kiosk-row-${link.name}`} className="border-t border-panel-edge">
      <td className="py-2 pr-3 font-semibold">{link.name}</td>
      <td className="pr-3">{boardName}</td>
      <td className="pr-3">{link.queues.length ? link.queues.join(", ") : t("allQueues")}</td>
      <td className="pr-3">{when(link.createdAt)}</td>
      <td className="pr-3">{when(link.lastUsedAt)}</td>
      <td>
        {link.revokedAt ? (
          <span className="text-alert">{t("revokedAt", { at: when(link.revokedAt) })}</span>
        ) : link.revocable ? (
          <button type="button" data-testid="revoke-kiosk" disabled={pending} onClick={() => send("DELETE", `/api/admin/kiosks/${encodeURIComponent(link.id)}`)} className={quietButtonClass}>
            {t("revoke")}
          </button>
        ) : null}
        <ErrorNote error={error} />
      </td>
    </tr>
  );
}

/** Kiosk links: create (shown once, with its token), list, revoke. */
interface SectionProps {
  links: KioskRowData[];
  restrictedTo: readonly string[] | null;
  /** Saved boards a link may show, besides the live board. */
  boards: readonly { id: string; name: string }[];
}

export function KiosksSection({ links, restrictedTo, boards }: SectionProps) {
  const t = useTranslations("Admin.kiosks");
  const tb = useTranslations("Wallboards");
  const { send, error, pending } = useAdminRequest();
  const [url, setUrl] = useState<string | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const f = new FormData(formEl);
    setUrl(null);
    const res = await send<{ path: string }>("POST", "/api/admin/kiosks", {
      name: String(f.get("name") ?? ""),
      queues: splitQueues(String(f.get("queues") ?? "")),
      wallboardId: String(f.get("wallboardId") ?? KIOSK_WALLBOARD),
    });
    if (res) {
      setUrl(new URL(res.path, location.origin).href);
      formEl.reset();
    }
  };

  return (
    <Panel title={t("title")} testId="kiosks-section">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <Field label={t("name")}>
          <input name="name" required className={inputClass} />
        </Field>
        <Field label={t("queues")}>
          <input
            name="queues"
            required={restrictedTo !== null}
            defaultValue={restrictedTo?.length === 1 ? restrictedTo[0] : ""}
            placeholder={restrictedTo ? restrictedTo.join(", ") : t("allQueues")}
            className={inputClass}
          />
        </Field>
        <Field label={tb("kiosk.board")}>
          <select name="wallboardId" data-testid="kiosk-board" defaultValue={KIOSK_WALLBOARD} className={inputClass}>
            <option value={KIOSK_WALLBOARD}>{tb("kiosk.liveBoard")}</option>
            {boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("create")}
        </button>
      </form>
      <ErrorNote error={error} />
      {url && <OnceSecret label={t("newLink")} value={url} note={t("shownOnce")} testId="new-kiosk-url" />}
      {links.length === 0 ? (
        <p className="text-ink-dim">{t("none")}</p>
      ) : (
        <DataTable columns={[t("name"), tb("kiosk.board"), t("queues"), t("created"), t("lastUsed"), t("status")]}>
            {links.map((l) => (
              <KioskRow key={l.id} link={l} boardName={l.wallboardId === KIOSK_WALLBOARD ? tb("kiosk.liveBoard") : (boards.find((b) => b.id === l.wallboardId)?.name ?? "—")} />
            ))}
          </DataTable>
      )}
    </Panel>
  );
}
