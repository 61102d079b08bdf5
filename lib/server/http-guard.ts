import "server-only";
import type { Identity } from "../auth/identify";
import { isSameOriginRequest } from "../auth/origin";
import type { Principal } from "../auth/permissions";
import { serverContext } from "./context";
import { requestIdentity } from "./request-identity";

/**
 * The check every route handler runs first (STYLE §7: on the server, at every
 * route): 401 without an identity, 403 when `check` refuses it, and 403 for a
 * state-changing request authenticated by the session cookie from another
 * origin. A bearer key is no ambient credential, so it needs no origin check.
 *
 *   const who = await guard(req, canReadLive);
 *   if (who instanceof Response) return who;
 */
export async function guard(req: Request, check: (p: Principal, identity: Identity) => boolean): Promise<Identity | Response> {
  const identity = await requestIdentity(req.headers);
  if (!identity) return refuse(401, "sign in or present a bearer key", { "www-authenticate": 'Bearer realm="vigie"' });
  if (identity.via === "session" && !isSameOriginRequest({ method: req.method, headers: req.headers }, serverContext().trustedOrigins)) {
    return refuse(403, "cross-site request refused");
  }
  if (!check(identity.principal, identity)) return refuse(403, "not allowed");
  return identity;
}

export const refuse = (status: number, error: string, headers: Record<string, string> = {}): Response =>
  Response.json({ error }, { status, headers: { "cache-control": "no-store", ...headers } });
