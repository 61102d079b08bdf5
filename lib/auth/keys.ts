import { createHash, timingSafeEqual } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** The bearer token of an Authorization header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return m ? m[1]! : null;
}

/** Digests of the configured keys (a handful, fixed at start): hashed once, not per request. */
const configured = new Map<string, Buffer>();
function configuredDigest(key: string): Buffer {
  let d = configured.get(key);
  if (!d) {
    if (configured.size >= 16) configured.clear();
    configured.set(key, (d = digest(key)));
  }
  return d;
}

/** Constant-time comparison of a presented key with configured ones. */
export function matchesAnyKey(presented: string, keys: readonly (string | undefined)[]): boolean {
  const d = digest(presented);
  let ok = false;
  for (const k of keys) if (k !== undefined && timingSafeEqual(d, configuredDigest(k))) ok = true;
  return ok;
}
