"use client";

import type { CSSProperties } from "react";
import type { MetricValues } from "@/lib/metrics/registry";
import type { TileSize, WallboardTile } from "@/lib/wallboards/definition";
import { MetricTile } from "../wallboard/metric-tile";

/**
 * A saved board's tiles in `columns` columns, filling the height they are
 * given. A row unit is half a standard tile: `sm` 1×1, `md` 1×2, `xl` 2×4
 * (2 columns wide when the board has them); dense flow fills the holes.
 */
const SPAN: Record<TileSize, { cols: number; rows: number }> = {
  sm: { cols: 1, rows: 1 },
  md: { cols: 1, rows: 2 },
  xl: { cols: 2, rows: 4 },
};

interface Props {
  tiles: readonly WallboardTile[];
  columns: number;
  metrics: MetricValues | undefined;
}

/**
 * Rows the grid shares its height between: as many as the tiles need, and at
 * least 1.2 per column, so a few tiles keep a tile's proportions instead of
 * stretching down the whole screen.
 */
function rowCount(tiles: readonly WallboardTile[], columns: number): number {
  const area = tiles.reduce((sum, t) => sum + Math.min(SPAN[t.size].cols, columns) * SPAN[t.size].rows, 0);
  return Math.max(Math.ceil(area / columns), Math.ceil(columns * 1.2));
}

export function TileGrid({ tiles, columns, metrics }: Props) {
  const grid: CSSProperties = {
    gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
    gridTemplateRows: `repeat(${rowCount(tiles, columns)}, minmax(0, 1fr))`,
    gridAutoRows: "minmax(0, 1fr)",
    gridAutoFlow: "row dense",
  };
  return (
    <div data-testid="tile-grid" style={grid} className="grid min-h-0 flex-1 gap-[0.8vw]">
      {tiles.map((tile, i) => {
        const span = SPAN[tile.size];
        const style = { gridColumn: `span ${Math.min(span.cols, columns)}`, gridRow: `span ${span.rows}` };
        return (
          <div key={`${i}-${tile.metric}`} style={style} className="flex min-h-0 min-w-0 [&>*]:flex-1">
            <MetricTile id={tile.metric} value={metrics?.[tile.metric] ?? null} size={tile.size} thresholds={tile.thresholds} fill />
          </div>
        );
      })}
    </div>
  );
}
