import { z } from "zod";
import { label } from "../auth/validation";
import type { wallboards } from "../../db/schema";
import { readDefinition, wallboardDefinition, type WallboardDefinition } from "./definition";

/** A saved wallboard as lib/wallboards hands it out: its definition always parsed. */
export interface Wallboard {
  id: string;
  name: string;
  definition: WallboardDefinition;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string | null;
}

/** What create and update accept (update: either field). */
export const wallboardInput = z.object({ name: label, definition: wallboardDefinition }).strict();
export type WallboardInput = z.input<typeof wallboardInput>;

export function toWallboard(row: typeof wallboards.$inferSelect): Wallboard {
  return {
    id: row.id,
    name: row.name,
    definition: readDefinition(row.definition),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** What the audit log keeps of a definition: enough to tell boards apart, not every tile's settings. */
export const auditSummary = (d: WallboardDefinition) => ({
  scope: d.scope,
  window: d.window,
  tiles: d.tiles.map((t) => t.metric),
});
