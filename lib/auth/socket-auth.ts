import type { IncomingHttpHeaders } from "node:http";
import type { Identity } from "./identify";
import type { KioskPrincipal } from "./permissions";
import { isAllowedHandshake } from "./origin";

/**
 * socket.io authentication: at the handshake (origin, then identity from the
 * session cookie, a bearer key, or a kiosk token in `auth.kiosk`), and again
 * on demand (`revalidateSockets`) so that a session ended on another instance,
 * or a user changed there, loses its sockets too. Each socket joins rooms
 * named after its user and session, so `disconnectUser`/`disconnectSession`
 * reach every socket of them on this instance. Permission checks per
 * subscription stay in the subscribe handler (`canViewScope`).
 */

export const userRoom = (userId: string) => `auth|user|${userId}`;
export const sessionRoom = (sessionId: string) => `auth|session|${sessionId}`;
export const kioskRoom = (linkId: string) => `auth|kiosk|${linkId}`;

/** What is kept on `socket.data`. */
export interface SocketAuthData {
  identity: Identity;
}

/** The parts of a socket.io socket this module uses (so it stays independent of the event typings). */
interface AuthSocket {
  handshake: { headers: IncomingHttpHeaders; auth: Record<string, unknown> };
  data: Partial<SocketAuthData>;
  join(room: string): void | Promise<void>;
  disconnect(close?: boolean): unknown;
}

export interface SocketAuthOptions {
  trustedOrigins: readonly string[];
  /** `identify(auth, db, keys, headers)`, bound by the caller. */
  identify: (headers: Headers) => Promise<Identity | null>;
  /** `verifyKioskToken(db, token)`, bound by the caller; kiosks connect with `auth: { kiosk: token }`. */
  verifyKiosk?: (token: string) => Promise<KioskPrincipal | null>;
}

export function toWebHeaders(h: IncomingHttpHeaders): Headers {
  const out = new Headers();
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) out.append(k, one);
  }
  return out;
}

async function identityOf(socket: AuthSocket, opts: SocketAuthOptions): Promise<Identity | null> {
  const kiosk = socket.handshake.auth?.kiosk;
  if (typeof kiosk === "string") {
    const principal = opts.verifyKiosk ? await opts.verifyKiosk(kiosk) : null;
    return principal ? { principal, sessionId: null, via: "bearer" } : null;
  }
  return opts.identify(toWebHeaders(socket.handshake.headers));
}

export class SocketAuthError extends Error {
  readonly data: { code: "forbidden-origin" | "unauthorized" };
  constructor(code: "forbidden-origin" | "unauthorized") {
    super(code);
    this.data = { code };
  }
}

/** `io.use(socketAuthMiddleware(...))`: refuses the connection unless origin and identity are good. */
export function socketAuthMiddleware(opts: SocketAuthOptions) {
  return (socket: AuthSocket, next: (err?: Error) => void): void => {
    void (async () => {
      if (!isAllowedHandshake(socket.handshake.headers, opts.trustedOrigins)) return next(new SocketAuthError("forbidden-origin"));
      const identity = await identityOf(socket, opts);
      if (!identity) return next(new SocketAuthError("unauthorized"));
      socket.data.identity = identity;
      const p = identity.principal;
      if (p.kind === "user") await socket.join(userRoom(p.id));
      if (p.kind === "kiosk") await socket.join(kioskRoom(p.id));
      if (identity.sessionId) await socket.join(sessionRoom(identity.sessionId));
      next();
    })().catch(() => next(new SocketAuthError("unauthorized")));
  };
}

interface Rooms {
  in(room: string): { disconnectSockets(close?: boolean): void };
}

export const disconnectUser = (io: Rooms, userId: string) => io.in(userRoom(userId)).disconnectSockets(true);
export const disconnectSession = (io: Rooms, sessionId: string) => io.in(sessionRoom(sessionId)).disconnectSockets(true);
/** A revoked kiosk link's screens lose the board at once on this instance (others: at revalidation). */
export const disconnectKiosk = (io: Rooms, linkId: string) => io.in(kioskRoom(linkId)).disconnectSockets(true);

/**
 * Re-identifies every socket from its handshake and disconnects those whose
 * identity is gone or changed (the client reconnects and is judged afresh).
 * Run it every minute or so: it is what ends, on this instance, a session
 * revoked or a user changed through another instance. Returns how many were cut.
 */
export async function revalidateSockets(sockets: Iterable<AuthSocket>, opts: SocketAuthOptions): Promise<number> {
  let cut = 0;
  for (const socket of sockets) {
    const before = socket.data.identity;
    const now = await identityOf(socket, opts).catch(() => null);
    if (!before || !now || JSON.stringify(now.principal) !== JSON.stringify(before.principal) || now.sessionId !== before.sessionId) {
      socket.disconnect(true);
      cut++;
    }
  }
  return cut;
}
