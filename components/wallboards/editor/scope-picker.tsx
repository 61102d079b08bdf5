"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { CHANNELS } from "@/lib/events/schema";
import { SELECTION_KINDS, type BoardSelection } from "@/lib/wallboards/definition";
import { inputClass, quietButtonClass } from "../../admin/ui";
import { useCatalog } from "../../live/use-live";
import { useChannelName } from "../coverage";

interface Props {
  value: BoardSelection;
  onChange: (next: BoardSelection) => void;
  /** Everything and channels sum every queue: only for readers limited to none. */
  unrestricted: boolean;
  /** Queues offered even before the catalog has seen them (a restricted editor's own). */
  known: readonly string[];
}

/** What a board covers: everything, some queues (from the live catalog, or typed), or some channels. */
export function ScopePicker({ value, onChange, unrestricted, known }: Props) {
  const t = useTranslations("Wallboards");
  const locale = useLocale();
  const { queues } = useCatalog();
  const channelName = useChannelName();
  const [typed, setTyped] = useState("");
  const options =
    value.kind === "channels"
      ? [...CHANNELS]
      : [...new Set([...queues, ...known, ...(value.kind === "queues" ? value.values : [])])].sort((a, b) => a.localeCompare(b, locale));
  const toggle = (v: string, on: boolean) =>
    onChange({ kind: value.kind, values: on ? [...value.values, v] : value.values.filter((x) => x !== v) });
  const addTyped = () => {
    const q = typed.trim();
    if (q && !value.values.includes(q)) onChange({ kind: "queues", values: [...value.values, q] });
    setTyped("");
  };
  return (
    <fieldset data-testid="scope-picker" className="flex flex-col gap-2 text-sm">
      <legend className="mb-1 font-semibold text-ink-dim">{t("editor.covers")}</legend>
      <div className="flex flex-wrap gap-4">
        {SELECTION_KINDS.map((kind) => (
          <label key={kind} className="flex items-center gap-1">
            <input
              type="radio"
              name="scope-kind"
              data-testid={`scope-kind-${kind}`}
              checked={value.kind === kind}
              disabled={kind !== "queues" && !unrestricted}
              onChange={() => onChange({ kind, values: [] })}
            />
            {t(`editor.kinds.${kind}`)}
          </label>
        ))}
      </div>
      {value.kind !== "all" && (
        <div className="flex max-h-48 flex-wrap gap-x-4 gap-y-1 overflow-y-auto">
          {options.map((v) => (
            <label key={v} className="flex items-center gap-1">
              <input type="checkbox" data-testid={`scope-value-${v}`} checked={value.values.includes(v)} onChange={(e) => toggle(v, e.target.checked)} />
              {value.kind === "channels" ? channelName(v) : v}
            </label>
          ))}
        </div>
      )}
      {value.kind === "queues" && unrestricted && (
        <span className="flex gap-2">
          <input value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t("editor.otherQueue")} className={inputClass} />
          <button type="button" onClick={addTyped} className={quietButtonClass}>
            {t("editor.addQueue")}
          </button>
        </span>
      )}
    </fieldset>
  );
}
