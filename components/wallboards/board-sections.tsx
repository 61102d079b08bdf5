"use client";

import type { ComponentType } from "react";
import type { WindowId } from "@/lib/metrics/scope";
import { SECTION_IDS, type SectionId, type WallboardDefinition } from "@/lib/wallboards/definition";
import type { BoardView } from "@/lib/wallboards/view";
import { AgentGrid } from "../wallboard/agent-grid";
import { LiveChart } from "../wallboard/live-chart";
import { QueueDetail } from "../wallboard/queue-detail";
import { QueueTable } from "../wallboard/queue-table";

export interface SectionProps {
  view: BoardView;
  window: WindowId;
}

/**
 * The sections a saved board can show under its tiles, each given the reader's
 * view of the board (scopes and queues within their reach). A feature adds its
 * own here (agent grid, queue detail); the editor offers those present.
 */
export const SECTION_VIEWS: Partial<Record<SectionId, ComponentType<SectionProps>>> = {
  queueTable: ({ view, window }) => <QueueTable window={window} only={view.queues} />,
  chart: ({ view }) => <LiveChart scope={view.groups[0]!.scope} />,
  // Agents belong to queues: a board over channels has no agent grid.
  agentGrid: ({ view }) => (view.groups[0]!.scope.startsWith("channel:") ? null : <AgentGrid scope={view.groups[0]!.scope} />),
  // The waiting list of the board's queue, when it covers exactly one.
  queueDetail: ({ view, window }) => (view.queues?.length === 1 ? <QueueDetail queue={view.queues[0]!} window={window} /> : null),
};

export const AVAILABLE_SECTIONS: readonly SectionId[] = SECTION_IDS.filter((id) => SECTION_VIEWS[id] !== undefined);

export function BoardSections({ definition, view }: { definition: WallboardDefinition; view: BoardView }) {
  const shown = AVAILABLE_SECTIONS.filter((id) => definition.sections[id].show);
  if (shown.length === 0 || view.groups.length === 0) return null;
  return (
    <div
      data-testid="board-sections"
      style={{ gridTemplateColumns: `repeat(${shown.length}, minmax(0, 1fr))` }}
      className="grid h-[34%] min-h-0 shrink-0 gap-[0.8vw]"
    >
      {shown.map((id) => {
        const Section = SECTION_VIEWS[id]!;
        return (
          <div key={id} data-testid={`section-${id}`} className="flex min-h-0 flex-col [&>*]:flex-1">
            <Section view={view} window={definition.window} />
          </div>
        );
      })}
    </div>
  );
}
