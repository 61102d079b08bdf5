"use client";

import { useLocale, useTranslations } from "use-intl";
import { kpi } from "@/lib/metrics/registry";
import { TILE_SIZES, type WallboardTile } from "@/lib/wallboards/definition";
import { KpiLink } from "../../kpis/kpi-link";
import { inputClass, quietButtonClass } from "../../admin/ui";
import { ThresholdFields } from "./threshold-fields";

interface Props {
  tile: WallboardTile;
  first: boolean;
  last: boolean;
  onChange: (tile: WallboardTile) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** One chosen tile: name (linking to its definition), direction, size, thresholds, order. */
export function TileSettings({ tile, first, last, onChange, onMove, onRemove }: Props) {
  const t = useTranslations("Wallboards.editor");
  const locale = useLocale();
  const def = kpi(tile.metric)!;
  return (
    <li data-testid={`tile-settings-${tile.metric}`} className="flex flex-wrap items-center gap-3 border-t border-panel-edge py-2 text-sm">
      <span className="min-w-48 flex-1 font-semibold">
        <KpiLink id={tile.metric}>{def.name[locale]}</KpiLink>
        <span data-testid="tile-direction" className="block text-xs font-normal text-ink-dim">
          {t(`direction.${def.direction}`)}
        </span>
      </span>
      <select
        aria-label={t("size")}
        data-testid={`tile-size-${tile.metric}`}
        value={tile.size}
        onChange={(e) => onChange({ ...tile, size: e.target.value as WallboardTile["size"] })}
        className={inputClass}
      >
        {TILE_SIZES.map((s) => (
          <option key={s} value={s}>
            {t(`sizes.${s}`)}
          </option>
        ))}
      </select>
      {def.direction !== "neutral" && (
        <ThresholdFields def={def} value={tile.thresholds} onChange={(thresholds) => onChange({ ...tile, thresholds })} />
      )}
      <span className="flex gap-1">
        <button type="button" aria-label={t("up")} disabled={first} onClick={() => onMove(-1)} className={quietButtonClass}>
          ↑
        </button>
        <button type="button" aria-label={t("down")} disabled={last} onClick={() => onMove(1)} className={quietButtonClass}>
          ↓
        </button>
        <button type="button" data-testid={`remove-tile-${tile.metric}`} onClick={onRemove} className={quietButtonClass}>
          {t("remove")}
        </button>
      </span>
    </li>
  );
}
