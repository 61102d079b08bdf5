import { createHmac, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import path from "node:path";

/**
 * Where a scheduled report may go. A folder is a relative path under
 * VIGIE_REPORTS_DIR, never outside it (no absolute path, no `..`; symlinks
 * are checked again when writing). A webhook is https, or http to this
 * machine only (a report is not sent in clear across a network).
 */

/** Why `sub` is not an acceptable folder under the reports folder, or null. */
export function checkSubPath(sub: string): string | null {
  if (sub.includes("\0")) return "must not contain a NUL character";
  if (path.isAbsolute(sub) || /^[a-zA-Z]:/.test(sub) || sub.startsWith("\\")) return "must be a folder relative to the reports folder";
  if (sub.split(/[\\/]/).some((part) => part === "..")) return "must not leave the reports folder (..)";
  return null;
}

/** The absolute folder for `sub` under `root`; throws when it would leave `root`. */
export function resolveUnder(root: string, sub: string): string {
  const why = checkSubPath(sub);
  if (why) throw new Error(`folder ${why}`);
  const base = path.resolve(root);
  const full = path.resolve(base, sub);
  if (full !== base && !full.startsWith(base + path.sep)) throw new Error("folder must not leave the reports folder");
  return full;
}

const isLoopback = (host: string) => {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  return h === "::1";
};

/** Why `url` is not an acceptable webhook, or null. */
export function checkWebhookUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return "must be a URL";
  }
  if (u.username || u.password) return "must not hold credentials";
  if (u.protocol === "https:") return null;
  if (u.protocol === "http:" && isLoopback(u.hostname)) return null;
  return "must be https:// (http:// only to this machine)";
}

/** `X-Vigie-Signature`: `sha256=<hex HMAC-SHA256 of the body with the schedule's secret>`. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** What a receiver does: recompute and compare in constant time. */
export function verifySignature(body: string, secret: string, header: string | null | undefined): boolean {
  const expected = Buffer.from(signBody(body, secret));
  const got = Buffer.from(header ?? "");
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** A file name safe on every file system: `vigie-<name>-<from>-<to>.csv`. */
export function reportFileName(name: string, from: string, to: string): string {
  const slug = name.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).toLowerCase() || "report";
  return `vigie-${slug}-${from}-${to}.csv`;
}
