"use client";

import { useTranslations } from "use-intl";
import type { WallboardDefinition } from "@/lib/wallboards/definition";
import { AVAILABLE_SECTIONS } from "../board-sections";

type Sections = WallboardDefinition["sections"];

/** Sections under the tiles (those a feature has put in board-sections.tsx). */
export function SectionPicker({ value, onChange }: { value: Sections; onChange: (next: Sections) => void }) {
  const t = useTranslations("Wallboards.editor");
  return (
    <fieldset className="flex flex-wrap gap-4 text-sm">
      <legend className="mb-1 font-semibold text-ink-dim">{t("sections")}</legend>
      {AVAILABLE_SECTIONS.map((id) => (
        <label key={id} className="flex items-center gap-1">
          <input
            type="checkbox"
            data-testid={`section-toggle-${id}`}
            checked={value[id].show}
            onChange={(e) => onChange({ ...value, [id]: { ...value[id], show: e.target.checked } })}
          />
          {t(`sectionNames.${id}`)}
        </label>
      ))}
    </fieldset>
  );
}
