import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Drizzle } from "../../db/client";
import { appSecrets } from "../../db/schema";

/**
 * A secret generated once and shared through the database: the first instance
 * to start creates it, every other one (and every restart) reads the same.
 * Whoever reads the database can already read the session tokens, so keeping
 * the cookie-signing secret there gives nothing more away.
 */
export async function ensureSecret(db: Drizzle, name: string): Promise<string> {
  await db
    .insert(appSecrets)
    .values({ name, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing({ target: appSecrets.name });
  const [row] = await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, name));
  if (!row) throw new Error(`secret ${name} could not be created`);
  return row.value;
}
