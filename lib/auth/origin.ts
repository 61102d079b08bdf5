/**
 * Cross-site request checks for what better-auth does not cover: Vigie's own
 * state-changing routes (admin actions, kiosk creation) and the socket.io
 * handshake, both authenticated by the session cookie. Requests authenticated
 * by a bearer key carry no ambient credential and need no such check.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/** Exact origin match (scheme, host, port) against the configured origins. */
export function isTrustedOrigin(origin: string | null | undefined, trusted: readonly string[]): boolean {
  if (!origin || origin === "null") return false;
  const o = originOf(origin);
  return o !== null && trusted.some((t) => originOf(t) === o);
}

export interface RequestFacts {
  method: string;
  /** Request headers (Fetch `Headers`, or Node's lower-cased header object). */
  headers: Headers | Record<string, string | string[] | undefined>;
}

const header = (h: RequestFacts["headers"], name: string): string | null => {
  if (h instanceof Headers) return h.get(name);
  const v = h[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
};

/**
 * May this cookie-authenticated request change state? Safe methods always may;
 * others need an Origin (or, failing that, a Referer) from a trusted origin,
 * and a browser that says the request is cross-site is refused outright.
 */
export function isSameOriginRequest(req: RequestFacts, trusted: readonly string[]): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return true;
  if (header(req.headers, "sec-fetch-site") === "cross-site") return false;
  const origin = header(req.headers, "origin");
  if (origin !== null) return isTrustedOrigin(origin, trusted);
  const referer = header(req.headers, "referer");
  return referer !== null && isTrustedOrigin(originOf(referer), trusted);
}

/**
 * The socket.io handshake (`allowRequest`): a browser always sends Origin on a
 * WebSocket or cross-origin polling request, so a missing or foreign one is refused.
 */
export function isAllowedHandshake(headers: RequestFacts["headers"], trusted: readonly string[]): boolean {
  if (header(headers, "sec-fetch-site") === "cross-site") return false;
  return isTrustedOrigin(header(headers, "origin"), trusted);
}

/**
 * Where to send the browser after sign-in (`/login?next=…`): a path on this
 * site, or `/`. Refuses absolute and protocol-relative URLs (`//evil`,
 * `/\evil`), which would make the login page an open redirect.
 */
export function safeNextPath(raw: string | null | undefined, fallback = "/"): string {
  if (!raw || raw.length > 2048 || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  try {
    const u = new URL(raw, "http://vigie.invalid");
    return u.origin === "http://vigie.invalid" ? `${u.pathname}${u.search}${u.hash}` : fallback;
  } catch {
    return fallback;
  }
}
