"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import type { WallboardDefinition } from "@/lib/wallboards/definition";
import type { BoardView } from "@/lib/wallboards/view";
import { BoardBody } from "../saved-board";
import { Coverage } from "../coverage";

/** The preview is laid out as a 1280×720 screen, then scaled to the column it sits in. */
const SCREEN = { width: 1280, height: 720 };

/** The board being edited, live, at a TV's proportions. */
export function EditorPreview({ name, definition, view }: { name: string; definition: WallboardDefinition; view: BoardView }) {
  const t = useTranslations("Wallboards.editor");
  const outer = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.5);
  useEffect(() => {
    const el = outer.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setScale((entry?.contentRect.width ?? SCREEN.width) / SCREEN.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <section data-testid="editor-preview" aria-label={t("preview")} className="flex flex-col gap-2 xl:sticky xl:top-4 xl:self-start">
      <h2 className="font-semibold text-ink-dim">{t("preview")}</h2>
      <div ref={outer} style={{ height: SCREEN.height * scale }} className="w-full overflow-hidden rounded-xl border-2 border-panel-edge">
        <div
          style={{ ...SCREEN, transform: `scale(${scale})`, transformOrigin: "top left" }}
          className="flex flex-col gap-3 bg-canvas p-4 text-[22px]"
        >
          <p className="truncate font-bold">
            {name} <Coverage definition={definition} view={view} />
          </p>
          <div className="flex min-h-0 flex-1 flex-col">
            <BoardBody definition={definition} view={view} />
          </div>
        </div>
      </div>
    </section>
  );
}
