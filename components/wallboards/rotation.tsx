"use client";

import { useEffect, useState, type ReactNode } from "react";
import { SavedBoard, type SavedBoardData } from "./saved-board";
import type { BoardView } from "@/lib/wallboards/view";

interface Props {
  boards: readonly { board: SavedBoardData; view: BoardView }[];
  /** Seconds each board stays on screen. */
  every: number;
  initialTv: boolean;
  headerEnd?: ReactNode;
}

/**
 * Cycles through boards without reloading: only the board on screen is
 * mounted, so the one leaving releases its subscriptions (use-live
 * unsubscribes them a second later unless the next board shares them).
 */
export function Rotation({ boards, every, initialTv, headerEnd }: Props) {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (boards.length < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % boards.length), every * 1000);
    return () => clearInterval(timer);
  }, [boards.length, every]);
  const current = boards[index % boards.length]!;
  return (
    <div data-testid="rotation" data-index={index} data-board={current.board.id} className="contents">
      <SavedBoard key={current.board.id} board={current.board} view={current.view} initialTv={initialTv} headerEnd={headerEnd} />
    </div>
  );
}
