import { randomBytes, randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Drizzle } from "../../../db/client";
import { reportSchedules } from "../../../db/schema";
import { recordAudit, type AuditActor } from "../../auth/audit";
import { HttpError } from "../../http/errors";
import type { Destination, Frequency, ScheduleInput, ScheduleQuery } from "./schedule-input";

/**
 * Report schedules in the database. Each change and its audit entry share one
 * transaction. The signing secret leaves the database once, in `createSchedule`'s
 * answer; lists never carry it.
 */

export interface ScheduleInfo extends ScheduleInput {
  id: string;
  lastRunAt: Date | null;
  lastStatus: "running" | "ok" | "error" | null;
  lastError: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type Row = typeof reportSchedules.$inferSelect;

export class ScheduleNotFoundError extends HttpError {
  constructor(id: string) {
    super(404, `no report schedule ${id}`);
  }
}

/** The queues the schedule's creator was limited to when they saved it (null = all), kept beside the query. */
export const onlyOf = (r: Row): { queues: readonly string[] | null } => ({ queues: (r.query as { onlyQueues?: string[] | null }).onlyQueues ?? null });

export function toInfo(r: Row): ScheduleInfo {
  const { onlyQueues: _, ...query } = r.query as ScheduleQuery & { onlyQueues?: unknown };
  const frequency: Frequency = r.frequency === "weekly" ? { kind: "weekly", time: r.time, weekday: Number(r.weekday) } : { kind: "daily", time: r.time };
  const destination: Destination = r.destinationKind === "webhook" ? { kind: "webhook", url: r.destination } : { kind: "folder", path: r.destination };
  return {
    id: r.id,
    name: r.name,
    query,
    frequency,
    destination,
    enabled: r.enabled,
    lastRunAt: r.lastRunAt,
    lastStatus: r.lastStatus as ScheduleInfo["lastStatus"],
    lastError: r.lastError,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

const columns = (input: ScheduleInput, onlyQueues: readonly string[] | null) => ({
  name: input.name,
  query: { ...input.query, onlyQueues },
  frequency: input.frequency.kind,
  time: input.frequency.time,
  weekday: input.frequency.kind === "weekly" ? String(input.frequency.weekday) : null,
  destinationKind: input.destination.kind,
  destination: input.destination.kind === "webhook" ? input.destination.url : input.destination.path,
  enabled: input.enabled,
});

const audited = (i: ScheduleInput) => ({ name: i.name, query: i.query, frequency: i.frequency, destination: i.destination, enabled: i.enabled });

export async function listSchedules(db: Drizzle): Promise<ScheduleInfo[]> {
  const rows = await db.select().from(reportSchedules).orderBy(asc(reportSchedules.name), asc(reportSchedules.id));
  return rows.map(toInfo);
}

export async function getScheduleRow(db: Drizzle, id: string): Promise<Row> {
  const [row] = await db.select().from(reportSchedules).where(eq(reportSchedules.id, id));
  if (!row) throw new ScheduleNotFoundError(id);
  return row;
}

/** Creates a schedule; the answer carries its signing secret, shown this once. */
export async function createSchedule(db: Drizzle, input: ScheduleInput, onlyQueues: readonly string[] | null, actor: AuditActor): Promise<ScheduleInfo & { secret: string }> {
  const secret = randomBytes(32).toString("base64url");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reportSchedules)
      .values({ id: randomUUID(), ...columns(input, onlyQueues), secret, createdBy: actor.kind === "user" ? actor.id : null })
      .returning();
    await recordAudit(tx, { actor, action: "reportSchedule.create", target: row!.id, details: audited(input) });
    return { ...toInfo(row!), secret };
  });
}

export async function updateSchedule(db: Drizzle, id: string, input: ScheduleInput, onlyQueues: readonly string[] | null, actor: AuditActor): Promise<ScheduleInfo> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(reportSchedules)
      .set({ ...columns(input, onlyQueues), updatedAt: new Date() })
      .where(eq(reportSchedules.id, id))
      .returning();
    if (!row) throw new ScheduleNotFoundError(id);
    await recordAudit(tx, { actor, action: "reportSchedule.update", target: id, details: audited(input) });
    return toInfo(row);
  });
}

export async function deleteSchedule(db: Drizzle, id: string, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(reportSchedules).where(eq(reportSchedules.id, id)).returning();
    if (!row) throw new ScheduleNotFoundError(id);
    await recordAudit(tx, { actor, action: "reportSchedule.delete", target: id, details: { name: row.name } });
  });
}
