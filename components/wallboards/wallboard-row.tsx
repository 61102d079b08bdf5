"use client";

import { useFormatter, useTranslations } from "use-intl";
import type { BoardSelection } from "@/lib/wallboards/definition";
import type { WindowId } from "@/lib/metrics/scope";
import { ErrorNote, quietButtonClass } from "../admin/ui";
import { useAdminRequest } from "../admin/use-admin-request";
import { KioskLinkButton } from "./kiosk-link-button";

export interface WallboardRowData {
  id: string;
  name: string;
  scope: BoardSelection;
  /** The queues this reader sees of it (null: all); a kiosk link made here shows those. */
  queues: string[] | null;
  window: WindowId;
  tiles: number;
  updatedAt: Date;
  editable: boolean;
}

const ACTION = "font-semibold text-ink-dim underline-offset-2 hover:text-ink hover:underline";

interface Props {
  row: WallboardRowData;
  canKiosk: boolean;
  picked: boolean;
  onPick: (on: boolean) => void;
}

export function WallboardRow({ row, canKiosk, picked, onPick }: Props) {
  const t = useTranslations("Wallboards");
  const tw = useTranslations("Wallboard");
  const format = useFormatter();
  const { send, error, pending } = useAdminRequest();
  const path = `/wallboard/${encodeURIComponent(row.id)}`;
  const api = `/api/wallboards/${encodeURIComponent(row.id)}`;
  const covers = row.scope.kind === "channels" ? row.scope.values.join(", ") : row.queues === null ? tw("scopeAll") : row.queues.join(", ");
  const remove = () => {
    if (confirm(t("confirmDelete", { name: row.name }))) void send("DELETE", api);
  };
  return (
    <tr data-testid={`wallboard-row-${row.name}`} className="border-t border-panel-edge align-top">
      <td className="py-2 pr-3">
        <input type="checkbox" aria-label={t("columns.rotate")} checked={picked} onChange={(e) => onPick(e.target.checked)} />
      </td>
      <td className="py-2 pr-3 font-semibold">
        <a href={path} data-testid="open-wallboard" className="hover:underline">
          {row.name}
        </a>
      </td>
      <td className="py-2 pr-3">
        {covers} · {tw(`windows.${row.window}`)}
      </td>
      <td className="py-2 pr-3">{row.tiles}</td>
      <td className="py-2 pr-3">{format.dateTime(row.updatedAt, { dateStyle: "short", timeStyle: "short" })}</td>
      <td className="flex flex-wrap items-center gap-3 py-2">
        <a href={`${path}?tv=1`} data-testid="open-tv" className={ACTION}>
          {t("tv.enter")}
        </a>
        {row.editable && (
          <a href={`/wallboards/${encodeURIComponent(row.id)}/edit`} data-testid="edit-wallboard" className={ACTION}>
            {t("edit")}
          </a>
        )}
        {row.editable && (
          <button type="button" data-testid="duplicate-wallboard" disabled={pending} className={quietButtonClass} onClick={() => send("POST", `${api}/duplicate`, { name: t("copyName", { name: row.name }).slice(0, 100) })}>
            {t("duplicate")}
          </button>
        )}
        {row.editable && (
          <button type="button" data-testid="delete-wallboard" disabled={pending} className={quietButtonClass} onClick={remove}>
            {t("delete")}
          </button>
        )}
        {canKiosk && <KioskLinkButton wallboardId={row.id} name={row.name} queues={row.queues ?? []} />}
        <ErrorNote error={error} />
      </td>
    </tr>
  );
}
