import { z } from "zod";
import { actorOf } from "@/lib/auth/audit";
import { createKioskLink } from "@/lib/auth/kiosk-links";
import { canCreateKiosk, canManageKiosks } from "@/lib/auth/permissions";
import { label, queueList } from "@/lib/auth/validation";
import { forbidden, notFound } from "@/lib/http/errors";
import { guarded, readBody } from "@/lib/admin/http";
import { KIOSK_WALLBOARD, kioskPath } from "@/lib/admin/kiosk";
import { getWallboard } from "@/lib/wallboards/get";

export const dynamic = "force-dynamic";

const body = z
  .object({ name: label, queues: queueList, wallboardId: z.string().trim().min(1).max(200).default(KIOSK_WALLBOARD) })
  .strict();

/**
 * Creates a kiosk link showing no more than its creator may see, on the live
 * board or on a saved one (`wallboardId`); the token is in this answer only.
 */
export const POST = guarded(canManageKiosks, async ({ req, principal, server }) => {
  const { name, queues, wallboardId } = await readBody(req, body);
  if (!canCreateKiosk(principal, queues)) throw forbidden("a kiosk link may show only queues you may see");
  if (wallboardId !== KIOSK_WALLBOARD && !(await getWallboard(server.database.db, wallboardId))) throw notFound("no such wallboard");
  const link = await createKioskLink(server.database.db, { wallboardId, name, queues }, actorOf(principal));
  return Response.json({ ...link, path: kioskPath(link.id, link.token) }, { status: 201 });
});
