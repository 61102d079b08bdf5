"use client";

import { memo } from "react";
import { useLocale, useTranslations } from "use-intl";
import { occupancyAt, type AgentRow } from "@/lib/metrics/agent-grid";
import { useReached, useServerSecond } from "../live/use-server-now";
import { Elapsed } from "./elapsed";
import { formatMetric } from "./format";

/** Full class strings, so Tailwind's scanner finds them. */
const STATE_TEXT: Record<AgentRow["state"], string> = {
  available: "text-ok",
  busy: "text-series-offered",
  "wrap-up": "text-ink",
  paused: "text-warn",
  offline: "text-ink-faint",
};
const STATE_KEY = { available: "available", busy: "busy", "wrap-up": "wrapUp", paused: "paused", offline: "offline" } as const;

export interface Thresholds {
  longPauseMs: number;
  longContactMs: number;
}

function Occupancy({ row }: { row: AgentRow }) {
  const locale = useLocale();
  const now = useServerSecond();
  const value = occupancyAt(row, now);
  return <span data-testid="agent-occupancy">{formatMetric(value, "ratio", locale)}</span>;
}

/**
 * One agent. Memoised: the grid keeps an unchanged row's object across pushes,
 * so a row re-renders when its agent changes or when it crosses a threshold,
 * not every second (the durations inside tick on their own).
 */
export const AgentRowView = memo(function AgentRowView({ row, thresholds }: { row: AgentRow; thresholds: Thresholds }) {
  const t = useTranslations("Live");
  const c = row.contact;
  const longPause = useReached(row.state === "paused" ? row.since + thresholds.longPauseMs : null);
  const longContact = useReached(c?.phase === "talking" ? c.since + thresholds.longContactMs : null);
  const tint = longContact ? "bg-alert-strong/25" : longPause ? "bg-warn/15" : "";
  return (
    <tr
      data-testid={`agent-row-${row.agentId}`}
      data-state={row.state}
      data-long-pause={longPause}
      data-long-contact={longContact}
      className={`border-t border-panel-edge ${tint}`}
    >
      <th scope="row" title={row.agentId} className="truncate px-[0.6vw] py-[0.6vh] text-left font-semibold">
        {row.agentId}
      </th>
      <td className={`truncate px-[0.6vw] font-semibold ${STATE_TEXT[row.state]}`} title={row.reason ?? undefined}>
        <span data-testid="agent-state">{t(`states.${STATE_KEY[row.state]}`)}</span>
        {row.reason && (
          <span data-testid="agent-reason" className="ml-[0.4em] font-normal text-ink-dim">
            · {row.reason}
          </span>
        )}
      </td>
      <td className={`whitespace-nowrap px-[0.6vw] text-right ${longPause ? "font-bold text-warn" : ""}`} title={longPause ? t("grid.longPause", { minutes: Math.round(thresholds.longPauseMs / 60_000) }) : undefined}>
        {longPause && <span aria-hidden>▲ </span>}
        <Elapsed since={row.since} testId="agent-time-in-state" />
      </td>
      <td className="truncate px-[0.6vw]">
        {c ? (
          <span data-testid="agent-contact" data-contact={c.contactId} data-phase={c.phase}>
            <span className="font-semibold">{c.queue ?? "—"}</span>
            <span className="text-ink-dim"> · {c.channel ? t(`channels.${c.channel}`) : "—"} · </span>
            <span className={longContact ? "font-bold text-alert" : c.phase === "wrap-up" ? "text-ink-dim" : ""} title={longContact ? t("grid.longContact", { minutes: Math.round(thresholds.longContactMs / 60_000) }) : t(`phases.${c.phase === "talking" ? "talking" : "wrapUp"}`)}>
              {longContact && <span aria-hidden>■ </span>}
              <Elapsed since={c.since} testId="agent-contact-duration" />
            </span>
            {row.openContacts > 1 && <span className="text-ink-dim"> ({t("grid.openContacts", { count: row.openContacts })})</span>}
          </span>
        ) : (
          <span className="text-ink-faint">—</span>
        )}
      </td>
      <td data-testid="agent-handled" className="px-[0.6vw] text-right">
        {row.handledToday}
      </td>
      <td className="px-[0.6vw] text-right">
        <Occupancy row={row} />
      </td>
      <td className="truncate px-[0.6vw] text-ink-dim" title={row.queues.join(", ")}>
        {row.queues.join(", ")}
      </td>
    </tr>
  );
});
