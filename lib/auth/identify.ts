import type { Drizzle } from "../../db/client";
import { verifyApiKey } from "./api-keys";
import type { VigieAuth } from "./auth";
import { bearerToken, matchesAnyKey } from "./keys";
import type { Principal } from "./permissions";
import { userPrincipal } from "./users";

/**
 * Who is asking, from a request's headers: a bearer key (configured or
 * created by an admin) or the session cookie. A request that presents a bearer
 * key is judged on that key alone, never on a cookie sent alongside.
 */

export interface Identity {
  principal: Principal;
  /** The better-auth session, for cookie-authenticated requests (socket rooms per session). */
  sessionId: string | null;
  via: "bearer" | "session";
}

export interface ConfiguredKeys {
  /** VIGIE_INGEST_KEY: the `ingest` role. */
  ingestKey?: string;
  /** VIGIE_API_KEY: the `manager` role (CONTRACT §1). */
  apiKey?: string;
}

export async function identifyBearer(db: Drizzle, keys: ConfiguredKeys, token: string): Promise<Principal | null> {
  if (keys.ingestKey !== undefined && matchesAnyKey(token, [keys.ingestKey])) {
    return { kind: "apiKey", id: "env:VIGIE_INGEST_KEY", role: "ingest", queues: [] };
  }
  if (keys.apiKey !== undefined && matchesAnyKey(token, [keys.apiKey])) {
    return { kind: "apiKey", id: "env:VIGIE_API_KEY", role: "manager", queues: [] };
  }
  return verifyApiKey(db, token);
}

export async function identify(auth: VigieAuth, db: Drizzle, keys: ConfiguredKeys, headers: Headers): Promise<Identity | null> {
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const token = bearerToken(authorization);
    const principal = token ? await identifyBearer(db, keys, token) : null;
    return principal ? { principal, sessionId: null, via: "bearer" } : null;
  }
  if (!headers.has("cookie")) return null;
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const principal = userPrincipal(session.user);
  if (principal.disabled) return null;
  return { principal, sessionId: session.session.id, via: "session" };
}
