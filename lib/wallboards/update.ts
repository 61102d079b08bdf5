import { eq } from "drizzle-orm";
import type { Drizzle } from "../../db/client";
import { wallboards } from "../../db/schema";
import { recordAudit, type AuditActor } from "../auth/audit";
import { auditSummary, toWallboard, wallboardInput, type Wallboard } from "./wallboard";

export const updateWallboardInput = wallboardInput.partial();

/**
 * Changes a board's name and/or definition (`wallboard.update`, audited in the
 * same transaction); null when there is no such board. Last write wins.
 */
export async function updateWallboard(
  db: Drizzle,
  id: string,
  input: { name?: string; definition?: unknown },
  actor: AuditActor,
): Promise<Wallboard | null> {
  const { name, definition } = updateWallboardInput.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(wallboards)
      .set({
        ...(name !== undefined ? { name } : {}),
        ...(definition !== undefined ? { definition } : {}),
        updatedAt: new Date(),
        updatedBy: actor.kind === "system" ? null : actor.id,
      })
      .where(eq(wallboards.id, id))
      .returning();
    if (!row) return null;
    const board = toWallboard(row);
    await recordAudit(tx, {
      actor,
      action: "wallboard.update",
      target: id,
      details: { name: board.name, ...(definition !== undefined ? auditSummary(board.definition) : {}) },
    });
    return board;
  });
}
