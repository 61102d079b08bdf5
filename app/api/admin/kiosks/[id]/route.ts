import { actorOf } from "@/lib/auth/audit";
import { getKioskLink, revokeKioskLink } from "@/lib/auth/kiosk-links";
import { canManageKiosks, canRevokeKiosk } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/http/errors";
import { guarded } from "@/lib/admin/http";

export const dynamic = "force-dynamic";

/** Revokes a kiosk link: its screens lose the board. */
export const DELETE = guarded<{ id: string }>(canManageKiosks, async ({ principal, params, server }) => {
  const db = server.database.db;
  const link = await getKioskLink(db, params.id);
  if (!link) throw notFound("no such kiosk link");
  if (!canRevokeKiosk(principal, link)) throw forbidden("you may not revoke this kiosk link");
  if (!(await revokeKioskLink(db, params.id, actorOf(principal)))) throw notFound("this kiosk link is already revoked");
  server.disconnectKiosk(params.id);
  return new Response(null, { status: 204 });
});
