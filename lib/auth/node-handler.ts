import type { IncomingMessage, ServerResponse } from "node:http";
import { toNodeHandler } from "better-auth/node";
import { AUTH_BASE_PATH, AUTH_ROUTES, CLIENT_IP_HEADER, type VigieAuth } from "./auth";

/**
 * Serves `/api/auth/*` on the custom Node server, in front of Next:
 * only the routes Vigie uses, bodies kept small, and the client address for
 * the rate limiter taken from the connection (or, behind proxies listed in
 * `trustedProxies`, from the X-Forwarded-For they append).
 */

export const MAX_AUTH_BODY_BYTES = 16 * 1024;

export interface AuthNodeHandlerOptions {
  /** Addresses of reverse proxies in front of Vigie (exact IPs). */
  trustedProxies?: readonly string[];
}

const normalize = (ip: string) => (ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice(7) : ip).toLowerCase();

/** The client's address: the peer, or the last address the trusted proxies appended. */
export function clientIp(req: Pick<IncomingMessage, "headers" | "socket">, trustedProxies: readonly string[] = []): string | null {
  const peer = req.socket.remoteAddress ? normalize(req.socket.remoteAddress) : null;
  if (!peer) return null;
  const trusted = new Set(trustedProxies.map(normalize));
  if (!trusted.has(peer)) return peer;
  const forwarded = req.headers["x-forwarded-for"];
  const chain = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
    .split(",")
    .map((s) => normalize(s.trim()))
    .filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) if (!trusted.has(chain[i]!)) return chain[i]!;
  return peer;
}

const refuse = (res: ServerResponse, status: number, error: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify({ error }));
};

export function authNodeHandler(
  auth: VigieAuth,
  opts: AuthNodeHandlerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const handle = toNodeHandler(auth);
  return async (req, res) => {
    const path = (req.url ?? "").split("?", 1)[0]!;
    const route = path.startsWith(`${AUTH_BASE_PATH}/`) ? path.slice(AUTH_BASE_PATH.length) : null;
    const method = route !== null ? AUTH_ROUTES[route] : undefined;
    if (!method) return refuse(res, 404, "not found");
    if (req.method !== method) return refuse(res, 405, `method not allowed; use ${method}`, { allow: method });
    if (method === "POST") {
      const length = Number(req.headers["content-length"]);
      if (req.headers["transfer-encoding"] || !Number.isFinite(length)) return refuse(res, 411, "a Content-Length is required");
      if (length > MAX_AUTH_BODY_BYTES) return refuse(res, 413, `body is larger than ${MAX_AUTH_BODY_BYTES} bytes`);
    }
    const ip = clientIp(req, opts.trustedProxies);
    if (ip) req.headers[CLIENT_IP_HEADER] = ip;
    else delete req.headers[CLIENT_IP_HEADER];
    await handle(req, res);
  };
}
