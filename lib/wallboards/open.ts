import type { Drizzle } from "../../db/client";
import { canReadWallboard, liveReach, type Principal } from "../auth/permissions";
import type { WallboardDefinition } from "./definition";
import { getWallboard } from "./get";
import { boardView, definitionForReader, type BoardView } from "./view";

export interface OpenedWallboard {
  board: { id: string; name: string; definition: WallboardDefinition };
  /** What `principal` may see of it: the board's queues within their reach (the definition's too). */
  view: BoardView;
}

/** A board as one reader opens it (page, kiosk screen, rotation), or null when absent or not theirs to open. */
export async function openWallboard(db: Drizzle, id: string, principal: Principal): Promise<OpenedWallboard | null> {
  if (!canReadWallboard(principal, id)) return null;
  const board = await getWallboard(db, id);
  if (!board) return null;
  const reach = liveReach(principal);
  return {
    board: { id: board.id, name: board.name, definition: definitionForReader(board.definition, reach) },
    view: boardView(board.definition.scope, reach),
  };
}
