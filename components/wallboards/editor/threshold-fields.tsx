"use client";

import { useState } from "react";
import { useTranslations } from "use-intl";
import type { KpiDefinition } from "@/lib/metrics/registry";
import type { TileThresholds } from "@/lib/wallboards/definition";
import { inputClass } from "../../admin/ui";
import { fromDisplay, toDisplay, unitSuffix } from "./threshold-units";

interface Props {
  def: KpiDefinition;
  value: TileThresholds | undefined;
  /** Both fields filled: the tile's own thresholds; both empty: the registry's (undefined). */
  onChange: (next: TileThresholds | undefined) => void;
}

/** Warn and alert levels of one tile, in the units the tile shows, the registry's as placeholders. */
export function ThresholdFields({ def, value, onChange }: Props) {
  const t = useTranslations("Wallboards.editor");
  const [text, setText] = useState({
    warn: value ? toDisplay(value.warn, def.unit) : "",
    alert: value ? toDisplay(value.alert, def.unit) : "",
  });
  const update = (field: "warn" | "alert", typed: string) => {
    const next = { ...text, [field]: typed };
    setText(next);
    const warn = fromDisplay(next.warn, def.unit);
    const alert = fromDisplay(next.alert, def.unit);
    if (warn !== null && alert !== null) onChange({ warn, alert });
    else if (next.warn.trim() === "" && next.alert.trim() === "") onChange(undefined);
  };
  const suffix = unitSuffix(def.unit);
  return (
    <span className="flex items-center gap-2">
      {(["warn", "alert"] as const).map((field) => (
        <label key={field} className="flex items-center gap-1">
          <span className={field === "warn" ? "text-warn" : "text-alert"}>{t(field)}</span>
          <input
            inputMode="decimal"
            data-testid={`threshold-${field}-${def.id}`}
            value={text[field]}
            placeholder={def.thresholds ? toDisplay(def.thresholds[field], def.unit) : ""}
            onChange={(e) => update(field, e.target.value)}
            className={`${inputClass} w-20`}
          />
          {suffix && <span className="text-ink-dim">{suffix}</span>}
        </label>
      ))}
    </span>
  );
}
