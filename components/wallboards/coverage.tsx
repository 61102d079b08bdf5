"use client";

import { useTranslations } from "use-intl";
import type { WallboardDefinition } from "@/lib/wallboards/definition";
import type { BoardView } from "@/lib/wallboards/view";

/** A channel's name in the current language (the id itself for one not in the messages). */
export function useChannelName(): (channel: string) => string {
  const t = useTranslations("Wallboards.channels");
  return (c) => (t.has(c as "voice") ? t(c as "voice") : c);
}

/** What a saved board covers for this reader, its window, and how many of its queues they may not see. */
export function Coverage({ definition, view }: { definition: WallboardDefinition; view: BoardView }) {
  const t = useTranslations("Wallboards");
  const tw = useTranslations("Wallboard");
  const channelName = useChannelName();
  const { kind, values } = definition.scope;
  const what =
    kind === "channels"
      ? values.map(channelName).join(" · ")
      : view.queues === null
        ? tw("scopeAll")
        : view.queues.join(" · ");
  return (
    <span data-testid="board-scope" data-scope={view.groups[0]?.scope ?? ""} className="min-w-0 truncate text-ink-faint">
      {what} · {tw(`windows.${definition.window}`)}
      {view.hidden > 0 && <span data-testid="board-hidden"> · {t("hidden", { count: view.hidden })}</span>}
    </span>
  );
}
