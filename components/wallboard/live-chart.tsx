import { memo, useMemo } from "react";
import { CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from "recharts";
import { useFormatter, useLocale, useTranslations } from "use-intl";
import type { MetricId } from "@/lib/metrics/registry";
import type { Scope } from "@/lib/metrics/scope";
import { useSeries } from "../live/use-live";
import { definition } from "./format";

const LINES = [
  { id: "offered", color: "var(--color-series-offered)" },
  { id: "answered", color: "var(--color-series-answered)" },
  { id: "abandoned", color: "var(--color-series-abandoned)" },
] as const satisfies readonly { id: MetricId; color: string }[];

const TICK = { fill: "var(--color-ink-dim)", fontSize: 18 };

/** Today's offered / answered / abandoned per 15 minutes for one scope. */
export const LiveChart = memo(function LiveChart({ scope }: { scope: Scope }) {
  const t = useTranslations("Wallboard");
  const locale = useLocale();
  const format = useFormatter();
  const series = useSeries(scope);

  const data = useMemo(
    () =>
      (series?.points ?? []).map((p) => ({
        time: format.dateTime(new Date(p.start), { hour: "2-digit", minute: "2-digit" }),
        offered: p.metrics.offered ?? 0,
        answered: p.metrics.answered ?? 0,
        abandoned: p.metrics.abandoned ?? 0,
      })),
    [series, format],
  );

  return (
    <section data-testid="live-chart" aria-label={t("chartTitle")} className="flex min-h-0 flex-col rounded-xl border-2 border-panel-edge bg-panel">
      <h2 className="px-[0.8vw] pt-[0.8vh] text-[clamp(0.9rem,1.2vw,2rem)] font-semibold uppercase tracking-wide text-ink-dim">{t("chartTitle")}</h2>
      <div className="relative min-h-0 flex-1 p-[0.5vw]">
        {data.length === 0 ? (
          <p className="px-[0.3vw] text-[clamp(1rem,1.3vw,2rem)] text-ink-faint">{t("noSeries")}</p>
        ) : (
          <LineChart responsive data={data} style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--color-panel-edge)" />
            <XAxis dataKey="time" tick={TICK} stroke="var(--color-panel-edge)" minTickGap={32} />
            <YAxis allowDecimals={false} tick={TICK} stroke="var(--color-panel-edge)" width={56} />
            <Legend itemSorter={null} iconSize={18} wrapperStyle={{ fontSize: 20 }} />
            {LINES.map(({ id, color }) => (
              <Line
                key={id}
                dataKey={id}
                name={definition(id).short[locale]}
                type="monotone"
                stroke={color}
                strokeWidth={4}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        )}
      </div>
    </section>
  );
});
