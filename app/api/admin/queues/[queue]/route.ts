import { actorOf } from "@/lib/auth/audit";
import { canEditQueueSettings } from "@/lib/auth/permissions";
import { guarded, readBody } from "@/lib/admin/http";
import { queueSettingsInput, upsertQueueSettings } from "@/lib/admin/queue-settings";

export const dynamic = "force-dynamic";

const body = queueSettingsInput.omit({ queue: true }).strict();

/** Sets a queue's display name and thresholds (null = the default). */
export const PUT = guarded<{ queue: string }>(canEditQueueSettings, async ({ req, principal, params, server }) => {
  const settings = await readBody(req, body);
  const saved = await upsertQueueSettings(server.database.db, { ...settings, queue: params.queue }, actorOf(principal));
  await server.reloadQueueSettings(); // live numbers follow the new threshold at once
  return Response.json(saved);
});
