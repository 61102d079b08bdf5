"use client";

import type { ReactNode } from "react";
import { useTranslations } from "use-intl";
import type { WallboardDefinition, WallboardTile } from "@/lib/wallboards/definition";
import type { BoardGroup, BoardView } from "@/lib/wallboards/view";
import type { WindowId } from "@/lib/metrics/scope";
import { AlertBanner } from "../alerts/alert-banner";
import { AlertProvider } from "../alerts/alert-provider";
import { useLiveSnapshot } from "../live/use-live";
import { BoardFrame } from "./board-frame";
import { BoardSections } from "./board-sections";
import { Coverage, useChannelName } from "./coverage";
import { TileGrid } from "./tile-grid";

export interface SavedBoardData {
  id: string;
  name: string;
  definition: WallboardDefinition;
}

interface Props {
  board: SavedBoardData;
  /** What this reader may see of it, decided on the server (`boardView`). */
  view: BoardView;
  initialTv: boolean;
  headerEnd?: ReactNode;
}

/** A saved board, live: `/wallboard/<id>`, kiosk screens and rotations. */
export function SavedBoard({ board, view, initialTv, headerEnd }: Props) {
  const frame = (
    <BoardFrame
      title={board.name}
      subtitle={<Coverage definition={board.definition} view={view} />}
      initialTv={initialTv}
      headerEnd={headerEnd}
    >
      <BoardBody definition={board.definition} view={view} />
    </BoardFrame>
  );
  const first = view.groups[0];
  if (!first) return frame;
  // The alerts of the board's (first) scope, in a banner; each group's tiles pulse with their own scope's.
  return (
    <AlertProvider scope={first.scope}>
      {frame}
      <AlertBanner />
    </AlertProvider>
  );
}

/** The tiles (one group per channel, else one) and the sections; also the editor's live preview. */
export function BoardBody({ definition, view }: { definition: WallboardDefinition; view: BoardView }) {
  const t = useTranslations("Wallboards");
  if (view.groups.length === 0) {
    return (
      <p data-testid="board-empty" className="m-auto text-center text-[clamp(1.2rem,2.5vw,5rem)] font-semibold text-ink-dim">
        {t("nothingVisible")}
      </p>
    );
  }
  return (
    <div data-testid="saved-board" className="flex min-h-0 flex-1 flex-col gap-[1vh]">
      <div className="flex min-h-0 flex-1 flex-col gap-[1vh]">
        {view.groups.map((g) => (
          <GroupTiles key={g.scope} group={g} tiles={definition.tiles} columns={definition.layout.columns} window={definition.window} />
        ))}
      </div>
      <BoardSections definition={definition} view={view} />
    </div>
  );
}

interface GroupProps {
  group: BoardGroup;
  tiles: readonly WallboardTile[];
  columns: number;
  window: WindowId;
}

/** One scope's tiles; only the tiles whose values changed re-render (MetricTile is memoised). */
function GroupTiles({ group, tiles, columns, window }: GroupProps) {
  const channelName = useChannelName();
  const metrics = useLiveSnapshot(group.scope, window)?.metrics;
  return (
    <AlertProvider scope={group.scope}>
      <section data-testid="tile-group" data-scope={group.scope} className="flex min-h-0 flex-1 flex-col gap-[0.5vh]">
        {group.label !== null && (
          <h2 className="text-[clamp(0.9rem,1.3vw,3rem)] font-semibold uppercase tracking-wide text-ink-dim">{channelName(group.label)}</h2>
        )}
        <TileGrid tiles={tiles} columns={columns} metrics={metrics} />
      </section>
    </AlertProvider>
  );
}
