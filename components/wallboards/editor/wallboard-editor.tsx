"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useTranslations } from "use-intl";
import type { Reach } from "@/lib/auth/permissions";
import type { MetricId } from "@/lib/metrics/registry";
import { WINDOWS } from "@/lib/metrics/scope";
import { wallboardDefinition, type WallboardDefinition, type WallboardTile } from "@/lib/wallboards/definition";
import { boardView } from "@/lib/wallboards/view";
import { buttonClass, ErrorNote, Field, inputClass } from "../../admin/ui";
import { useAdminRequest } from "../../admin/use-admin-request";
import { configureSignedInSocket } from "../signed-in";
import { EditorPreview } from "./editor-preview";
import { SectionPicker } from "./section-picker";
import { ScopePicker } from "./scope-picker";
import { TilePicker } from "./tile-picker";
import { TileSettings } from "./tile-settings";

interface Props {
  /** The board being changed, or null for a new one. */
  id: string | null;
  initial: { name: string; definition: WallboardDefinition };
  /** The editor's live reach: what the preview shows and which coverage it may choose. */
  reach: Reach;
}

/** Creates or changes a saved board, with a live preview of what it will show. */
export function WallboardEditor({ id, initial, reach }: Props) {
  configureSignedInSocket();
  const t = useTranslations("Wallboards");
  const tw = useTranslations("Wallboard");
  const router = useRouter();
  const { send, error, pending } = useAdminRequest();
  const [name, setName] = useState(initial.name);
  const [def, setDef] = useState(initial.definition);
  const view = useMemo(() => boardView(def.scope, reach), [def.scope, reach]);
  const issue = useMemo(() => {
    const r = wallboardDefinition.safeParse(def);
    return r.success ? null : `${r.error.issues[0]!.path.join(".")}: ${r.error.issues[0]!.message}`;
  }, [def]);

  const patch = (p: Partial<WallboardDefinition>) => setDef((d) => ({ ...d, ...p }));
  const setTile = (i: number, tile: WallboardTile) => patch({ tiles: def.tiles.map((x, j) => (j === i ? tile : x)) });
  const move = (i: number, by: -1 | 1) => {
    const tiles = [...def.tiles];
    [tiles[i], tiles[i + by]] = [tiles[i + by]!, tiles[i]!];
    patch({ tiles });
  };
  const add = (metric: MetricId) => patch({ tiles: [...def.tiles, { metric, size: "md" }] });
  const save = async () => {
    const body = { name, definition: def };
    const saved = await send<{ id: string }>(id ? "PUT" : "POST", id ? `/api/wallboards/${encodeURIComponent(id)}` : "/api/wallboards", body);
    if (saved) router.push(`/wallboard/${encodeURIComponent(saved.id)}`);
  };

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
      <form onSubmit={(e) => (e.preventDefault(), void save())} data-testid="wallboard-editor" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-end gap-3">
          <Field label={t("editor.name")}>
            <input name="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} className={inputClass} />
          </Field>
          <Field label={tw("windowLabel")}>
            <select data-testid="editor-window" value={def.window} onChange={(e) => patch({ window: e.target.value as WallboardDefinition["window"] })} className={inputClass}>
              {WINDOWS.map((w) => (
                <option key={w} value={w}>
                  {tw(`windows.${w}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("editor.columns")}>
            <input
              type="number"
              min={1}
              max={12}
              data-testid="editor-columns"
              value={def.layout.columns}
              onChange={(e) => patch({ layout: { columns: Math.min(12, Math.max(1, Number(e.target.value) || 1)) } })}
              className={`${inputClass} w-20`}
            />
          </Field>
        </div>
        <ScopePicker value={def.scope} onChange={(scope) => patch({ scope })} unrestricted={reach.kind === "all"} known={reach.kind === "queues" ? reach.queues : []} />
        <SectionPicker value={def.sections} onChange={(sections) => patch({ sections })} />
        <section className="flex flex-col gap-2">
          <h2 className="font-semibold text-ink-dim">{t("editor.tiles", { count: def.tiles.length })}</h2>
          <ol className="flex flex-col">
            {def.tiles.map((tile, i) => (
              <TileSettings
                key={tile.metric}
                tile={tile}
                first={i === 0}
                last={i === def.tiles.length - 1}
                onChange={(next) => setTile(i, next)}
                onMove={(by) => move(i, by)}
                onRemove={() => patch({ tiles: def.tiles.filter((_, j) => j !== i) })}
              />
            ))}
          </ol>
          <TilePicker chosen={new Set(def.tiles.map((x) => x.metric))} onAdd={add} />
        </section>
        {issue && (
          <p data-testid="editor-issue" className="text-sm font-semibold text-warn">
            {issue}
          </p>
        )}
        <ErrorNote error={error} />
        <div>
          <button type="submit" data-testid="save-wallboard" disabled={pending || issue !== null || name.trim() === ""} className={buttonClass}>
            {t("editor.save")}
          </button>
        </div>
      </form>
      <EditorPreview name={name} definition={def} view={view} />
    </div>
  );
}
