"use client";

import { useFormatter, useLocale, useTranslations } from "use-intl";
import type { ActiveAlert } from "@/lib/alerts/active";
import { isAgentCondition, unitOf, type Severity } from "@/lib/alerts/rule";
import { kpi } from "@/lib/metrics/registry";
import { parseScope } from "@/lib/metrics/scope";
import { formatMetric } from "../wallboard/format";
import { useAlerts } from "./alert-provider";
import { useAlertSound, type SoundState } from "./alert-sound";

/** Full class strings, so Tailwind's scanner finds them. */
const SEVERITY: Record<Severity, string> = {
  critical: "bg-alert-strong text-white",
  warning: "bg-warn text-canvas",
};
const MARK: Record<Severity, string> = { critical: "■", warning: "▲" };
const SHOWN = 3;

function useScopeLabel() {
  const t = useTranslations("Alerts.banner");
  return (a: ActiveAlert): string => {
    const s = parseScope(a.scope);
    const scope = s.kind === "all" ? t("all") : s.kind === "queues" ? s.keys.join(", ") : s.key;
    return a.subject === null ? scope : `${scope} · ${t("agent", { id: a.subject })}`;
  };
}

function AlertRow({ alert, scopeLabel }: { alert: ActiveAlert; scopeLabel: string }) {
  const t = useTranslations("Alerts");
  const locale = useLocale();
  const format = useFormatter();
  const unit = unitOf(alert.metric) ?? "number";
  const metricName = isAgentCondition(alert.metric) ? t(`agentConditions.${alert.metric}`) : (kpi(alert.metric)?.short[locale] ?? alert.metric);
  return (
    <div
      data-testid="alert-item"
      data-rule={alert.ruleId}
      data-severity={alert.severity}
      className={`flex items-baseline gap-[1.2vw] rounded-xl px-[1.2vw] py-[0.7vh] font-bold shadow-2xl ${SEVERITY[alert.severity]}`}
    >
      <span aria-hidden>{MARK[alert.severity]}</span>
      <span className="sr-only">{t(`severity.${alert.severity}`)}</span>
      <span className="min-w-0 truncate">{alert.ruleName}</span>
      <span className="truncate font-semibold opacity-85">· {scopeLabel}</span>
      <span className="ml-auto whitespace-nowrap tabular-nums">
        <span className="font-semibold opacity-85">{metricName} </span>
        {formatMetric(alert.value, unit, locale)}
        <span className="font-semibold opacity-85">
          {" "}
          {alert.comparator} {formatMetric(alert.threshold, unit, locale)}
        </span>
      </span>
      <span className="whitespace-nowrap font-semibold opacity-85">{t("banner.since", { time: format.dateTime(new Date(alert.since), { timeStyle: "short" }) })}</span>
    </div>
  );
}

function SoundButton({ state, onClick }: { state: SoundState; onClick: () => void }) {
  const t = useTranslations("Alerts.sound");
  const label = state === "on" ? t("on") : state === "blocked" ? t("blocked") : t("enable");
  return (
    <button
      type="button"
      data-testid="alert-sound"
      data-state={state}
      aria-pressed={state === "on"}
      onClick={onClick}
      title={label}
      className={`pointer-events-auto self-start rounded-full border-2 border-panel-edge bg-panel px-[0.8em] py-[0.2em] text-[clamp(0.8rem,0.9vw,1.5rem)] font-semibold text-ink-dim hover:text-ink hover:opacity-100 ${state === "on" ? "opacity-60" : ""}`}
    >
      <span aria-hidden>♪ </span>
      {label}
    </button>
  );
}

/**
 * The alerts of the board, fixed at the bottom of the screen in large type
 * (readable across the room), critical first, with the rule's name, scope,
 * value against its threshold and since when; and the sound switch.
 */
export function AlertBanner() {
  const t = useTranslations("Alerts.banner");
  const { alerts, received } = useAlerts();
  const sound = useAlertSound(alerts, received);
  const scopeLabel = useScopeLabel();
  const more = alerts.length - SHOWN;
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col gap-[0.5vh] p-[0.6vw]">
      <SoundButton state={sound.state} onClick={sound.toggle} />
      {alerts.length > 0 && (
        <section data-testid="alert-banner" aria-label={t("label")} role="alert" className="flex flex-col gap-[0.5vh] text-[clamp(1.2rem,1.9vw,3.4rem)]">
          {alerts.slice(0, SHOWN).map((a) => (
            <AlertRow key={a.key} alert={a} scopeLabel={scopeLabel(a)} />
          ))}
          {more > 0 && (
            <p className="self-end rounded-lg bg-panel px-[0.8em] text-[0.7em] font-semibold text-ink">{t("more", { count: more })}</p>
          )}
        </section>
      )}
    </div>
  );
}
