"use client";

import { memo } from "react";
import { useLocale, useTranslations } from "use-intl";
import { FORECAST_TARGET } from "@/lib/metrics/kpis/forecast";
import { statusOf } from "@/lib/metrics/registry";
import type { Scope } from "@/lib/metrics/scope";
import { KpiLink } from "../kpis/kpi-link";
import { useLiveSnapshot } from "../live/use-live";
import { definition, formatMetric, rawValue } from "./format";
import { STATUS_TEXT } from "./metric-tile";

const STATUS_FRAME = { ok: "border-ok/60 bg-ok/10", warn: "border-warn bg-warn/15", alert: "border-alert bg-alert-strong/25", none: "border-panel-edge bg-panel" } as const;

/**
 * Service level at risk: the Erlang C forecast of the next interval with the
 * agents staffed now, agents needed against staffed, and the inputs behind it.
 * Reads the scope's "today" snapshot: AHT there is today's, as the forecast uses.
 */
export const ForecastTile = memo(function ForecastTile({ scope }: { scope: Scope }) {
  const t = useTranslations("Live.forecast");
  const locale = useLocale();
  const snap = useLiveSnapshot(scope, "today");
  const m = snap?.metrics ?? {};
  const value = (id: string) => m[id] ?? null;
  const sl = value("forecastServiceLevel");
  const status = statusOf(definition("forecastServiceLevel"), sl);
  const parts = [value("agentsAvailable"), value("agentsBusy"), value("agentsWrapUp")];
  const staffed = parts.every((v) => v === null) ? null : parts.reduce<number>((s, v) => s + (v ?? 0), 0);
  const needed = value("agentsNeeded");
  const short = needed !== null && staffed !== null && needed > staffed;
  const slSeconds = snap?.settings?.slSeconds ?? null;
  const fmt = (v: number | null, id: Parameters<typeof definition>[0]) => formatMetric(v, definition(id).unit, locale);

  const inputs: [string, string, string][] = [
    ["arrivals", t("arrivals"), fmt(value("arrivalRate"), "arrivalRate")],
    ["aht", t("aht"), fmt(value("aht"), "aht")],
    ["agents", t("agents"), staffed === null ? "—" : String(staffed)],
    ["threshold", t("threshold"), slSeconds === null ? "—" : `${slSeconds} s`],
    ["target", t("target"), formatMetric(FORECAST_TARGET, "ratio", locale)],
  ];
  return (
    <section data-testid="forecast-tile" data-status={status} data-value={rawValue(sl)} aria-label={t("title")} className={`@container flex min-h-0 min-w-0 flex-col gap-[0.6vh] rounded-xl border-2 px-[0.9vw] py-[1vh] ${STATUS_FRAME[status]}`}>
      <h2 className="flex items-baseline justify-between text-[clamp(0.9rem,1.15vw,2rem)] font-semibold uppercase tracking-wide text-ink-dim">
        <KpiLink id="forecastServiceLevel">{t("title")}</KpiLink>
        <span className="normal-case tracking-normal">{definition("forecastServiceLevel").short[locale]}</span>
      </h2>
      <div className="flex items-end justify-between gap-[1vw]">
        <div data-testid="forecast-value" className={`text-[clamp(2rem,3.6vw,6rem)] font-bold leading-none tabular-nums ${STATUS_TEXT[status]}`}>{fmt(sl, "forecastServiceLevel")}</div>
        <div className="text-right leading-tight">
          <div data-testid="forecast-agents" className={`text-[clamp(1.2rem,2vw,3.4rem)] font-bold tabular-nums ${short ? "text-alert" : "text-ink"}`}>
            {needed ?? "—"} / {staffed ?? "—"}
          </div>
          <div className="text-[clamp(0.8rem,0.95vw,1.6rem)] text-ink-dim">
            <KpiLink id="agentsNeeded">{t("needed")}</KpiLink> / {t("staffed")}
          </div>
        </div>
      </div>
      <dl aria-label={t("inputs")} className="grid grid-cols-2 gap-x-[1.4vw] text-[clamp(0.8rem,0.95vw,1.6rem)]">
        <div className="flex justify-between gap-[0.5vw]">
          <dt className="text-ink-dim">
            <KpiLink id="forecastAsa">{t("asa")}</KpiLink>
          </dt>
          <dd className="font-semibold tabular-nums">{fmt(value("forecastAsa"), "forecastAsa")}</dd>
        </div>
        {inputs.map(([key, label, text]) => (
          <div key={key} data-testid={`forecast-input-${key}`} className="flex justify-between gap-[0.5vw]">
            <dt className="truncate text-ink-dim">{label}</dt>
            <dd className="tabular-nums">{text}</dd>
          </div>
        ))}
      </dl>
      {sl === null && <p className="truncate text-[clamp(0.8rem,0.9vw,1.5rem)] text-ink-faint" title={t("noData")}>{t("noData")}</p>}
    </section>
  );
});
