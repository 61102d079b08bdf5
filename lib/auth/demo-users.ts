import type { Drizzle } from "../../db/client";
import type { VigieAuth } from "./auth";
import type { Role } from "./permissions";
import { createUser, UserConflictError } from "./users";

/**
 * `npm run demo`: one user of every role, on the simulator's queues and agents
 * (lib/sim/profile.ts). Demo only: the password is public.
 */

export const DEMO_PASSWORD = "vigie-demo-2026";

export const DEMO_USERS: readonly { email: string; name: string; role: Role; agentId?: string; queues?: string[] }[] = [
  { email: "admin@vigie.demo", name: "Admin Démo", role: "admin" },
  { email: "manager@vigie.demo", name: "Manager Démo", role: "manager" },
  { email: "supervisor@vigie.demo", name: "Superviseur Support", role: "supervisor", queues: ["support", "billing"] },
  { email: "agent@vigie.demo", name: "Camille Martin", role: "agent", agentId: "a-101" },
];

/** Creates the demo users that do not exist yet; returns the e-mails created. */
export async function ensureDemoUsers(auth: VigieAuth, db: Drizzle): Promise<string[]> {
  const created: string[] = [];
  for (const u of DEMO_USERS) {
    try {
      await createUser(auth, db, { ...u, password: DEMO_PASSWORD }, { kind: "system" });
      created.push(u.email);
    } catch (e) {
      if (!(e instanceof UserConflictError)) throw e;
    }
  }
  return created;
}
