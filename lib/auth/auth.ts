import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { accounts, rateLimits, sessions, USER_ROLES, users, verifications } from "../../db/schema";
import { clearLoginFailures, DEFAULT_LOGIN_THROTTLE, loginRetryAfter, recordLoginFailure, type LoginThrottleOptions } from "./login-throttle";
import { ensureSecret } from "./secret";

/**
 * Vigie's better-auth: e-mail + password, sessions in the database (no cookie
 * cache, so a revoked session or a disabled user is refused at the next
 * request), rate limits in the database, no public sign-up (admins create
 * users, `users.ts`), every route Vigie does not use switched off. Nothing here
 * depends on NODE_ENV: better-auth's own defaults do (rate limiting only in
 * production, origin checks off under test), so every such option is explicit.
 */

export const AUTH_BASE_PATH = "/api/auth";

/**
 * The header carrying the client's address to better-auth's rate limiter. Only
 * `authNodeHandler` sets it, always overwriting what the client sent: the
 * default, X-Forwarded-For, is written by the client itself when no proxy is
 * in front.
 */
export const CLIENT_IP_HEADER = "x-vigie-client-ip";

/** The better-auth routes Vigie serves (method by path); `authNodeHandler` refuses all others. */
export const AUTH_ROUTES: Readonly<Record<string, "GET" | "POST">> = {
  "/sign-in/email": "POST",
  "/sign-out": "POST",
  "/get-session": "GET",
  "/change-password": "POST",
  "/list-sessions": "GET",
  "/revoke-session": "POST",
  "/revoke-sessions": "POST",
  "/revoke-other-sessions": "POST",
  "/ok": "GET",
};

/** better-auth's other HTTP routes, switched off in better-auth too (defence in depth). */
export const DISABLED_AUTH_PATHS = [
  "/sign-up/email",
  "/sign-in/social",
  "/callback/:id",
  "/update-user",
  "/update-session",
  "/delete-user",
  "/delete-user/callback",
  "/change-email",
  "/request-password-reset",
  "/reset-password",
  "/reset-password/:token",
  "/verify-email",
  "/send-verification-email",
  "/verify-password",
  "/link-social",
  "/unlink-account",
  "/list-accounts",
  "/account-info",
  "/refresh-token",
  "/get-access-token",
  "/error",
];

/** The tables of `db/schema/auth.ts` under the model names the adapter looks up. */
export const authTables = { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits };

export interface CreateAuthOptions {
  database: Database;
  /**
   * The origin browsers use, e.g. `https://vigie.example.com`. Over https the
   * cookies are `__Host-` prefixed and Secure; over http (development, tests)
   * they are plain.
   */
  baseURL: string;
  /** Further origins allowed to post to the auth routes (another host name of the same server). */
  trustedOrigins?: string[];
  /** Cookie-signing secret; by default generated once and kept in the database (`secret.ts`). */
  secret?: string;
  /** Session lifetime in seconds (default 12 h, a long shift); extended on use, at most hourly. */
  sessionSeconds?: number;
  /** Sign-in attempts per client IP (default 20 a minute: offices share addresses). */
  signInRateLimit?: { window: number; max: number };
  /** Failed sign-ins per account (default 10 in 15 minutes). */
  loginThrottle?: LoginThrottleOptions;
  /** A session ended (sign-out, revoked, expired, user disabled): disconnect its sockets. */
  onSessionEnded?: (s: { sessionId: string; userId: string }) => void;
  /** A user's role, queues, agent link or status changed: disconnect their sockets so they re-authenticate. */
  onUserChanged?: (userId: string) => void;
}

export const DEFAULT_SESSION_SECONDS = 12 * 3600;

const cookieNames = ["session_token", "session_data", "dont_remember", "account_data"] as const;

function buildAuth(opts: CreateAuthOptions, secret: string) {
  const { database } = opts;
  const db = database.db;
  const origin = new URL(opts.baseURL).origin;
  const secure = origin.startsWith("https://");
  const throttle = opts.loginThrottle ?? DEFAULT_LOGIN_THROTTLE;
  const signIn = opts.signInRateLimit ?? { window: 60, max: 20 };
  const quietly = (f: () => void) => {
    try {
      f();
    } catch {
      // A listener's failure must not fail the sign-out or sign-in that triggered it.
    }
  };
  const emailOf = (body: unknown): string | null => {
    const email = (body as { email?: unknown } | undefined)?.email;
    return typeof email === "string" && email.length > 0 && email.length <= 320 ? email : null;
  };

  return betterAuth({
    appName: "Vigie",
    baseURL: origin,
    basePath: AUTH_BASE_PATH,
    secret,
    trustedOrigins: [origin, ...(opts.trustedOrigins ?? []).map((o) => new URL(o).origin)],
    database: drizzleAdapter(db, { provider: "pg", schema: authTables, transaction: false }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      autoSignIn: false,
      minPasswordLength: 12,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
    },
    session: {
      expiresIn: opts.sessionSeconds ?? DEFAULT_SESSION_SECONDS,
      updateAge: Math.min(3600, Math.floor((opts.sessionSeconds ?? DEFAULT_SESSION_SECONDS) / 4)),
      cookieCache: { enabled: false },
    },
    user: {
      changeEmail: { enabled: false },
      deleteUser: { enabled: false },
      // `input: false`: no request can set them, only Vigie's own code (users.ts).
      additionalFields: {
        role: { type: [...USER_ROLES], required: true, defaultValue: "agent", input: false },
        agentId: { type: "string", required: false, input: false },
        queues: { type: "string[]", required: true, defaultValue: [], input: false },
        disabled: { type: "boolean", required: true, defaultValue: false, input: false },
      },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": signIn,
        "/change-password": { window: 60, max: 5 },
      },
    },
    disabledPaths: DISABLED_AUTH_PATHS,
    advanced: {
      // better-auth 1.7 only prefixes `__Secure-`; the names below carry `__Host-` themselves.
      useSecureCookies: false,
      cookies: Object.fromEntries(cookieNames.map((n) => [n, { name: `${secure ? "__Host-" : ""}vigie.${n}` }])),
      defaultCookieAttributes: { secure, httpOnly: true, sameSite: "lax", path: "/" },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      disableCSRFCheck: false,
      disableOriginCheck: false,
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const [u] = await db.select({ disabled: users.disabled }).from(users).where(eq(users.id, session.userId));
            if (!u || u.disabled) throw new APIError("FORBIDDEN", { message: "This account is disabled.", code: "ACCOUNT_DISABLED" });
          },
        },
        delete: {
          after: async (session) => {
            if (opts.onSessionEnded) quietly(() => opts.onSessionEnded!({ sessionId: session.id, userId: session.userId }));
          },
        },
      },
      user: {
        update: {
          after: async (user) => {
            if (opts.onUserChanged) quietly(() => opts.onUserChanged!(user.id));
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = emailOf(ctx.body);
        if (!email) return;
        const retryAfter = await loginRetryAfter(db, email, throttle);
        if (retryAfter > 0) {
          throw new APIError(
            "TOO_MANY_REQUESTS",
            { message: "Too many failed sign-ins for this account. Try again later.", code: "ACCOUNT_THROTTLED" },
            { "Retry-After": String(retryAfter) },
          );
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = emailOf(ctx.body);
        if (!email) return;
        const returned = ctx.context.returned;
        if (isAPIError(returned)) {
          if (returned.statusCode === 401) await recordLoginFailure(db, email, throttle);
        } else if (returned) {
          await clearLoginFailures(db, email);
        }
      }),
    },
    logger: { level: "error" },
    telemetry: { enabled: false },
  });
}

export type VigieAuth = ReturnType<typeof buildAuth>;

const callbacks = new WeakMap<object, Pick<CreateAuthOptions, "onUserChanged" | "onSessionEnded">>();

/** The configured better-auth instance (one per process; several instances may share one database). */
export async function createAuth(opts: CreateAuthOptions): Promise<VigieAuth> {
  const secret = opts.secret ?? (await ensureSecret(opts.database.db, "better-auth"));
  const auth = buildAuth(opts, secret);
  callbacks.set(auth, { onUserChanged: opts.onUserChanged, onSessionEnded: opts.onSessionEnded });
  return auth;
}

/** Tells the listeners of `createAuth` that a user changed (for changes made outside better-auth). */
export function notifyUserChanged(auth: VigieAuth, userId: string): void {
  try {
    callbacks.get(auth)?.onUserChanged?.(userId);
  } catch {
    // As in the hooks: a listener's failure does not undo the change.
  }
}
