import type { ReactNode } from "react";

/**
 * A live chart's panel: its title and, on the same line, the legend (a TV
 * cannot spare a legend's line under a short chart), then the chart filling
 * the rest.
 */
export function ChartFrame({ testId, title, legend, empty, children, ...data }: {
  testId: string;
  title: string;
  legend: { label: string; color: string; dashed?: boolean }[];
  /** Shown instead of the chart while there is nothing to draw. */
  empty: string | null;
  children: ReactNode;
} & Record<`data-${string}`, string | number>) {
  return (
    <section data-testid={testId} {...data} aria-label={title} className="flex min-h-0 min-w-0 flex-col rounded-xl border-2 border-panel-edge bg-panel">
      <div className="flex items-baseline justify-between gap-[1vw] px-[0.8vw] pt-[0.8vh]">
        <h2 className="truncate text-[clamp(0.9rem,1.2vw,2rem)] font-semibold uppercase tracking-wide text-ink-dim" title={title}>
          {title}
        </h2>
        <ul className="flex shrink-0 gap-[0.8vw] text-[clamp(0.8rem,0.9vw,1.6rem)]">
          {legend.map((l) => (
            <li key={l.label} className="flex items-center gap-[0.3em] whitespace-nowrap" style={{ color: l.color }}>
              <span aria-hidden className="inline-block w-[1.2em] border-t-[3px]" style={{ borderColor: l.color, borderStyle: l.dashed ? "dashed" : "solid" }} />
              {l.label}
            </li>
          ))}
        </ul>
      </div>
      <div className="relative min-h-0 flex-1 p-[0.5vw]">
        {empty !== null ? <p className="px-[0.3vw] text-[clamp(1rem,1.3vw,2rem)] text-ink-faint">{empty}</p> : children}
      </div>
    </section>
  );
}
