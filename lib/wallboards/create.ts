import { randomUUID } from "node:crypto";
import type { Drizzle } from "../../db/client";
import { wallboards } from "../../db/schema";
import { recordAudit, type AuditActor } from "../auth/audit";
import { auditSummary, toWallboard, wallboardInput, type Wallboard, type WallboardInput } from "./wallboard";

/**
 * Saves a new wallboard, audited in the same transaction: `wallboard.create`,
 * or `wallboard.duplicate` with the source's id for a copy. Whether the actor
 * may cover its queues is `canSaveWallboard`'s call, before.
 */
export async function createWallboard(
  db: Drizzle,
  input: WallboardInput,
  actor: AuditActor,
  origin: { duplicateOf?: string } = {},
): Promise<Wallboard> {
  const { name, definition } = wallboardInput.parse(input);
  const by = actor.kind === "system" ? null : actor.id;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(wallboards)
      .values({ id: randomUUID(), name, definition, createdBy: actor.kind === "user" ? actor.id : null, updatedBy: by })
      .returning();
    await recordAudit(tx, {
      actor,
      action: origin.duplicateOf ? "wallboard.duplicate" : "wallboard.create",
      target: row!.id,
      details: { name, ...(origin.duplicateOf ? { source: origin.duplicateOf } : {}), ...auditSummary(definition) },
    });
    return toWallboard(row!);
  });
}
