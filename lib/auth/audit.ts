import { and, desc, lt } from "drizzle-orm";
import type { Drizzle } from "../../db/client";
import { auditLog } from "../../db/schema";
import type { Principal } from "./permissions";

/**
 * The audit log of administrative changes. Admin operations write their entry
 * themselves, in the transaction of the change, so a change cannot happen
 * without its entry.
 */

export type AuditActor = { kind: "user"; id: string } | { kind: "apiKey"; id: string } | { kind: "system" };

export interface AuditInput {
  actor: AuditActor;
  /** Dotted verb, e.g. `user.create`, `apiKey.revoke`, `queue.update`. */
  action: string;
  /** What was acted on, e.g. a user id, a key id, a queue name. */
  target?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  id: number;
  at: Date;
  actor: AuditActor;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

/** The actor for an audit entry: kiosks never change anything, so they are not actors. */
export function actorOf(p: Principal): AuditActor {
  if (p.kind === "user") return { kind: "user", id: p.id };
  if (p.kind === "apiKey") return { kind: "apiKey", id: p.id };
  throw new Error("a kiosk link cannot make changes");
}

const SECRET_KEYS = /^(password|newPassword|currentPassword|secret|token|key|plainKey|keyHash|tokenHash)$/i;

/** Secrets never reach the log, whoever forgets to leave them out. */
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.test(k) ? "[redacted]" : redact(v)]),
    );
  }
  return value;
}

export async function recordAudit(db: Pick<Drizzle, "insert">, input: AuditInput): Promise<AuditEntry> {
  const [row] = await db
    .insert(auditLog)
    .values({
      actorKind: input.actor.kind,
      actorId: input.actor.kind === "system" ? null : input.actor.id,
      action: input.action,
      target: input.target ?? null,
      details: redact(input.details ?? {}) as Record<string, unknown>,
    })
    .returning();
  return toEntry(row!);
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: number | null;
}

/** Newest first; `before` is an entry id (keyset pagination: stable while entries are added). */
export async function listAudit(db: Drizzle, opts: { limit?: number; before?: number } = {}): Promise<AuditPage> {
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 50), 1), 500);
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(opts.before !== undefined ? lt(auditLog.id, opts.before) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const entries = rows.slice(0, limit).map(toEntry);
  return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1]!.id : null };
}

function toEntry(r: typeof auditLog.$inferSelect): AuditEntry {
  const actor: AuditActor =
    r.actorKind === "system" ? { kind: "system" } : { kind: r.actorKind, id: r.actorId ?? "" };
  return {
    id: r.id,
    at: r.at,
    actor,
    action: r.action,
    target: r.target,
    details: (r.details ?? {}) as Record<string, unknown>,
  };
}
