import { asc } from "drizzle-orm";
import type { Drizzle } from "../../db/client";
import { wallboards } from "../../db/schema";
import { toWallboard, type Wallboard } from "./wallboard";

/** Every saved wallboard, by name; callers keep those a reader may see something of (`boardView`). */
export async function listWallboards(db: Drizzle): Promise<Wallboard[]> {
  const rows = await db.select().from(wallboards).orderBy(asc(wallboards.name), asc(wallboards.id));
  return rows.map(toWallboard);
}
