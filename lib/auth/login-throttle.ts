import { createHash } from "node:crypto";
import { and, eq, gt, gte, lte, sql } from "drizzle-orm";
import type { Drizzle } from "../../db/client";
import { loginFailures } from "../../db/schema";

/**
 * Failed sign-ins per account, in the database (so the limit holds across
 * restarts and instances). better-auth already limits sign-in attempts per
 * client IP; this stops a guess spread over many addresses. Only failures
 * count, and a success clears them, so the real user is only held back while
 * someone is actually guessing. Accounts are keyed by a hash of the e-mail,
 * whether or not it exists, so the table says nothing about who has an account.
 */

export interface LoginThrottleOptions {
  /** Failures within the window after which sign-in is refused. */
  maxFailures: number;
  /** Seconds from the first failure of a series. */
  windowSeconds: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = { maxFailures: 10, windowSeconds: 15 * 60 };

const keyOf = (email: string) => createHash("sha256").update(`login:${email.trim().toLowerCase()}`).digest("hex");

const windowStartAfter = (opts: LoginThrottleOptions, now: Date) => new Date(now.getTime() - opts.windowSeconds * 1000);

/** Seconds until sign-in is allowed again for this e-mail; 0 when it is allowed now. */
export async function loginRetryAfter(db: Drizzle, email: string, opts: LoginThrottleOptions, now = new Date()): Promise<number> {
  const [row] = await db
    .select()
    .from(loginFailures)
    .where(
      and(
        eq(loginFailures.key, keyOf(email)),
        gt(loginFailures.windowStart, windowStartAfter(opts, now)),
        gte(loginFailures.failures, opts.maxFailures),
      ),
    );
  if (!row) return 0;
  return Math.max(1, Math.ceil((row.windowStart.getTime() + opts.windowSeconds * 1000 - now.getTime()) / 1000));
}

/** Counts one failure (atomically: concurrent failures all count); returns the failures in the window. */
export async function recordLoginFailure(db: Drizzle, email: string, opts: LoginThrottleOptions, now = new Date()): Promise<number> {
  const cutoff = windowStartAfter(opts, now).toISOString();
  const expired = sql`${loginFailures.windowStart} <= ${cutoff}::timestamptz`;
  const [row] = await db
    .insert(loginFailures)
    .values({ key: keyOf(email), failures: 1, windowStart: now })
    .onConflictDoUpdate({
      target: loginFailures.key,
      set: {
        failures: sql`case when ${expired} then 1 else ${loginFailures.failures} + 1 end`,
        windowStart: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${loginFailures.windowStart} end`,
      },
    })
    .returning({ failures: loginFailures.failures });
  // Old series of any account: nothing reads them any more.
  await db.delete(loginFailures).where(lte(loginFailures.windowStart, new Date(cutoff)));
  return row!.failures;
}

export async function clearLoginFailures(db: Drizzle, email: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, keyOf(email)));
}
