"use client";

import { useEffect, useState } from "react";
import type { Scope } from "@/lib/metrics/scope";
import { AgentGrid } from "./agent-grid";
import { ForecastTile } from "./forecast-tile";
import { MinuteChart } from "./minute-chart";
import { WeekCompareChart } from "./week-compare-chart";

/** `?longPause=<s>&longContact=<s>`: a screen's own highlight thresholds, in seconds. */
function useUrlSeconds(param: string): number | undefined {
  const [value, setValue] = useState<number | undefined>(undefined);
  useEffect(() => {
    const raw = new URL(globalThis.location.href).searchParams.get(param);
    const n = raw === null ? NaN : Number(raw);
    if (Number.isFinite(n) && n > 0) setValue(n);
  }, [param]);
  return value;
}

/**
 * The board's "Agents" view under the headline tiles: the agent grid, and
 * beside it the service level at risk, the last hour per minute and today
 * against last week — sized for a 1920×1080 screen.
 */
export function AgentsView({ scope }: { scope: Scope }) {
  const longPause = useUrlSeconds("longPause");
  const longContact = useUrlSeconds("longContact");
  return (
    <section data-testid="agents-view" className="grid min-h-0 flex-1 grid-cols-[minmax(0,13fr)_minmax(0,7fr)] gap-[0.8vw]">
      <AgentGrid scope={scope} longPauseSeconds={longPause} longContactSeconds={longContact} />
      <div className="grid min-h-0 min-w-0 grid-rows-[auto_minmax(0,1fr)_minmax(0,1fr)] gap-[0.8vw]">
        <ForecastTile scope={scope} />
        <MinuteChart scope={scope} />
        <WeekCompareChart scope={scope} />
      </div>
    </section>
  );
}
