import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull, lte, or } from "drizzle-orm";
import { z } from "zod";
import type { Drizzle } from "../../db/client";
import { apiKeys } from "../../db/schema";
import { recordAudit, type AuditActor } from "./audit";
import { API_KEY_ROLES, type ApiKeyPrincipal, type ApiKeyRole } from "./permissions";
import { displayPrefix, hashToken, hasTokenShape, newToken, sameDigest } from "./tokens";
import { label, queueList } from "./validation";

/** Bearer keys an admin creates with a role (CONTRACT §6). Each operation is one function taking `db`. */

export const createApiKeyInput = z.object({
  name: label,
  role: z.enum(API_KEY_ROLES),
  queues: queueList,
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export interface ApiKeyInfo {
  id: string;
  name: string;
  role: ApiKeyRole;
  queues: string[];
  /** The key's first characters, to tell keys apart. */
  prefix: string;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** `lastUsedAt` is written at most this often per key, to keep reads write-free. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Creates a key; the plain key is in the answer and nowhere else, ever. */
export async function createApiKey(
  db: Drizzle,
  input: CreateApiKeyInput,
  actor: AuditActor,
): Promise<ApiKeyInfo & { key: string }> {
  const { name, role, queues } = createApiKeyInput.parse(input);
  const key = newToken("vg_");
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiKeys)
      .values({
        id: randomUUID(),
        name,
        role,
        queues,
        keyHash: hashToken(key),
        prefix: displayPrefix(key),
        createdBy: actor.kind === "user" ? actor.id : null,
      })
      .returning();
    await recordAudit(tx, { actor, action: "apiKey.create", target: created!.id, details: { name, role, queues } });
    return created!;
  });
  return { ...toInfo(row), key };
}

/**
 * The principal of a presented key, or null (unknown, revoked, malformed).
 * The lookup is by the key's SHA-256, then compared in constant time.
 */
export async function verifyApiKey(db: Drizzle, presented: string, now = new Date()): Promise<ApiKeyPrincipal | null> {
  if (!hasTokenShape(presented, "vg_")) return null;
  const hash = hashToken(presented);
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hash), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row || !sameDigest(row.keyHash, hash)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, staleBefore))));
  }
  return { kind: "apiKey", id: row.id, role: row.role, queues: row.queues };
}

/** Revokes a key at once for every instance; false if it was unknown or already revoked. */
export async function revokeApiKey(db: Drizzle, id: string, actor: AuditActor, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name });
    if (revoked.length === 0) return false;
    await recordAudit(tx, { actor, action: "apiKey.revoke", target: id, details: { name: revoked[0]!.name } });
    return true;
  });
}

/** Every key, newest first, revoked ones included (they show when and that they were revoked). */
export async function listApiKeys(db: Drizzle): Promise<ApiKeyInfo[]> {
  const rows = await db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(toInfo);
}

function toInfo(r: typeof apiKeys.$inferSelect): ApiKeyInfo {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    queues: r.queues,
    prefix: r.prefix,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
    revokedAt: r.revokedAt,
  };
}
