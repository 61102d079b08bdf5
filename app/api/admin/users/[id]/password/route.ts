import { z } from "zod";
import { actorOf } from "@/lib/auth/audit";
import { canManageUsers } from "@/lib/auth/permissions";
import { setUserPassword } from "@/lib/auth/users";
import { guarded, readBody } from "@/lib/admin/http";

export const dynamic = "force-dynamic";

const body = z.object({ password: z.string().min(12, "must be at least 12 characters").max(128, "must be at most 128 characters") }).strict();

/** Sets a user's password; their sessions end. */
export const PUT = guarded<{ id: string }>(canManageUsers, async ({ req, principal, params, server }) => {
  const { password } = await readBody(req, body);
  await setUserPassword(server.auth, server.database.db, params.id, password, actorOf(principal));
  return new Response(null, { status: 204 });
});
