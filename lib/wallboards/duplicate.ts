import type { Drizzle } from "../../db/client";
import type { AuditActor } from "../auth/audit";
import { createWallboard } from "./create";
import type { BoardSelection } from "./definition";
import { getWallboard } from "./get";
import type { Wallboard } from "./wallboard";

/**
 * A copy of a board (`wallboard.duplicate`, naming its source), under `name`
 * or the source's name with " (2)". `scope` replaces the copy's selection: a
 * reader limited to queues copies a wider board narrowed to theirs
 * (`narrowSelection`). Null when the source does not exist.
 */
export async function duplicateWallboard(
  db: Drizzle,
  sourceId: string,
  opts: { name?: string; scope?: BoardSelection },
  actor: AuditActor,
): Promise<Wallboard | null> {
  const source = await getWallboard(db, sourceId);
  if (!source) return null;
  const definition = { ...source.definition, scope: opts.scope ?? source.definition.scope };
  const name = opts.name ?? `${source.name} (2)`.slice(0, 100);
  return createWallboard(db, { name, definition }, actor, { duplicateOf: sourceId });
}
