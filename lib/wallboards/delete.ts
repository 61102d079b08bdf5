import { and, eq, isNull } from "drizzle-orm";
import type { Drizzle } from "../../db/client";
import { kioskLinks, wallboards } from "../../db/schema";
import { recordAudit, type AuditActor } from "../auth/audit";

/**
 * Deletes a board, and revokes in the same transaction the kiosk links that
 * show it (a screen must not fall back to another board). Returns the revoked
 * links' ids, for the caller to disconnect their screens; null when there is
 * no such board. Audited as `wallboard.delete`.
 */
export async function deleteWallboard(
  db: Drizzle,
  id: string,
  actor: AuditActor,
  now = new Date(),
): Promise<{ revokedKiosks: string[] } | null> {
  return db.transaction(async (tx) => {
    const [gone] = await tx.delete(wallboards).where(eq(wallboards.id, id)).returning({ name: wallboards.name });
    if (!gone) return null;
    const revoked = await tx
      .update(kioskLinks)
      .set({ revokedAt: now })
      .where(and(eq(kioskLinks.wallboardId, id), isNull(kioskLinks.revokedAt)))
      .returning({ id: kioskLinks.id });
    const revokedKiosks = revoked.map((r) => r.id);
    await recordAudit(tx, { actor, action: "wallboard.delete", target: id, details: { name: gone.name, revokedKiosks } });
    return { revokedKiosks };
  });
}
