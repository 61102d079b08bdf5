import { memo } from "react";
import { useLocale } from "use-intl";
import { statusOf, type MetricId, type Status } from "@/lib/metrics/registry";
import { useTileAlert } from "../alerts/alert-provider";
import { TILE_PULSE } from "../alerts/tile-pulse";
import { KpiLink } from "../kpis/kpi-link";
import { definition, formatMetric, rawValue } from "./format";

/**
 * Renders per tile, counted only when a test or a benchmark installs
 * `window.__vigieTileRenders` (e2e: only the tiles whose numbers changed re-render).
 */
function countRender(id: string): void {
  const renders = (globalThis as { __vigieTileRenders?: Record<string, number> }).__vigieTileRenders;
  if (renders) renders[id] = (renders[id] ?? 0) + 1;
}

/** Full class strings, so Tailwind's scanner finds them. */
export const STATUS_TEXT: Record<Status, string> = {
  ok: "text-ok",
  warn: "text-warn",
  alert: "text-alert",
  none: "text-ink",
};

const STATUS_TILE: Record<Status, string> = {
  ok: "border-ok/60 bg-ok/10",
  warn: "border-warn bg-warn/15",
  alert: "border-alert bg-alert-strong/25",
  none: "border-panel-edge bg-panel",
};

/** A shape besides the colour, for colour-blind viewers. */
const STATUS_MARK: Record<Status, string> = { ok: "", warn: "▲", alert: "■", none: "" };

const SIZES = {
  xl: { cap: "5.6vw", label: "text-[clamp(1rem,1.4vw,2.4rem)]" },
  md: { cap: "3.9vw", label: "text-[clamp(0.9rem,1.15vw,2rem)]" },
  sm: { cap: "2.6vw", label: "text-[clamp(0.8rem,0.95vw,1.7rem)]" },
} as const;

/** Rough advance widths (em) of bold glyphs; digits and signs are ~0.7, spaces ~0.3. */
const ADVANCE: Record<string, number> = { ":": 0.4, ".": 0.4, ",": 0.4, "%": 1, "—": 1 };

/** Approximate width of a value in em, to fit "1:05:33" or "100 %" in a tile. */
function widthEm(text: string): number {
  let em = 0;
  for (const ch of text) em += ADVANCE[ch] ?? (/\s/.test(ch) ? 0.3 : 0.7);
  return Math.max(em, 2);
}

/** As large as the size allows, shrunk (container query units) when the text would overflow the tile. */
const fitFontSize = (text: string, cap: string) => `min(${cap}, ${(86 / widthEm(text)).toFixed(1)}cqw)`;

/**
 * `fill`: the tile is a size container (a cell of a saved board's grid) and its
 * text grows with the cell, width and height, so a TV shows numbers as large as
 * the layout allows, at any resolution.
 */
const FILL_LABEL = { fontSize: "clamp(0.8rem, min(6.5cqw, 13cqh), 6vh)" } as const;
const fillFontSize = (text: string) => `min(${(86 / widthEm(text)).toFixed(1)}cqw, 55cqh)`;
/** A small filled tile is a strip: label beside the value, which gets the whole height. */
const STRIP_LABEL = { fontSize: "clamp(0.8rem, min(5cqw, 24cqh), 5vh)" } as const;
const stripFontSize = (text: string) => `min(${(50 / widthEm(text)).toFixed(1)}cqw, 76cqh)`;

interface Props {
  id: MetricId;
  value: number | null;
  size?: keyof typeof SIZES;
  /** A board's own thresholds for this tile (read in the KPI's direction); the registry's otherwise. */
  thresholds?: { warn: number; alert: number };
  fill?: boolean;
}

/** One KPI: short label, large value coloured by its thresholds. Re-renders only when its props change. */
export const MetricTile = memo(function MetricTile({ id, value, size = "xl", thresholds, fill = false }: Props) {
  countRender(id);
  const locale = useLocale();
  const def = definition(id);
  const status = statusOf(thresholds ? { direction: def.direction, thresholds } : def, value);
  const raw = rawValue(value);
  const text = formatMetric(value, def.unit, locale);
  const alert = useTileAlert(id);
  const strip = fill && size === "sm";
  return (
    <div
      data-testid={`tile-${id}`}
      data-status={status}
      data-alert={alert ? "firing" : undefined}
      data-value={raw}
      title={def.name[locale]}
      className={`${fill ? "[container-type:size] min-h-0 overflow-hidden" : "@container"} flex min-w-0 ${strip ? "flex-row items-center" : "flex-col"} justify-between gap-[0.6vh] rounded-xl border-2 px-[0.9vw] ${strip ? "py-[0.4vh]" : "py-[1vh]"} ${STATUS_TILE[status]}${alert ? ` ${TILE_PULSE[alert]}` : ""}`}
    >
      <div
        style={strip ? STRIP_LABEL : fill ? FILL_LABEL : undefined}
        className={`flex items-baseline justify-between gap-2 font-semibold uppercase tracking-wide text-ink-dim ${fill ? "" : SIZES[size].label}`}
      >
        <span className="line-clamp-2 leading-tight">
          <KpiLink id={id}>{def.short[locale]}</KpiLink>
        </span>
        <span aria-hidden className={STATUS_TEXT[status]}>
          {STATUS_MARK[status]}
        </span>
      </div>
      <div
        data-testid={`value-${id}`}
        data-value={raw}
        style={{ fontSize: strip ? stripFontSize(text) : fill ? fillFontSize(text) : fitFontSize(text, SIZES[size].cap) }}
        className={`whitespace-nowrap font-bold leading-none tabular-nums ${STATUS_TEXT[status]}`}
      >
        {text}
      </div>
    </div>
  );
});
