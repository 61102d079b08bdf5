"use client";

import { useEffect } from "react";
import { useTranslations } from "use-intl";
import type { MetricId } from "@/lib/metrics/registry";
import { queueScope, type WindowId } from "@/lib/metrics/scope";
import { useWaitingList } from "../live/use-feeds";
import { useLiveSnapshot } from "../live/use-live";
import { Elapsed } from "./elapsed";
import { MetricTile } from "./metric-tile";

const TILES = ["waiting", "longestWait", "serviceLevel", "asa", "offered", "abandonRate", "agentsAvailable"] as const satisfies readonly MetricId[];

/** One queue now: its tiles for the window, and every contact waiting, longest wait first (waits tick on screen). */
export function QueueDetail({ queue, window }: { queue: string; window: WindowId }) {
  const t = useTranslations("Live.queueDetail");
  const tc = useTranslations("Live.channels");
  const scope = queueScope(queue);
  const metrics = useLiveSnapshot(scope, window)?.metrics;
  const list = useWaitingList(scope);
  const hidden = list ? list.total - list.contacts.length : 0;
  return (
    <section data-testid="queue-detail" data-queue={queue} aria-label={t("title", { queue })} className="flex min-h-0 flex-1 flex-col gap-[1vh]">
      <div className="grid grid-cols-7 gap-[0.6vw]">
        {TILES.map((id) => (
          <MetricTile key={id} id={id} value={metrics?.[id] ?? null} size="md" />
        ))}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto rounded-xl border-2 border-panel-edge bg-panel">
        <table data-testid="waiting-list" className="w-full table-fixed text-[clamp(1rem,1.5vw,2.6rem)] tabular-nums">
          <thead className="sticky top-0 bg-panel">
            <tr className="text-[clamp(0.75rem,0.85vw,1.5rem)] uppercase text-ink-dim">
              <th scope="col" className="w-[8%] px-[0.6vw] py-[0.5vh] text-right font-semibold">{t("position")}</th>
              <th scope="col" className="w-[32%] px-[0.6vw] text-left font-semibold">{t("contact")}</th>
              <th scope="col" className="w-[18%] px-[0.6vw] text-left font-semibold">{t("channel")}</th>
              <th scope="col" className="w-[24%] px-[0.6vw] text-left font-semibold">{t("customer")}</th>
              <th scope="col" className="px-[0.6vw] text-right font-semibold">{t("wait")}</th>
            </tr>
          </thead>
          <tbody>
            {(list?.contacts ?? []).map((c, i) => (
              <tr key={c.contactId} data-testid={`waiting-${c.contactId}`} className="border-t border-panel-edge">
                <td className="px-[0.6vw] py-[0.6vh] text-right text-ink-dim">{i + 1}</td>
                <th scope="row" className="truncate px-[0.6vw] text-left font-semibold" title={c.contactId}>{c.contactId}</th>
                <td className="px-[0.6vw]">{tc(c.channel)}</td>
                <td className="truncate px-[0.6vw] text-ink-dim">{c.customerId ?? "—"}</td>
                <td className="px-[0.6vw] text-right font-bold">
                  <Elapsed since={c.queuedAt} testId="waiting-wait" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list && list.total === 0 && <p className="px-[0.8vw] py-[1vh] text-[clamp(1rem,1.3vw,2rem)] text-ink-faint">{t("none")}</p>}
        {hidden > 0 && <p className="px-[0.8vw] py-[1vh] text-[clamp(1rem,1.3vw,2rem)] text-ink-dim">{t("more", { count: hidden })}</p>}
      </div>
    </section>
  );
}

/** The queue detail over the board, closed by its button or Escape. */
export function QueueDetailPanel({ queue, window, onClose }: { queue: string; window: WindowId; onClose: () => void }) {
  const t = useTranslations("Live.queueDetail");
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    globalThis.addEventListener("keydown", onKey);
    return () => globalThis.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    <div role="dialog" aria-modal="true" aria-label={t("title", { queue })} data-testid="queue-detail-panel" className="fixed inset-0 z-50 flex flex-col gap-[1vh] bg-canvas p-[1.5vw]">
      <header className="flex items-center justify-between text-[clamp(1.1rem,1.6vw,2.6rem)]">
        <h2 className="font-extrabold">{t("title", { queue })}</h2>
        <button type="button" data-testid="queue-detail-close" onClick={onClose} autoFocus className="rounded-lg bg-panel px-[0.9em] py-[0.2em] font-semibold hover:bg-panel-edge">
          {t("close")} ✕
        </button>
      </header>
      <QueueDetail queue={queue} window={window} />
    </div>
  );
}
