"use client";

import { useState } from "react";
import { useTranslations } from "use-intl";
import { DataTable, Panel } from "../admin/ui";
import { WallboardRow, type WallboardRowData } from "./wallboard-row";

const LINK = "rounded-md bg-ink px-3 py-1 font-semibold text-canvas";
const QUIET_LINK = "rounded-md border border-panel-edge px-3 py-1 font-semibold text-ink-dim hover:bg-panel-edge hover:text-ink";

interface Props {
  rows: WallboardRowData[];
  canCreate: boolean;
  canKiosk: boolean;
}

/** `/wallboards`: the saved boards a reader may see something of; rotate a selection on a TV. */
export function WallboardList({ rows, canCreate, canKiosk }: Props) {
  const t = useTranslations("Wallboards");
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (id: string, on: boolean) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)));
  const rotate = `/wallboard/rotate?ids=${picked.map(encodeURIComponent).join(",")}&every=30&tv=1`;
  return (
    <Panel title={t("title")} testId="wallboards-section">
      <div className="flex flex-wrap items-center gap-3">
        {canCreate && (
          <a href="/wallboards/new" data-testid="new-wallboard" className={LINK}>
            {t("create")}
          </a>
        )}
        <a href="/wallboard" className={QUIET_LINK}>
          {t("defaultBoard")}
        </a>
        {picked.length >= 2 && (
          <a href={rotate} data-testid="rotate-link" className={QUIET_LINK}>
            {t("rotate", { count: picked.length })}
          </a>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="text-ink-dim">{t("none")}</p>
      ) : (
        <DataTable columns={[t("columns.rotate"), t("columns.name"), t("columns.covers"), t("columns.tiles"), t("columns.updated"), t("columns.actions")]}>
          {rows.map((row) => (
            <WallboardRow key={row.id} row={row} canKiosk={canKiosk} picked={picked.includes(row.id)} onPick={(on) => toggle(row.id, on)} />
          ))}
        </DataTable>
      )}
    </Panel>
  );
}
