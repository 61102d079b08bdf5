import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { Principal } from "../auth/permissions";
import { requestIdentity } from "../server/request-identity";

/**
 * Server-side gate of a page (STYLE §7: never only in a proxy): no identity →
 * the login page, back here afterwards; an identity `allow` refuses → 404, so
 * a page's existence is not advertised to those who may not open it.
 */
export async function requirePage(path: string, allow: (p: Principal) => boolean): Promise<Principal> {
  const identity = await requestIdentity(new Headers(await headers()));
  if (!identity) redirect(`/login?next=${encodeURIComponent(path)}`);
  if (!allow(identity.principal)) notFound();
  return identity.principal;
}
