import { randomUUID } from "node:crypto";
import { and, desc, eq, gt, isNull, lte, or } from "drizzle-orm";
import { z } from "zod";
import type { Drizzle } from "../../db/client";
import { kioskLinks } from "../../db/schema";
import { recordAudit, type AuditActor } from "./audit";
import type { KioskPrincipal } from "./permissions";
import { hashToken, hasTokenShape, newToken, sameDigest } from "./tokens";
import { label, queueList } from "./validation";

/**
 * Read-only kiosk links for a wallboard screen (`vk_…` tokens). Who may create
 * or revoke one is decided by `canCreateKiosk` / `canRevokeKiosk` before these
 * are called.
 */

export const createKioskLinkInput = z.object({
  wallboardId: z.string().trim().min(1).max(200),
  name: label,
  queues: queueList,
  expiresAt: z.date().nullable().default(null),
});
export type CreateKioskLinkInput = z.input<typeof createKioskLinkInput>;

export interface KioskLinkInfo {
  id: string;
  wallboardId: string;
  name: string;
  queues: string[];
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const LAST_USED_RESOLUTION_MS = 60_000;

export async function createKioskLink(
  db: Drizzle,
  input: CreateKioskLinkInput,
  actor: AuditActor,
): Promise<KioskLinkInfo & { token: string }> {
  const { wallboardId, name, queues, expiresAt } = createKioskLinkInput.parse(input);
  const token = newToken("vk_");
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(kioskLinks)
      .values({
        id: randomUUID(),
        tokenHash: hashToken(token),
        wallboardId,
        name,
        queues,
        expiresAt,
        createdBy: actor.kind === "user" ? actor.id : null,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "kiosk.create",
      target: created!.id,
      details: { wallboardId, name, queues, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return created!;
  });
  return { ...toInfo(row), token };
}

/** The principal of a kiosk token, or null (unknown, revoked, expired, malformed). */
export async function verifyKioskToken(db: Drizzle, presented: string, now = new Date()): Promise<KioskPrincipal | null> {
  if (!hasTokenShape(presented, "vk_")) return null;
  const hash = hashToken(presented);
  const [row] = await db
    .select()
    .from(kioskLinks)
    .where(
      and(
        eq(kioskLinks.tokenHash, hash),
        isNull(kioskLinks.revokedAt),
        or(isNull(kioskLinks.expiresAt), gt(kioskLinks.expiresAt, now)),
      ),
    )
    .limit(1);
  if (!row || !sameDigest(row.tokenHash, hash)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await db
      .update(kioskLinks)
      .set({ lastUsedAt: now })
      .where(and(eq(kioskLinks.id, row.id), or(isNull(kioskLinks.lastUsedAt), lte(kioskLinks.lastUsedAt, staleBefore))));
  }
  return { kind: "kiosk", id: row.id, wallboardId: row.wallboardId, queues: row.queues };
}

export async function getKioskLink(db: Drizzle, id: string): Promise<KioskLinkInfo | null> {
  const [row] = await db.select().from(kioskLinks).where(eq(kioskLinks.id, id)).limit(1);
  return row ? toInfo(row) : null;
}

export async function revokeKioskLink(db: Drizzle, id: string, actor: AuditActor, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(kioskLinks)
      .set({ revokedAt: now })
      .where(and(eq(kioskLinks.id, id), isNull(kioskLinks.revokedAt)))
      .returning({ id: kioskLinks.id, wallboardId: kioskLinks.wallboardId });
    if (revoked.length === 0) return false;
    await recordAudit(tx, { actor, action: "kiosk.revoke", target: id, details: { wallboardId: revoked[0]!.wallboardId } });
    return true;
  });
}

export async function listKioskLinks(db: Drizzle, opts: { wallboardId?: string } = {}): Promise<KioskLinkInfo[]> {
  const rows = await db
    .select()
    .from(kioskLinks)
    .where(opts.wallboardId !== undefined ? eq(kioskLinks.wallboardId, opts.wallboardId) : undefined)
    .orderBy(desc(kioskLinks.createdAt), desc(kioskLinks.id));
  return rows.map(toInfo);
}

function toInfo(r: typeof kioskLinks.$inferSelect): KioskLinkInfo {
  return {
    id: r.id,
    wallboardId: r.wallboardId,
    name: r.name,
    queues: r.queues,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    lastUsedAt: r.lastUsedAt,
    revokedAt: r.revokedAt,
  };
}
