import { memo } from "react";
import { useLocale } from "use-intl";
import { statusOf, type MetricId, type Status } from "@/lib/metrics/registry";
import { KpiLink } from "../kpis/kpi-link";
import { definition, formatMetric, rawValue } from "./format";

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

interface Props {
  id: MetricId;
  value: number | null;
  size?: keyof typeof SIZES;
}

/** One KPI: short label, large value coloured by the registry thresholds. Re-renders only when its value changes. */
export const MetricTile = memo(function MetricTile({ id, value, size = "xl" }: Props) {
  const locale = useLocale();
  const def = definition(id);
  const status = statusOf(def, value);
  const raw = rawValue(value);
  const text = formatMetric(value, def.unit, locale);
  return (
    <div
      data-testid={`tile-${id}`}
      data-status={status}
      data-value={raw}
      title={def.name[locale]}
      className={`@container flex min-w-0 flex-col justify-between gap-[0.6vh] rounded-xl border-2 px-[0.9vw] py-[1vh] ${STATUS_TILE[status]}`}
    >
      <div className={`flex items-baseline justify-between gap-2 font-semibold uppercase tracking-wide text-ink-dim ${SIZES[size].label}`}>
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
        style={{ fontSize: fitFontSize(text, SIZES[size].cap) }}
        className={`whitespace-nowrap font-bold leading-none tabular-nums ${STATUS_TEXT[status]}`}
      >
        {text}
      </div>
    </div>
  );
});
