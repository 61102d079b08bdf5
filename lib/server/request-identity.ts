import "server-only";
import { identify, type Identity } from "../auth/identify";
import { serverContext } from "./context";

/**
 * Who sent this request (pages, route handlers, server actions): a bearer key
 * or the session cookie, as the running server's `identify` decides. Null when
 * anonymous, disabled or unknown.
 */
export async function requestIdentity(headers: Headers): Promise<Identity | null> {
  const ctx = serverContext();
  return identify(ctx.auth, ctx.database.db, ctx.keys, headers);
}
