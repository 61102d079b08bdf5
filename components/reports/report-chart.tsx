"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "use-intl";
import type { Unit } from "@/lib/metrics/registry";
import { formatMetric } from "../wallboard/format";
import type { ChartData } from "./chart-data";

const COLORS = ["#60a5fa", "#34d399", "#fbbf24", "#f87171", "#a78bfa", "#f472b6", "#2dd4bf", "#fb923c"];
const TICK = { fill: "var(--color-ink-dim)", fontSize: 12 };
/** Up to this many buckets, bars read better than lines. */
const BARS_UP_TO = 12;

interface Props {
  title: string;
  unit: Unit;
  currency: string;
  data: ChartData;
  /** Names of the series without a key (the whole centre). */
  allName: string;
  note: string | null;
}

/** The report's first metric over its buckets, one series per group (at most eight). */
export function ReportChart({ title, unit, currency, data, allName, note }: Props) {
  const locale = useLocale();
  const format = (v: unknown) => formatMetric(typeof v === "number" ? v : null, unit, locale, currency);
  const bars = data.points.length <= BARS_UP_TO;
  const Chart = bars ? BarChart : LineChart;
  return (
    <section data-testid="report-chart" aria-label={title} className="flex flex-col gap-2 rounded-xl border-2 border-panel-edge bg-panel p-4">
      <h2 className="text-lg font-bold">{title}</h2>
      {note && <p className="text-sm text-ink-dim">{note}</p>}
      <div className="h-72">
        <Chart responsive data={data.points} style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} stroke="var(--color-panel-edge)" />
          <XAxis dataKey="bucket" tick={TICK} stroke="var(--color-panel-edge)" minTickGap={24} />
          <YAxis tick={TICK} stroke="var(--color-panel-edge)" width={64} tickFormatter={format} />
          <Tooltip formatter={format} contentStyle={{ background: "var(--color-panel)", border: "1px solid var(--color-panel-edge)" }} />
          <Legend itemSorter={null} />
          {data.series.map((key, i) =>
            bars ? (
              <Bar key={i} dataKey={`s${i}`} name={key ?? allName} fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
            ) : (
              <Line key={i} dataKey={`s${i}`} name={key ?? allName} stroke={COLORS[i % COLORS.length]} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
            ),
          )}
        </Chart>
      </div>
    </section>
  );
}
