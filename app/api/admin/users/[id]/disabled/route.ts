import { z } from "zod";
import { actorOf } from "@/lib/auth/audit";
import { canManageUsers } from "@/lib/auth/permissions";
import { setUserDisabled } from "@/lib/auth/users";
import { guarded, readBody, ValidationError } from "@/lib/admin/http";

export const dynamic = "force-dynamic";

const body = z.object({ disabled: z.boolean() }).strict();

/** Disables or enables a user; disabling ends their sessions and sockets. */
export const PUT = guarded<{ id: string }>(canManageUsers, async ({ req, principal, params, server }) => {
  const { disabled } = await readBody(req, body);
  if (disabled && params.id === principal.id) throw new ValidationError("disabled", "you cannot disable your own account");
  return Response.json(await setUserDisabled(server.auth, server.database.db, params.id, disabled, actorOf(principal)));
});
