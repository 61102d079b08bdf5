"use client";

import { memo, useMemo } from "react";
import { Bar, CartesianGrid, ComposedChart, Line, XAxis, YAxis } from "recharts";
import { useFormatter, useTranslations } from "use-intl";
import type { Scope } from "@/lib/metrics/scope";
import { useMinuteSeries } from "../live/use-feeds";
import { ChartFrame } from "./chart-frame";

const TICK = { fill: "var(--color-ink-dim)", fontSize: 16 };
const WAITING = "var(--color-warn)";
const SL = "var(--color-series-answered)";

/** Contacts waiting (bars) and service level (line) per minute over the last hour; 60 points at most. */
export const MinuteChart = memo(function MinuteChart({ scope }: { scope: Scope }) {
  const t = useTranslations("Live.minuteChart");
  const format = useFormatter();
  const series = useMinuteSeries(scope);
  const data = useMemo(
    () =>
      (series?.points ?? []).slice(-60).map((p) => ({
        time: format.dateTime(new Date(p.start), { hour: "2-digit", minute: "2-digit" }),
        waiting: p.waiting,
        serviceLevel: p.serviceLevel === null ? null : Math.round(p.serviceLevel * 100),
      })),
    [series, format],
  );
  const legend = [
    { label: t("waiting"), color: WAITING },
    { label: t("serviceLevel"), color: SL },
  ];
  return (
    <ChartFrame testId="minute-chart" data-points={data.length} title={t("title")} legend={legend} empty={data.length === 0 ? t("empty") : null}>
      <ComposedChart responsive data={data} style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--color-panel-edge)" />
        <XAxis dataKey="time" tick={TICK} stroke="var(--color-panel-edge)" minTickGap={40} />
        <YAxis yAxisId="count" allowDecimals={false} tick={TICK} stroke="var(--color-panel-edge)" width={40} />
        <YAxis yAxisId="pct" orientation="right" domain={[0, 100]} ticks={[0, 50, 100]} unit="%" tick={TICK} stroke="var(--color-panel-edge)" width={56} />
        <Bar yAxisId="count" dataKey="waiting" name={t("waiting")} fill={WAITING} isAnimationActive={false} />
        <Line yAxisId="pct" dataKey="serviceLevel" name={t("serviceLevel")} type="monotone" stroke={SL} strokeWidth={3} dot={false} connectNulls isAnimationActive={false} />
      </ComposedChart>
    </ChartFrame>
  );
});
