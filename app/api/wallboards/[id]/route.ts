import { actorOf } from "@/lib/auth/audit";
import { canEditWallboards, canReadLive, canReadWallboard, canSaveWallboard, liveReach, type Principal } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/http/errors";
import { guarded, readBody } from "@/lib/admin/http";
import type { ServerContext } from "@/lib/server/context";
import { deleteWallboard } from "@/lib/wallboards/delete";
import { getWallboard } from "@/lib/wallboards/get";
import { updateWallboard, updateWallboardInput } from "@/lib/wallboards/update";
import { boardView, definitionForReader } from "@/lib/wallboards/view";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** The board, 404 when absent; 403 when `p` may not change it as it stands. */
async function changeable(server: ServerContext, principal: Principal, id: string) {
  const board = await getWallboard(server.database.db, id);
  if (!board) throw notFound("no such wallboard");
  if (!canSaveWallboard(principal, board.definition.scope)) throw forbidden("this wallboard covers queues you may not see");
  return board;
}

/** The board and what this reader sees of it (`view`: scopes and queues within their reach). */
export const GET = guarded<Params>(canReadLive, async ({ principal, params, server }) => {
  const board = await getWallboard(server.database.db, params.id);
  if (!board || !canReadWallboard(principal, board.id)) throw notFound("no such wallboard");
  const reach = liveReach(principal);
  const view = boardView(board.definition.scope, reach);
  if (view.groups.length === 0) throw notFound("no such wallboard");
  const definition = definitionForReader(board.definition, reach);
  return Response.json({ ...board, definition, view, editable: canSaveWallboard(principal, board.definition.scope) });
});

/** `{"name"?, "definition"?}`: changes a board its editor may see, into one they may still see. */
export const PUT = guarded<Params>(canEditWallboards, async ({ req, principal, params, server }) => {
  const input = await readBody(req, updateWallboardInput);
  await changeable(server, principal, params.id);
  if (input.definition && !canSaveWallboard(principal, input.definition.scope)) {
    throw forbidden("a wallboard may cover only queues you may see");
  }
  const board = await updateWallboard(server.database.db, params.id, input, actorOf(principal));
  if (!board) throw notFound("no such wallboard");
  return Response.json(board);
});

/** Deletes a board; the kiosk links showing it are revoked and their screens cut. */
export const DELETE = guarded<Params>(canEditWallboards, async ({ principal, params, server }) => {
  await changeable(server, principal, params.id);
  const deleted = await deleteWallboard(server.database.db, params.id, actorOf(principal));
  if (!deleted) throw notFound("no such wallboard");
  for (const kiosk of deleted.revokedKiosks) server.disconnectKiosk(kiosk);
  return new Response(null, { status: 204 });
});
