import { createHash, timingSafeEqual } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** The bearer token of an Authorization header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return m ? m[1]! : null;
}

/** Constant-time comparison of a presented key with configured ones. */
export function matchesAnyKey(presented: string, keys: readonly (string | undefined)[]): boolean {
  const d = digest(presented);
  let ok = false;
  for (const k of keys) if (k !== undefined && timingSafeEqual(d, digest(k))) ok = true;
  return ok;
}
