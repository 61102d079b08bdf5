import { actorOf } from "@/lib/auth/audit";
import { canManageUsers } from "@/lib/auth/permissions";
import { createUser, createUserInput } from "@/lib/auth/users";
import { guarded, readBody } from "@/lib/admin/http";

export const dynamic = "force-dynamic";

/** Creates a user (admins only). */
export const POST = guarded(canManageUsers, async ({ req, principal, server }) => {
  const input = await readBody(req, createUserInput);
  const user = await createUser(server.auth, server.database.db, input, actorOf(principal));
  return Response.json(user, { status: 201 });
});
