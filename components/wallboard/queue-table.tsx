import { memo, useMemo, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { statusOf, type MetricId } from "@/lib/metrics/registry";
import { queueScope, type WindowId } from "@/lib/metrics/scope";
import { KpiLink } from "../kpis/kpi-link";
import { useCatalog, useLiveSnapshot } from "../live/use-live";
import { definition, formatMetric, rawValue } from "./format";
import { STATUS_TEXT } from "./metric-tile";
import { QueueDetailPanel } from "./queue-detail";
import { BOARD_QUEUE_COLUMNS } from "@/lib/metrics/default-board";

const COLUMNS = BOARD_QUEUE_COLUMNS;

const QueueCell = memo(function QueueCell({ id, value }: { id: MetricId; value: number | null }) {
  const locale = useLocale();
  const def = definition(id);
  const status = statusOf(def, value);
  return (
    <td data-testid={`cell-${id}`} data-value={rawValue(value)} data-status={status} className={`px-[0.6vw] text-right font-semibold ${STATUS_TEXT[status]}`}>
      {formatMetric(value, def.unit, locale)}
    </td>
  );
});

/** One queue's row: its own subscription to `queue:<name>` for the board's window. */
const QueueRow = memo(function QueueRow({ name, window, onOpen }: { name: string; window: WindowId; onOpen: (queue: string) => void }) {
  const t = useTranslations("Live.queueDetail");
  const metrics = useLiveSnapshot(queueScope(name), window)?.metrics;
  return (
    <tr data-testid={`queue-row-${name}`} className="border-t border-panel-edge">
      <th scope="row" title={name} className="px-[0.6vw] py-[0.7vh] text-left font-semibold leading-tight text-ink">
        {/* Opens who is waiting in the queue, with its tiles (components/wallboard/queue-detail.tsx). */}
        <button type="button" data-testid={`queue-open-${name}`} aria-label={t("open", { queue: name })} onClick={() => onOpen(name)} className="line-clamp-2 break-words text-left decoration-dotted underline-offset-4 hover:underline">
          {name}
        </button>
      </th>
      {COLUMNS.map((id) => (
        <QueueCell key={id} id={id} value={metrics?.[id] ?? null} />
      ))}
    </tr>
  );
});

/** Every queue the server knows of (or, given `only`, those of them), one row each. */
export function QueueTable({ window, only = null }: { window: WindowId; only?: readonly string[] | null }) {
  const t = useTranslations("Wallboard");
  const locale = useLocale();
  const { queues } = useCatalog();
  const [open, setOpen] = useState<string | null>(null);
  const sorted = useMemo(
    () => queues.filter((q) => only === null || only.includes(q)).sort((a, b) => a.localeCompare(b, locale)),
    [queues, only, locale],
  );

  return (
    <section aria-label={t("queues")} className="flex min-h-0 flex-col rounded-xl border-2 border-panel-edge bg-panel">
      <h2 className="px-[0.8vw] pt-[0.8vh] text-[clamp(0.9rem,1.2vw,2rem)] font-semibold uppercase tracking-wide text-ink-dim">{t("queues")}</h2>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <table data-testid="queue-table" className="w-full table-fixed text-[clamp(1rem,1.55vw,2.6rem)] tabular-nums">
          <thead>
            <tr className="text-[clamp(0.75rem,0.85vw,1.5rem)] uppercase text-ink-dim">
              <th scope="col" className="w-[20%] px-[0.6vw] py-[0.5vh] text-left align-bottom font-semibold">
                {t("queue")}
              </th>
              {COLUMNS.map((id) => {
                const def = definition(id);
                return (
                  <th key={id} scope="col" title={def.name[locale]} className="px-[0.6vw] py-[0.5vh] text-right align-bottom font-semibold leading-tight">
                    <KpiLink id={id}>{def.short[locale]}</KpiLink>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.map((name) => (
              <QueueRow key={name} name={name} window={window} onOpen={setOpen} />
            ))}
          </tbody>
        </table>
        {sorted.length === 0 && <p className="px-[0.8vw] py-[1vh] text-[clamp(1rem,1.3vw,2rem)] text-ink-faint">{t("noQueues")}</p>}
      </div>
      {open !== null && <QueueDetailPanel queue={open} window={window} onClose={() => setOpen(null)} />}
    </section>
  );
}
