import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Bearer secrets (api keys `vg_…`, kiosk tokens `vk_…`): 32 random bytes,
 * base64url. Only their SHA-256 is stored: with 256 bits of entropy a slow hash
 * adds nothing, and a fast one keeps every request cheap.
 */

export type TokenPrefix = "vg_" | "vk_";

const BODY = /^[A-Za-z0-9_-]{43}$/;

export function newToken(prefix: TokenPrefix): string {
  return prefix + randomBytes(32).toString("base64url");
}

/** Whether `token` has the shape of a token of that kind (checked before any lookup). */
export function hasTokenShape(token: string, prefix: TokenPrefix): boolean {
  return token.length === prefix.length + 43 && token.startsWith(prefix) && BODY.test(token.slice(prefix.length));
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === 32 && y.length === 32 && timingSafeEqual(x, y);
}

/** What the admin UI shows of a token: its kind and first 8 characters. */
export const displayPrefix = (token: string): string => token.slice(0, 11);
