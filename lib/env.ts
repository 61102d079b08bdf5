import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

/**
 * CONTRACT §1: every variable is read here, once, typed. `loadEnv` throws an
 * `EnvError` whose message is one line naming the variable; server.ts prints it
 * and exits non-zero.
 */

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

const optionalSecret = (min: number) =>
  z.string().min(min, `must be at least ${min} characters`).optional();

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, "must be a postgres:// or postgresql:// URL")
      .optional(),
    VIGIE_DATA_DIR: z.string().min(1).default("./.vigie"),
    /** Where scheduled reports write their CSV files (each schedule names a folder under it). Default: <VIGIE_DATA_DIR>/reports. */
    VIGIE_REPORTS_DIR: z.string().min(1).optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    VIGIE_INGEST_KEY: optionalSecret(16),
    VIGIE_API_KEY: optionalSecret(16),
    /** The Twilio account's Auth Token: verifies X-Twilio-Signature on POST /api/ingest/twilio (unset: that endpoint answers 503). */
    VIGIE_TWILIO_AUTH_TOKEN: optionalSecret(16),
    VIGIE_ADMIN_EMAIL: z.email("must be an email address").optional(),
    VIGIE_ADMIN_PASSWORD: optionalSecret(12),
    VIGIE_TIMEZONE: z.string().default("Europe/Paris").refine(isTimeZone, "must be an IANA time zone such as Europe/Paris"),
    VIGIE_SL_SECONDS: z.coerce.number().positive("must be a positive number of seconds").max(3600).default(18),
    /** FCR by repeat: a contact followed by another from the same customer within this many days is a repeat. */
    VIGIE_FCR_DAYS: z.coerce.number().int("must be a whole number of days").min(1, "must be between 1 and 90").max(90, "must be between 1 and 90").default(7),
    VIGIE_PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL, such as https://vigie.example.com" })
      .transform((u) => new URL(u).origin)
      .optional(),
    VIGIE_TRUSTED_PROXIES: z
      .string()
      .transform((s) => s.split(",").map((p) => p.trim()).filter(Boolean))
      .refine((ips) => ips.every((ip) => isIP(ip) !== 0), "must be a comma-separated list of IP addresses")
      .default([]),
    /** Sign-in attempts accepted per client address and minute (offices share addresses). */
    VIGIE_SIGNIN_PER_MINUTE: z.coerce.number().int("must be a whole number").min(1, "must be between 1 and 10000").max(10_000, "must be between 1 and 10000").default(20),
    VIGIE_INGEST_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 ** 3).default(10 * 1024 * 1024),
    /**
     * Raw events are kept this many whole UTC months, the current one included (25: two years back
     * plus this month, so a month can be compared with the same month a year and two years earlier).
     * At least 2: "today" and yesterday, which a restart replays, may lie in the previous UTC month.
     */
    VIGIE_EVENTS_RETENTION_MONTHS: z.coerce.number().int("must be a whole number of months").min(2, "must be between 2 and 1200").max(1200, "must be between 2 and 1200").default(25),
    /** The currency of the amounts managers enter (period figures), ISO 4217. */
    VIGIE_CURRENCY: z
      .string()
      .transform((c) => c.trim().toUpperCase())
      .refine((c) => CURRENCIES.has(c), "must be an ISO 4217 currency code such as EUR, USD or CHF")
      .default("EUR"),
  })
  .superRefine((env, ctx) => {
    if (!!env.VIGIE_ADMIN_EMAIL !== !!env.VIGIE_ADMIN_PASSWORD) {
      ctx.addIssue({ code: "custom", path: ["VIGIE_ADMIN_PASSWORD"], message: "VIGIE_ADMIN_EMAIL and VIGIE_ADMIN_PASSWORD go together" });
    }
  })
  .transform((env) => ({ ...env, VIGIE_REPORTS_DIR: env.VIGIE_REPORTS_DIR ?? path.join(env.VIGIE_DATA_DIR, "reports") }));

export type Env = z.output<typeof schema>;

export class EnvError extends Error {}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable means "unset", as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0] ?? "environment");
  const value = cleaned[name];
  const shown = value === undefined || /KEY|PASSWORD|TOKEN|URL/.test(name) ? "" : ` (got "${value}")`;
  throw new EnvError(`Invalid configuration: ${name} ${issue.message}${shown}`);
}

/** The process's configuration, loaded on first use and shared with Next's bundles. */
export function env(): Env {
  const g = globalThis as { __vigieEnv?: Env };
  return (g.__vigieEnv ??= loadEnv());
}
