import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Headers every answer of the one server carries, set in its request listener
 * so that the fast paths (ingest, /api/auth) get them as well as Next's pages
 * and route handlers (next.config `headers()` only reaches the latter).
 *
 * CSP without nonces: Next's nonces need a Proxy (middleware) generating one per
 * request and force dynamic rendering of every page; Vigie has no middleware
 * on purpose (CVE-2025-29927). So scripts and styles allow 'unsafe-inline'
 * (Next's inline bootstrap scripts), never 'unsafe-eval' outside development
 * (React's dev tooling needs it), and everything else is same-origin only.
 */

export interface SecurityHeaderOptions {
  dev: boolean;
  /** VIGIE_PUBLIC_URL is https: browsers always reach Vigie over TLS (a proxy terminates it). */
  publicHttps: boolean;
}

export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // 'self' covers the same-origin ws:/wss: of socket.io (CSP Level 3).
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const isHttps = (req: IncomingMessage) => (req.socket as { encrypted?: boolean }).encrypted === true;

export function securityHeaders(opts: SecurityHeaderOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const csp = contentSecurityPolicy(opts.dev);
  return (req, res) => {
    res.setHeader("content-security-policy", csp);
    res.setHeader("x-frame-options", "DENY");
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("referrer-policy", "same-origin");
    // X-Forwarded-Proto is not trusted here: a client could send it over plain http.
    if (opts.publicHttps || isHttps(req)) res.setHeader("strict-transport-security", "max-age=31536000; includeSubDomains");
  };
}
