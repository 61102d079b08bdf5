import { actorOf } from "@/lib/auth/audit";
import { canManageUsers } from "@/lib/auth/permissions";
import { updateUser, updateUserInput } from "@/lib/auth/users";
import { guarded, readBody, ValidationError } from "@/lib/admin/http";

export const dynamic = "force-dynamic";

/** Changes a user's name, role, agent link or queues. */
export const PATCH = guarded<{ id: string }>(canManageUsers, async ({ req, principal, params, server }) => {
  const patch = await readBody(req, updateUserInput);
  // An admin demoting themselves could leave the center without any admin.
  if (params.id === principal.id && patch.role !== undefined && patch.role !== "admin") {
    throw new ValidationError("role", "you cannot change your own role");
  }
  return Response.json(await updateUser(server.auth, server.database.db, params.id, patch, actorOf(principal)));
});
