import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * The tables better-auth reads and writes through its drizzle adapter. The
 * adapter addresses columns by their property names (better-auth's field names),
 * so those stay camelCase while the SQL columns are snake_case. better-auth
 * checks at run time that every field it writes exists here
 * (`advanced.database.validateSchema`, on by default): a drift fails loudly.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const USER_ROLES = ["admin", "manager", "supervisor", "agent"] as const;

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** Stored lower-cased: better-auth lower-cases on sign-in. */
    email: text("email").notNull().unique(),
    emailVerified: boolean("email_verified").notNull().default(false),
    image: text("image"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    role: text("role", { enum: USER_ROLES }).notNull().default("agent"),
    /** The agentId of the event stream this user is (agents; anyone who also takes contacts). */
    agentId: text("agent_id"),
    /** Queues a manager or supervisor is limited to; empty means all. */
    queues: text("queues").array().notNull().default(sql`'{}'::text[]`),
    /** A disabled user cannot sign in; their sessions are deleted when they are disabled. */
    disabled: boolean("disabled").notNull().default(false),
  },
  (t) => [
    uniqueIndex("users_agent_id_idx").on(t.agentId),
    check("users_role_check", sql`${t.role} in ('admin', 'manager', 'supervisor', 'agent')`),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    expiresAt: at("expires_at").notNull(),
    token: text("token").notNull().unique(),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

/** Credentials: for email + password, providerId "credential" and the scrypt hash in `password`. */
export const accounts = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: at("access_token_expires_at"),
    refreshTokenExpiresAt: at("refresh_token_expires_at"),
    scope: text("scope"),
    password: text("password"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("accounts_user_id_idx").on(t.userId)],
);

export const verifications = pgTable(
  "verifications",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: at("expires_at").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("verifications_identifier_idx").on(t.identifier)],
);

/**
 * better-auth's request counters (`rateLimit.storage: "database"`): one row per
 * client IP and path, shared by every instance and kept across restarts.
 */
export const rateLimits = pgTable("rate_limits", {
  id: text("id").primaryKey(),
  key: text("key").notNull().unique(),
  count: integer("count").notNull(),
  /** Epoch milliseconds. */
  lastRequest: bigint("last_request", { mode: "number" }).notNull(),
});
