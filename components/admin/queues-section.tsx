"use client";

import { useState } from "react";
import { useTranslations } from "use-intl";
import { buttonClass, DataTable, ErrorNote, inputClass, Panel } from "./ui";
import { useAdminRequest } from "./use-admin-request";

export interface QueueRowData {
  queue: string;
  displayName: string | null;
  slSeconds: number | null;
  shortAbandonSeconds: number | null;
}

/** "" → null (the default); anything else is sent as typed, for the server to validate. */
const secondsOrNull = (text: string): number | null => (text.trim() === "" ? null : Number(text));

function QueueRow({ row, defaultSl }: { row: QueueRowData; defaultSl: number }) {
  const t = useTranslations("Admin.queues");
  const { send, error, pending } = useAdminRequest();
  const [displayName, setDisplayName] = useState(row.displayName ?? "");
  const [sl, setSl] = useState(row.slSeconds?.toString() ?? "");
  const [shortAbandon, setShortAbandon] = useState(row.shortAbandonSeconds?.toString() ?? "");
  /** Set once the server took the values shown; any edit clears it. */
  const [saved, setSaved] = useState(false);
  const edit = (set: (v: string) => void) => (e: { target: { value: string } }) => {
    setSaved(false);
    set(e.target.value);
  };

  const save = async () => {
    setSaved(false);
    const done = await send("PUT", `/api/admin/queues/${encodeURIComponent(row.queue)}`, {
      displayName: displayName.trim() === "" ? null : displayName,
      slSeconds: secondsOrNull(sl),
      shortAbandonSeconds: secondsOrNull(shortAbandon),
    });
    setSaved(done !== null);
  };

  return (
    <tr data-testid={`queue-settings-${row.queue}`} className="border-t border-panel-edge align-top">
      <td className="py-2 pr-3 font-semibold">{row.queue}</td>
      <td className="py-2 pr-3">
        <input aria-label={t("displayName")} value={displayName} placeholder={row.queue} onChange={edit(setDisplayName)} className={inputClass} />
      </td>
      <td className="py-2 pr-3">
        <input aria-label={t("slSeconds")} inputMode="numeric" value={sl} placeholder={String(defaultSl)} onChange={edit(setSl)} className={`${inputClass} w-24`} />
      </td>
      <td className="py-2 pr-3">
        <input aria-label={t("shortAbandonSeconds")} inputMode="numeric" value={shortAbandon} placeholder="—" onChange={edit(setShortAbandon)} className={`${inputClass} w-24`} />
      </td>
      <td className="py-2">
        <button type="button" disabled={pending} onClick={save} className={buttonClass}>
          {t("save")}
        </button>
        {saved && (
          <span role="status" data-testid="queue-saved" className="ml-2 text-sm text-ink-dim">
            {t("saved")}
          </span>
        )}
        <ErrorNote error={error} />
      </td>
    </tr>
  );
}

export function QueuesSection({ rows, defaultSl }: { rows: QueueRowData[]; defaultSl: number }) {
  const t = useTranslations("Admin.queues");
  return (
    <Panel title={t("title")} testId="queues-section">
      <p className="text-sm text-ink-dim">{t("hint", { seconds: defaultSl })}</p>
      {rows.length === 0 ? (
        <p className="text-ink-dim">{t("none")}</p>
      ) : (
        <DataTable columns={[t("queue"), t("displayName"), t("slSeconds"), t("shortAbandonSeconds"), ""]}>
          {rows.map((r) => (
            <QueueRow key={r.queue} row={r} defaultSl={defaultSl} />
          ))}
        </DataTable>
      )}
    </Panel>
  );
}
