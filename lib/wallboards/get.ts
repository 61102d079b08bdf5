import { eq } from "drizzle-orm";
import type { Drizzle } from "../../db/client";
import { wallboards } from "../../db/schema";
import { toWallboard, type Wallboard } from "./wallboard";

/** One saved wallboard, or null. Who may see its numbers is `boardView`'s business. */
export async function getWallboard(db: Drizzle, id: string): Promise<Wallboard | null> {
  const [row] = await db.select().from(wallboards).where(eq(wallboards.id, id)).limit(1);
  return row ? toWallboard(row) : null;
}
