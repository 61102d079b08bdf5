import { and, asc, count, eq } from "drizzle-orm";
import { z } from "zod";
import type { Drizzle } from "../../db/client";
import { accounts, users } from "../../db/schema";
import { recordAudit, type AuditActor } from "./audit";
import { notifyUserChanged, type VigieAuth } from "./auth";
import { ROLES, type Role, type UserPrincipal } from "./permissions";
import { agentIdField, label, queueArray, queueList } from "./validation";

/**
 * User administration. Users are created here, not through better-auth's
 * sign-up (switched off): the password is hashed by better-auth's own hasher,
 * so better-auth's sign-in verifies it. Every change is audited in its
 * transaction; changes that touch access end the user's sockets
 * (`onUserChanged`) and, for a disable or a new password, their sessions.
 */

export class UserConflictError extends Error {
  constructor(readonly field: "email" | "agentId") {
    super(field === "email" ? "a user with this e-mail already exists" : "another user is already linked to this agentId");
  }
}

export class UserNotFoundError extends Error {
  constructor() {
    super("no such user");
  }
}

const password = z.string().min(12, "must be at least 12 characters").max(128, "must be at most 128 characters");

export const createUserInput = z.object({
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  name: label,
  password,
  role: z.enum(ROLES),
  agentId: agentIdField.nullable().default(null),
  queues: queueList,
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateUserInput = z
  .object({ name: label, role: z.enum(ROLES), agentId: agentIdField.nullable(), queues: queueArray })
  .partial()
  .strict();
export type UpdateUserInput = z.input<typeof updateUserInput>;

export interface UserInfo {
  id: string;
  email: string;
  name: string;
  role: Role;
  agentId: string | null;
  queues: string[];
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  agentId: users.agentId,
  queues: users.queues,
  disabled: users.disabled,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

/** The principal of a user row (or of better-auth's session user, which has the same fields). */
export function userPrincipal(u: { id: string; role: string; agentId?: string | null; queues?: string[] | null; disabled?: boolean | null }): UserPrincipal {
  return {
    kind: "user",
    id: u.id,
    role: u.role as Role,
    agentId: u.agentId ?? null,
    queues: u.queues ?? [],
    // Anything but an explicit `false` counts as disabled.
    disabled: u.disabled !== false,
  };
}

function conflictOf(e: unknown): UserConflictError | null {
  for (let c: unknown = e; c && typeof c === "object"; c = (c as { cause?: unknown }).cause) {
    const err = c as { code?: string; constraint?: string; constraint_name?: string; message?: string };
    if (err.code === "23505") {
      const name = err.constraint ?? err.constraint_name ?? err.message ?? "";
      return new UserConflictError(name.includes("agent_id") ? "agentId" : "email");
    }
  }
  return null;
}

export async function createUser(auth: VigieAuth, db: Drizzle, input: CreateUserInput, actor: AuditActor): Promise<UserInfo> {
  const u = createUserInput.parse(input);
  const ctx = await auth.$context;
  const hash = await ctx.password.hash(u.password);
  const id = ctx.generateId({ model: "user" }) || crypto.randomUUID();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({ id, email: u.email, name: u.name, emailVerified: true, role: u.role, agentId: u.agentId, queues: u.queues })
        .returning(columns);
      await tx.insert(accounts).values({
        id: ctx.generateId({ model: "account" }) || crypto.randomUUID(),
        accountId: id,
        providerId: "credential",
        userId: id,
        password: hash,
      });
      await recordAudit(tx, {
        actor,
        action: "user.create",
        target: id,
        details: { email: u.email, role: u.role, agentId: u.agentId, queues: u.queues },
      });
      return row!;
    });
  } catch (e) {
    throw conflictOf(e) ?? e;
  }
}

/** Changes name, role, agent link or queues; the user's open sockets are told to re-authenticate. */
export async function updateUser(auth: VigieAuth, db: Drizzle, id: string, patch: UpdateUserInput, actor: AuditActor): Promise<UserInfo> {
  const changes = updateUserInput.parse(patch);
  try {
    const row = await db.transaction(async (tx) => {
      const [before] = await tx.select(columns).from(users).where(eq(users.id, id));
      if (!before) throw new UserNotFoundError();
      const [after] = await tx.update(users).set({ ...changes, updatedAt: new Date() }).where(eq(users.id, id)).returning(columns);
      const diff = Object.fromEntries(
        Object.keys(changes).map((k) => [k, { from: before[k as keyof UserInfo], to: after![k as keyof UserInfo] }]),
      );
      await recordAudit(tx, { actor, action: "user.update", target: id, details: diff });
      return after!;
    });
    notifyUserChanged(auth, id);
    return row;
  } catch (e) {
    throw conflictOf(e) ?? e;
  }
}

/** Disables (or enables) a user. Disabling ends every session of theirs at once, so their sockets close. */
export async function setUserDisabled(auth: VigieAuth, db: Drizzle, id: string, disabled: boolean, actor: AuditActor): Promise<UserInfo> {
  const row = await db.transaction(async (tx) => {
    const [after] = await tx.update(users).set({ disabled, updatedAt: new Date() }).where(eq(users.id, id)).returning(columns);
    if (!after) throw new UserNotFoundError();
    await recordAudit(tx, { actor, action: disabled ? "user.disable" : "user.enable", target: id });
    return after;
  });
  // After the commit: a sign-in racing with this is refused by the session-create hook.
  if (disabled) await (await auth.$context).internalAdapter.deleteUserSessions(id);
  notifyUserChanged(auth, id);
  return row;
}

/** An admin sets a user's password; the user's sessions end. */
export async function setUserPassword(auth: VigieAuth, db: Drizzle, id: string, newPassword: string, actor: AuditActor): Promise<void> {
  const pw = password.parse(newPassword);
  const ctx = await auth.$context;
  const hash = await ctx.password.hash(pw);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(accounts)
      .set({ password: hash, updatedAt: new Date() })
      .where(and(eq(accounts.userId, id), eq(accounts.providerId, "credential")))
      .returning({ id: accounts.id });
    if (updated.length === 0) throw new UserNotFoundError();
    await recordAudit(tx, { actor, action: "user.setPassword", target: id });
  });
  await ctx.internalAdapter.deleteUserSessions(id);
}

export async function getUser(db: Drizzle, id: string): Promise<UserInfo | null> {
  const [row] = await db.select(columns).from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function listUsers(db: Drizzle): Promise<UserInfo[]> {
  return db.select(columns).from(users).orderBy(asc(users.email));
}

export async function countUsers(db: Drizzle): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}
