import { createApiKey, createApiKeyInput } from "@/lib/auth/api-keys";
import { actorOf } from "@/lib/auth/audit";
import { canManageApiKeys } from "@/lib/auth/permissions";
import { guarded, readBody } from "@/lib/admin/http";

export const dynamic = "force-dynamic";

/** Creates an API key; the plain key is in this answer only. */
export const POST = guarded(canManageApiKeys, async ({ req, principal, server }) => {
  const input = await readBody(req, createApiKeyInput);
  return Response.json(await createApiKey(server.database.db, input, actorOf(principal)), { status: 201 });
});
