import type { Drizzle } from "../../db/client";
import type { Env } from "../env";
import type { VigieAuth } from "./auth";
import { countUsers, createUser, UserConflictError } from "./users";

/**
 * CONTRACT §1: VIGIE_ADMIN_EMAIL / VIGIE_ADMIN_PASSWORD create the first admin
 * when no user exists. Idempotent, and safe when several instances start at
 * once (the e-mail's unique index lets one of them win). Once any user exists
 * the variables are ignored: changing them never resets a password.
 */
export async function ensureFirstAdmin(
  auth: VigieAuth,
  db: Drizzle,
  env: Pick<Env, "VIGIE_ADMIN_EMAIL" | "VIGIE_ADMIN_PASSWORD">,
): Promise<{ created: boolean; userId?: string }> {
  if (!env.VIGIE_ADMIN_EMAIL || !env.VIGIE_ADMIN_PASSWORD) return { created: false };
  if ((await countUsers(db)) > 0) return { created: false };
  try {
    const admin = await createUser(
      auth,
      db,
      { email: env.VIGIE_ADMIN_EMAIL, password: env.VIGIE_ADMIN_PASSWORD, name: "Administrator", role: "admin" },
      { kind: "system" },
    );
    return { created: true, userId: admin.id };
  } catch (e) {
    if (e instanceof UserConflictError) return { created: false };
    throw e;
  }
}
