import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Drizzle } from "../../db/client";
import { queueSettings } from "../../db/schema";
import { recordAudit, type AuditActor } from "../auth/audit";
import { label, queueName } from "../auth/validation";

/**
 * Per-queue settings an admin edits (display name, thresholds). A null value
 * means "the configured default". The change and its audit entry share one
 * transaction.
 */

const seconds = (min: number) => z.number().int("must be a whole number of seconds").min(min).max(3600).nullable();

export const queueSettingsInput = z.object({
  queue: queueName,
  /** Empty means "show the queue's own name". */
  displayName: z.union([label, z.literal("").transform(() => null), z.null()]).default(null),
  slSeconds: seconds(1).default(null),
  shortAbandonSeconds: seconds(0).default(null),
});
export type QueueSettingsInput = z.input<typeof queueSettingsInput>;

export interface QueueSettingsInfo {
  queue: string;
  displayName: string | null;
  slSeconds: number | null;
  shortAbandonSeconds: number | null;
  updatedAt: Date;
  updatedBy: string | null;
}

const columns = {
  queue: queueSettings.queue,
  displayName: queueSettings.displayName,
  slSeconds: queueSettings.slSeconds,
  shortAbandonSeconds: queueSettings.shortAbandonSeconds,
  updatedAt: queueSettings.updatedAt,
  updatedBy: queueSettings.updatedBy,
};

export async function upsertQueueSettings(db: Drizzle, input: QueueSettingsInput, actor: AuditActor): Promise<QueueSettingsInfo> {
  const { queue, displayName, slSeconds, shortAbandonSeconds } = queueSettingsInput.parse(input);
  const values = { displayName, slSeconds, shortAbandonSeconds, updatedAt: new Date(), updatedBy: actor.kind === "system" ? null : actor.id };
  return db.transaction(async (tx) => {
    const [before] = await tx.select(columns).from(queueSettings).where(eq(queueSettings.queue, queue));
    const [after] = await tx
      .insert(queueSettings)
      .values({ queue, ...values })
      .onConflictDoUpdate({ target: queueSettings.queue, set: values })
      .returning(columns);
    const fields = ["displayName", "slSeconds", "shortAbandonSeconds"] as const;
    const diff = Object.fromEntries(
      fields.filter((k) => (before?.[k] ?? null) !== after![k]).map((k) => [k, { from: before?.[k] ?? null, to: after![k] }]),
    );
    await recordAudit(tx, { actor, action: "queue.update", target: queue, details: diff });
    return after!;
  });
}

export async function listQueueSettings(db: Drizzle): Promise<QueueSettingsInfo[]> {
  return db.select(columns).from(queueSettings).orderBy(asc(queueSettings.queue));
}

/** The per-queue service-level overrides, seconds, as the engine takes them. */
export function slOverrides(settings: readonly Pick<QueueSettingsInfo, "queue" | "slSeconds">[]): Record<string, number> {
  return Object.fromEntries(settings.filter((s) => s.slSeconds !== null).map((s) => [s.queue, s.slSeconds!]));
}

/** The per-queue short-abandon thresholds, seconds, as the engine takes them. */
export function shortAbandonOverrides(
  settings: readonly Pick<QueueSettingsInfo, "queue" | "shortAbandonSeconds">[],
): Record<string, number> {
  return Object.fromEntries(settings.filter((s) => s.shortAbandonSeconds !== null).map((s) => [s.queue, s.shortAbandonSeconds!]));
}

/** Everything the engine takes from the queue settings. */
export function engineQueueConfig(settings: readonly QueueSettingsInfo[]) {
  return { slSecondsByQueue: slOverrides(settings), shortAbandonSecondsByQueue: shortAbandonOverrides(settings) };
}
