"use client";

import { useTranslations } from "use-intl";
import type { Category } from "@/lib/metrics/kpi-types";
import { KPIS, type MetricId, type MetricValues } from "@/lib/metrics/registry";
import type { ScopeSettings } from "@/lib/metrics/engine";
import { BOARD_TILES } from "@/lib/metrics/default-board";
import { MetricTile } from "./metric-tile";

/** The order categories are shown in; the headline board already shows volume, waits and agent counts. */
const ORDER = ["service", "handling", "resolution", "automation", "satisfaction", "outbound", "sales", "agents", "volume"] as const satisfies readonly Category[];
const ON_BOARD = new Set<string>(BOARD_TILES);

const GROUPS = ORDER.map((category) => ({
  category,
  ids: KPIS.filter((k) => k.category === category && !ON_BOARD.has(k.id)).map((k) => k.id as MetricId),
})).filter((g) => g.ids.length > 0);

/** Every other registry KPI of the scope, by family, each tile linking to its definition. */
export function KpiPanel({ metrics, settings }: { metrics: MetricValues | undefined; settings: ScopeSettings | undefined }) {
  const t = useTranslations("Wallboard");
  return (
    <div data-testid="kpi-panel" className="flex min-h-0 flex-1 flex-col gap-[1.2vh] overflow-y-auto pr-[0.4vw]">
      {settings && <SettingsLine settings={settings} />}
      {GROUPS.map((g) => (
        <section key={g.category} aria-label={t(`categories.${g.category}`)}>
          <h2 className="mb-[0.5vh] text-[clamp(0.8rem,1vw,1.7rem)] font-semibold uppercase tracking-wide text-ink-dim">
            {t(`categories.${g.category}`)}
          </h2>
          <div className="grid grid-cols-8 gap-[0.6vw]">
            {g.ids.map((id) => (
              <MetricTile key={id} id={id} value={metrics?.[id] ?? null} size="md" />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

/** The thresholds behind the numbers: service level, short abandons, the FCR repeat window. */
export function SettingsLine({ settings }: { settings: ScopeSettings }) {
  const t = useTranslations("Wallboard");
  return (
    <p data-testid="scope-settings" className="text-[clamp(0.8rem,1vw,1.6rem)] text-ink-dim">
      {settings.slSeconds === null ? t("settings.slVaries") : t("settings.sl", { seconds: settings.slSeconds })}
      {" · "}
      {settings.shortAbandonSeconds === null ? t("settings.shortNone") : t("settings.short", { seconds: settings.shortAbandonSeconds })}
      {" · "}
      {t("settings.repeat", { days: settings.repeatDays })}
    </p>
  );
}
