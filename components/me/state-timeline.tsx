import { formatDuration } from "../wallboard/format";
import type { Locale } from "@/lib/i18n/config";
import type { AgentTimeline } from "@/lib/agents/agent-timeline";
import { timeByState } from "@/lib/agents/timeline";
import type { AgentState } from "@/lib/events/schema";
import { clock, type MeTexts } from "./texts";

const COLOR: Record<AgentState, string> = {
  available: "bg-ok",
  busy: "bg-series-offered",
  "wrap-up": "bg-warn",
  paused: "bg-alert",
  offline: "bg-panel-edge",
};

const ORDER: AgentState[] = ["available", "busy", "wrap-up", "paused", "offline"];

interface Props {
  timeline: AgentTimeline;
  locale: Locale;
  timeZone: string;
  t: MeTexts;
}

/**
 * Today's states as one horizontal bar from local midnight to the next (a DST
 * day is 23 or 25 hours wide), plain CSS: each stretch is a segment titled
 * with its state, reason and times; the legend sums time per state.
 */
export function StateTimeline({ timeline, locale, timeZone, t }: Props) {
  const span = timeline.to - timeline.from;
  const totals = timeByState(timeline.intervals);
  const hours = Math.round(span / 3_600_000);
  return (
    <section className="rounded-xl border-2 border-panel-edge bg-panel p-4" data-testid="state-timeline">
      <h2 className="mb-3 text-lg font-bold">{t("timeline")}</h2>
      {timeline.intervals.length === 0 ? (
        <p className="text-sm text-ink-faint">{t("timelineEmpty")}</p>
      ) : (
        <>
          <div className="relative h-10 w-full overflow-hidden rounded-md bg-canvas" role="list">
            {timeline.intervals.map((i) => {
              const label = `${t(`states.${i.state}`)}${i.reason ? ` (${i.reason})` : ""} ${clock(i.from, locale, timeZone)}–${clock(i.to, locale, timeZone)}`;
              return (
                <div
                  key={i.from}
                  role="listitem"
                  data-testid="timeline-segment"
                  data-state={i.state}
                  data-reason={i.reason ?? ""}
                  title={label}
                  aria-label={label}
                  className={`absolute top-0 h-full ${COLOR[i.state]}`}
                  style={{ left: `${(100 * (i.from - timeline.from)) / span}%`, width: `${(100 * (i.to - i.from)) / span}%` }}
                />
              );
            })}
          </div>
          <div className="relative mt-1 h-4 text-xs text-ink-faint" aria-hidden>
            {Array.from({ length: Math.floor((hours - 1) / 3) + 1 }, (_, k) => (
              <span key={k} className="absolute -translate-x-1/2 first:translate-x-0" style={{ left: `${(100 * k * 3 * 3_600_000) / span}%` }}>
                {clock(timeline.from + k * 3 * 3_600_000, locale, timeZone)}
              </span>
            ))}
          </div>
          <ul className="mt-3 flex flex-wrap gap-4 text-sm">
            {ORDER.filter((s) => totals[s]).map((s) => (
              <li key={s} data-testid="timeline-total" data-state={s} className="flex items-center gap-2">
                <span className={`inline-block size-3 rounded-sm ${COLOR[s]}`} />
                {t(`states.${s}`)} <span className="font-semibold tabular-nums">{formatDuration(totals[s]! / 1000, locale)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
