"use client";

import { useTranslations } from "use-intl";

/** An accessible progress bar: rows acknowledged out of rows to send. */
export function ProgressBar({ done, total }: { done: number; total: number }) {
  const t = useTranslations("Imports.progress");
  const pct = total === 0 ? 100 : Math.round((done / total) * 100);
  return (
    <div className="flex flex-col gap-1 text-sm">
      <div
        role="progressbar"
        aria-label={t("label")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={t("value", { done, total })}
        data-testid="import-progress"
        className="h-3 w-full overflow-hidden rounded-full border border-panel-edge bg-canvas"
      >
        <div className="h-full bg-ok transition-[width] duration-300" style={{ width: `${pct}%` }} />
      </div>
      <span className="text-ink-dim" aria-hidden="true">
        {pct} % · {t("value", { done, total })}
      </span>
    </div>
  );
}
