"use client";

import { memo, useMemo } from "react";
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { useFormatter, useTranslations } from "use-intl";
import type { Scope } from "@/lib/metrics/scope";
import { useLastWeek } from "../live/use-feeds";
import { useSeries } from "../live/use-live";
import { ChartFrame } from "./chart-frame";

const TICK = { fill: "var(--color-ink-dim)", fontSize: 16 };
const TODAY = "var(--color-series-offered)";
const LAST_WEEK = "var(--color-ink-dim)";
/** A day has 92 to 100 quarter-hours (DST); anything beyond is not drawn. */
const MAX_POINTS = 100;

/**
 * Offered per 15 minutes today against the same weekday last week, matched by
 * local time of day (last week's line comes from storage, once per day).
 */
export const WeekCompareChart = memo(function WeekCompareChart({ scope }: { scope: Scope }) {
  const t = useTranslations("Live.weekChart");
  const format = useFormatter();
  const today = useSeries(scope);
  const lastWeek = useLastWeek(scope);

  const data = useMemo(() => {
    const label = (iso: string) => format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit" });
    const rows = new Map<string, { time: string; today: number | null; lastWeek: number | null }>();
    for (const p of (lastWeek?.points ?? []).slice(0, MAX_POINTS)) {
      const time = label(p.start);
      if (!rows.has(time)) rows.set(time, { time, today: null, lastWeek: p.offered });
    }
    for (const p of (today?.points ?? []).slice(0, MAX_POINTS)) {
      const time = label(p.start);
      const row = rows.get(time) ?? { time, today: null, lastWeek: null };
      row.today = (row.today ?? 0) + (p.metrics.offered ?? 0);
      rows.set(time, row);
    }
    return [...rows.values()];
  }, [today, lastWeek, format]);

  // The day is a calendar date: formatted at noon UTC, it is the same date in any zone.
  const day = lastWeek ? format.dateTime(new Date(`${lastWeek.day}T12:00:00Z`), { weekday: "long", day: "numeric", month: "numeric", timeZone: "UTC" }) : "…";
  const legend = [
    { label: t("today"), color: TODAY },
    { label: t("lastWeek", { day }), color: LAST_WEEK, dashed: true },
  ];
  return (
    <ChartFrame testId="week-chart" data-last-week={lastWeek?.day ?? ""} title={t("title")} legend={legend} empty={data.length === 0 ? t("empty") : null}>
      <LineChart responsive data={data} style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--color-panel-edge)" />
        <XAxis dataKey="time" tick={TICK} stroke="var(--color-panel-edge)" minTickGap={40} />
        <YAxis allowDecimals={false} tick={TICK} stroke="var(--color-panel-edge)" width={40} />
        <Line dataKey="lastWeek" name={t("lastWeek", { day })} type="monotone" stroke={LAST_WEEK} strokeWidth={3} strokeDasharray="8 6" dot={false} isAnimationActive={false} />
        <Line dataKey="today" name={t("today")} type="monotone" stroke={TODAY} strokeWidth={4} dot={false} isAnimationActive={false} />
      </LineChart>
    </ChartFrame>
  );
});
