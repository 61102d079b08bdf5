"use client";

import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import type { AgentRow } from "@/lib/metrics/agent-grid";
import type { Scope } from "@/lib/metrics/scope";
import { useAgentGrid } from "../live/use-feeds";
import { AgentRowView, type Thresholds } from "./agent-row";

export type AgentSort = "state" | "time" | "name" | "queue";

const STATE_ORDER: Record<AgentRow["state"], number> = { paused: 0, busy: 1, "wrap-up": 2, available: 3, offline: 4 };

/** Rows in display order; `since` never moves, so the order holds while durations tick. */
export function sortAgents(rows: readonly AgentRow[], by: AgentSort, ascending: boolean, locale: string): AgentRow[] {
  const name = (a: AgentRow, b: AgentRow) => a.agentId.localeCompare(b.agentId, locale);
  const queue = (r: AgentRow) => r.contact?.queue ?? r.queues[0] ?? "";
  const compare: Record<AgentSort, (a: AgentRow, b: AgentRow) => number> = {
    state: (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.since - b.since || name(a, b),
    time: (a, b) => a.since - b.since || name(a, b),
    name,
    queue: (a, b) => queue(a).localeCompare(queue(b), locale) || name(a, b),
  };
  const sorted = [...rows].sort(compare[by]);
  return ascending ? sorted : sorted.reverse();
}

interface Props {
  scope: Scope;
  /** A pause longer than this is highlighted (default 15 minutes). */
  longPauseSeconds?: number;
  /** A contact longer than this is highlighted (default 10 minutes). */
  longContactSeconds?: number;
  initialSort?: AgentSort;
}

const COLUMNS: { key: "agent" | "state" | "timeInState" | "contact" | "handled" | "occupancy" | "queues"; sort?: AgentSort; width: string; right?: boolean }[] = [
  { key: "agent", sort: "name", width: "w-[14%]" },
  { key: "state", sort: "state", width: "w-[20%]" },
  { key: "timeInState", sort: "time", width: "w-[10%]", right: true },
  { key: "contact", sort: "queue", width: "w-[26%]" },
  { key: "handled", width: "w-[9%]", right: true },
  { key: "occupancy", width: "w-[11%]", right: true },
  { key: "queues", width: "" },
];

/** Every agent of a scope: state, time in state, reason, open contact, day's figures; sortable, readable on a TV. */
export function AgentGrid({ scope, longPauseSeconds = 15 * 60, longContactSeconds = 10 * 60, initialSort = "state" }: Props) {
  const t = useTranslations("Live");
  const locale = useLocale();
  const grid = useAgentGrid(scope);
  const [sort, setSort] = useState<{ by: AgentSort; ascending: boolean }>({ by: initialSort, ascending: true });
  const thresholds = useMemo<Thresholds>(
    () => ({ longPauseMs: longPauseSeconds * 1000, longContactMs: longContactSeconds * 1000 }),
    [longPauseSeconds, longContactSeconds],
  );
  const rows = useMemo(() => sortAgents(grid?.agents ?? [], sort.by, sort.ascending, locale), [grid, sort, locale]);
  const choose = (by: AgentSort) => setSort((s) => ({ by, ascending: s.by === by ? !s.ascending : true }));

  return (
    <section data-testid="agent-grid" aria-label={t("grid.title")} className="flex min-h-0 flex-col rounded-xl border-2 border-panel-edge bg-panel">
      <h2 className="flex items-baseline justify-between px-[0.8vw] pt-[0.8vh] text-[clamp(0.9rem,1.2vw,2rem)] font-semibold uppercase tracking-wide text-ink-dim">
        {t("grid.title")}
        <span className="text-[0.8em] normal-case tracking-normal text-ink-faint">{grid ? t("grid.count", { count: rows.length }) : ""}</span>
      </h2>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <table className="w-full table-fixed text-[clamp(0.95rem,1.3vw,2.3rem)] tabular-nums">
          <thead className="sticky top-0 bg-panel">
            <tr className="text-[clamp(0.75rem,0.85vw,1.5rem)] uppercase text-ink-dim">
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={c.sort && sort.by === c.sort ? (sort.ascending ? "ascending" : "descending") : undefined}
                  className={`${c.width} truncate px-[0.6vw] py-[0.5vh] font-semibold ${c.right ? "text-right" : "text-left"}`}
                >
                  {c.sort ? (
                    <button type="button" data-testid={`agent-sort-${c.sort}`} onClick={() => choose(c.sort!)} title={t("grid.sortBy", { column: t(`grid.${c.key}`) })} className="uppercase hover:text-ink">
                      {t(`grid.${c.key}`)}
                      {sort.by === c.sort && <span aria-hidden>{sort.ascending ? " ▴" : " ▾"}</span>}
                    </button>
                  ) : (
                    t(`grid.${c.key}`)
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <AgentRowView key={row.agentId} row={row} thresholds={thresholds} />
            ))}
          </tbody>
        </table>
        {grid && rows.length === 0 && <p className="px-[0.8vw] py-[1vh] text-[clamp(1rem,1.3vw,2rem)] text-ink-faint">{t("grid.none")}</p>}
      </div>
    </section>
  );
}
