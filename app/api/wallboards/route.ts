import { actorOf } from "@/lib/auth/audit";
import { canEditWallboards, canReadLive, canSaveWallboard, liveReach } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/http/errors";
import { guarded, readBody } from "@/lib/admin/http";
import { createWallboard } from "@/lib/wallboards/create";
import { listWallboards } from "@/lib/wallboards/list";
import { boardView, definitionForReader } from "@/lib/wallboards/view";
import { wallboardInput } from "@/lib/wallboards/wallboard";

export const dynamic = "force-dynamic";

/** The saved boards the reader may see something of (covering only what they may see), each with whether they may change it. */
export const GET = guarded(canReadLive, async ({ principal, server }) => {
  const reach = liveReach(principal);
  const boards = (await listWallboards(server.database.db))
    .filter((b) => boardView(b.definition.scope, reach).groups.length > 0)
    .map((b) => ({ ...b, definition: definitionForReader(b.definition, reach), editable: canSaveWallboard(principal, b.definition.scope) }));
  return Response.json({ wallboards: boards });
});

/** `{"name", "definition"}` (lib/wallboards/definition.ts): a new board, over queues its creator may see. */
export const POST = guarded(canEditWallboards, async ({ req, principal, server }) => {
  const input = await readBody(req, wallboardInput);
  if (!canSaveWallboard(principal, input.definition.scope)) throw forbidden("a wallboard may cover only queues you may see");
  const board = await createWallboard(server.database.db, input, actorOf(principal));
  return Response.json(board, { status: 201 });
});
