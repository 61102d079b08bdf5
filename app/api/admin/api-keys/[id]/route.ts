import { revokeApiKey } from "@/lib/auth/api-keys";
import { actorOf } from "@/lib/auth/audit";
import { canManageApiKeys } from "@/lib/auth/permissions";
import { notFound } from "@/lib/http/errors";
import { guarded } from "@/lib/admin/http";

export const dynamic = "force-dynamic";

/** Revokes a key at once. */
export const DELETE = guarded<{ id: string }>(canManageApiKeys, async ({ principal, params, server }) => {
  if (!(await revokeApiKey(server.database.db, params.id, actorOf(principal)))) throw notFound("no such active key");
  return new Response(null, { status: 204 });
});
