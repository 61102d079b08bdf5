import { z } from "zod";
import { actorOf } from "@/lib/auth/audit";
import { canEditWallboards, canReadWallboard, liveReach } from "@/lib/auth/permissions";
import { label } from "@/lib/auth/validation";
import { forbidden, notFound } from "@/lib/http/errors";
import { guarded, readBody } from "@/lib/admin/http";
import { duplicateWallboard } from "@/lib/wallboards/duplicate";
import { getWallboard } from "@/lib/wallboards/get";
import { narrowSelection } from "@/lib/wallboards/view";

export const dynamic = "force-dynamic";

const body = z.object({ name: label.optional() }).strict();

/**
 * `{"name"?}`: a copy of a board, covering what the copier may see of it (a
 * supervisor copying the center-wide board gets it over their queues).
 */
export const POST = guarded<{ id: string }>(canEditWallboards, async ({ req, principal, params, server }) => {
  const { name } = await readBody(req, body);
  const db = server.database.db;
  const source = await getWallboard(db, params.id);
  if (!source || !canReadWallboard(principal, source.id)) throw notFound("no such wallboard");
  const scope = narrowSelection(source.definition.scope, liveReach(principal));
  if (!scope) throw forbidden("you may see none of this wallboard's queues");
  const copy = await duplicateWallboard(db, source.id, { name, scope }, actorOf(principal));
  if (!copy) throw notFound("no such wallboard");
  return Response.json(copy, { status: 201 });
});
