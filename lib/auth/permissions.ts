/**
 * Who may do what: pure functions over a `Principal`, with no I/O, called on
 * the server by every page, route handler, server action and socket
 * subscription (STYLE §7). Deny is the default: an unknown role, kind or scope
 * gets nothing.
 *
 * Reach. Every reader has a reach: the whole contact center, a list of queues,
 * one agent, or nothing.
 * - admin: the whole center (an admin's queue list is ignored).
 * - manager, supervisor: their queues; an empty list means the whole center.
 * - agent: their own agentId only (nothing until an admin links one).
 * - api key: `manager`/`supervisor` keys read like those roles (with their own
 *   queue list); `ingest` keys read nothing.
 * - kiosk link: its queues (empty = whole center), live only.
 * Everyone may also see their own agent scope, if their account is linked to one.
 *
 * Live scopes (CONTRACT §3) for a reader limited to queues:
 * - `queue:<q>`: only their queues.
 * - `all` and `channel:<c>`: refused. Both sum every queue, so they would show
 *   the numbers of queues the reader may not see; the engine cannot restrict
 *   them to a queue list. A restricted reader subscribes to each of its queues
 *   (`defaultScopes`).
 * - `agent:<a>`: when the agent currently serves one of their queues (its last
 *   `agent.state` queues), as told by `queuesOfAgent`. Without that
 *   information, refused. The agent scope then shows everything that agent did,
 *   including contacts of other queues: supervising an agent means seeing
 *   their whole activity.
 * Reports are not scopes: they filter rows (`reportFilter`), so a restricted
 * reader gets every grouping, computed over their queues only.
 */

import { isScope, parseScope, type ParsedScope } from "../metrics/scope";

export const ROLES = ["admin", "manager", "supervisor", "agent"] as const;
export type Role = (typeof ROLES)[number];
export const API_KEY_ROLES = ["ingest", "supervisor", "manager"] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export interface UserPrincipal {
  kind: "user";
  id: string;
  role: Role;
  /** The event stream's agentId this user is, if any. */
  agentId: string | null;
  /** Queues a manager or supervisor is limited to; empty = all. */
  queues: readonly string[];
  disabled: boolean;
}

export interface ApiKeyPrincipal {
  kind: "apiKey";
  /** The key's row id, or `env:<VARIABLE>` for a key from the configuration. */
  id: string;
  role: ApiKeyRole;
  queues: readonly string[];
}

export interface KioskPrincipal {
  kind: "kiosk";
  id: string;
  wallboardId: string;
  queues: readonly string[];
}

export type Principal = UserPrincipal | ApiKeyPrincipal | KioskPrincipal;

export type Reach =
  | { kind: "all" }
  | { kind: "queues"; queues: readonly string[] }
  | { kind: "agent"; agentId: string }
  | { kind: "none" };

/** Facts about the live center that some checks need; supplied by the caller. */
export interface PermissionContext {
  /** The queues an agent currently serves (from its last `agent.state`). */
  queuesOfAgent?: (agentId: string) => readonly string[];
}

const NONE: Reach = { kind: "none" };
const ALL: Reach = { kind: "all" };
const byQueues = (queues: readonly string[]): Reach => (queues.length === 0 ? ALL : { kind: "queues", queues });

const isActiveUser = (p: Principal | null | undefined): p is UserPrincipal =>
  !!p && p.kind === "user" && p.disabled === false && (ROLES as readonly string[]).includes(p.role);

/** What live data a principal may read (see the header). */
export function liveReach(p: Principal | null | undefined): Reach {
  if (!p) return NONE;
  switch (p.kind) {
    case "user":
      if (!isActiveUser(p)) return NONE;
      switch (p.role) {
        case "admin":
          return ALL;
        case "manager":
        case "supervisor":
          return byQueues(p.queues);
        case "agent":
          return p.agentId ? { kind: "agent", agentId: p.agentId } : NONE;
        default:
          return NONE;
      }
    case "apiKey":
      return p.role === "manager" || p.role === "supervisor" ? byQueues(p.queues) : NONE;
    case "kiosk":
      return byQueues(p.queues);
    default:
      return NONE;
  }
}

/** What historical data a principal may read: as live, except kiosks, which read none. */
export function reportReach(p: Principal | null | undefined): Reach {
  return p?.kind === "kiosk" ? NONE : liveReach(p);
}

/** Called for every socket on every catalog change: a plain check, not a zod parse. */
function parse(scope: string): ParsedScope | null {
  if (!isScope(scope)) return null;
  return parseScope(scope);
}

const ownAgentId = (p: Principal | null | undefined): string | null => (isActiveUser(p) ? p.agentId : null);

/** May `p` read the live scope `scope` (`all`, `queue:<q>`, `queues:<q>,<q>`, `agent:<a>`, `channel:<c>`)? */
export function canViewScope(p: Principal | null | undefined, scope: string, ctx: PermissionContext = {}): boolean {
  const s = parse(scope);
  if (!s) return false;
  if (s.kind === "agent" && s.key === ownAgentId(p)) return true;
  const reach = liveReach(p);
  switch (reach.kind) {
    case "all":
      return true;
    case "queues":
      if (s.kind === "queue") return reach.queues.includes(s.key);
      if (s.kind === "queues") return s.keys.every((q) => reach.queues.includes(q));
      if (s.kind === "agent") {
        const served = ctx.queuesOfAgent?.(s.key) ?? [];
        return served.some((q) => reach.queues.includes(q));
      }
      return false;
    case "agent":
      return s.kind === "agent" && s.key === reach.agentId;
    default:
      return false;
  }
}

export const canViewQueue = (p: Principal | null | undefined, queue: string): boolean =>
  queue.length > 0 && canViewScope(p, `queue:${queue}`);

export const canViewAgent = (p: Principal | null | undefined, agentId: string, ctx: PermissionContext = {}): boolean =>
  agentId.length > 0 && canViewScope(p, `agent:${agentId}`, ctx);

export const canViewChannel = (p: Principal | null | undefined, channel: string): boolean =>
  channel.length > 0 && canViewScope(p, `channel:${channel}`);

/** The center-wide totals (`all`): only for unrestricted readers. */
export const canViewAll = (p: Principal | null | undefined): boolean => canViewScope(p, "all");

/** Any live data at all (wallboard page, socket connection). */
export const canReadLive = (p: Principal | null | undefined): boolean =>
  liveReach(p).kind !== "none" || ownAgentId(p) !== null;

/** The scopes the server subscribes a principal to when it names none. */
export function defaultScopes(p: Principal | null | undefined): string[] {
  const reach = liveReach(p);
  switch (reach.kind) {
    case "all":
      return ["all"];
    case "queues":
      return reach.queues.map((q) => `queue:${q}`);
    case "agent":
      return [`agent:${reach.agentId}`];
    default: {
      const own = ownAgentId(p);
      return own ? [`agent:${own}`] : [];
    }
  }
}

/** The queues, channels and agents a principal may know of, out of the server's catalog. */
export function visibleCatalog<C extends { queues: string[]; channels: string[]; agents: string[] }>(
  p: Principal | null | undefined,
  catalog: C,
  ctx: PermissionContext = {},
): C {
  return {
    ...catalog,
    queues: catalog.queues.filter((q) => canViewQueue(p, q)),
    channels: catalog.channels.filter((c) => canViewChannel(p, c)),
    agents: catalog.agents.filter((a) => canViewAgent(p, a, ctx)),
  };
}

/**
 * How a report query must be filtered for `p`, or null when `p` may read no
 * report. `queues: null` means no queue filter; `agentId` restricts to the
 * contacts that agent answered (an agent's own statistics).
 */
export function reportFilter(
  p: Principal | null | undefined,
): { queues: readonly string[] | null; agentId: string | null } | null {
  const reach = reportReach(p);
  switch (reach.kind) {
    case "all":
      return { queues: null, agentId: null };
    case "queues":
      return { queues: reach.queues, agentId: null };
    case "agent":
      return { queues: null, agentId: reach.agentId };
    default: {
      const own = p?.kind === "kiosk" ? null : ownAgentId(p);
      return own ? { queues: null, agentId: own } : null;
    }
  }
}

export const canReadReports = (p: Principal | null | undefined): boolean => reportFilter(p) !== null;

/** The agent's own page (`/me`): any signed-in user linked to an agentId. */
export const canViewOwnStats = (p: Principal | null | undefined): boolean => ownAgentId(p) !== null;

export const canIngest = (p: Principal | null | undefined): boolean => p?.kind === "apiKey" && p.role === "ingest";

/** Admin pages and admin changes: users, keys, queue settings, audit log. Signed-in admins only, never a key. */
export const canAdminister = (p: Principal | null | undefined): boolean => isActiveUser(p) && p.role === "admin";
export const canManageUsers = canAdminister;
export const canManageApiKeys = canAdminister;
export const canEditQueueSettings = canAdminister;
export const canViewAuditLog = canAdminister;
/** Importing history (the CSV of past calls at `/imports`): signed-in admins only, never a key. */
export const canImportEvents = canAdminister;

/**
 * Period figures (costs, customers, headcount…) and the KPIs computed from them:
 * business numbers of the whole center, not of a queue, so a manager limited to
 * queues sees them too. Signed-in admins and managers only, never a key.
 */
export const canViewFigures = (p: Principal | null | undefined): boolean =>
  isActiveUser(p) && (p.role === "admin" || p.role === "manager");
export const canEditFigures = canViewFigures;

/** The KPI catalogue (`/kpis`): definitions, no data, so any signed-in user whatever the role; not keys nor kiosks. */
export const canReadCatalogue = (p: Principal | null | undefined): boolean => isActiveUser(p);

/** Kiosk links: admins, managers and supervisors. */
export const canManageKiosks = (p: Principal | null | undefined): boolean =>
  isActiveUser(p) && (p.role === "admin" || p.role === "manager" || p.role === "supervisor");

/** Is every queue of `queues` (empty = all) within what `p` may read live? */
function coversQueues(p: Principal | null | undefined, queues: readonly string[]): boolean {
  const reach = liveReach(p);
  if (reach.kind === "all") return true;
  if (reach.kind !== "queues") return false;
  return queues.length > 0 && queues.every((q) => reach.queues.includes(q));
}

/** A kiosk link may show no more than its creator may see. */
export const canCreateKiosk = (p: Principal | null | undefined, queues: readonly string[]): boolean =>
  canManageKiosks(p) && coversQueues(p, queues);

/**
 * Admins revoke any link; managers any link within their queues; supervisors
 * the links they created (even if their queues changed since: revoking only
 * takes access away).
 */
export function canRevokeKiosk(
  p: Principal | null | undefined,
  link: { createdBy: string | null; queues: readonly string[] },
): boolean {
  if (!isActiveUser(p) || !canManageKiosks(p)) return false;
  if (p.role === "admin") return true;
  if (link.createdBy === p.id) return true;
  return p.role === "manager" && coversQueues(p, link.queues);
}

/** Saved wallboards (lib/wallboards): creating, changing, duplicating, deleting. Admins, managers, supervisors. */
export const canEditWallboards = (p: Principal | null | undefined): boolean =>
  isActiveUser(p) && (p.role === "admin" || p.role === "manager" || p.role === "supervisor");

/**
 * May `p` save (create, change, delete) a board covering `selection`? Not
 * beyond what they may see: queues within their reach; everything or channels
 * (which sum every queue) only for unrestricted readers. A change needs this
 * for the board as stored and as sent.
 */
export const canSaveWallboard = (
  p: Principal | null | undefined,
  selection: { kind: "all" | "queues" | "channels"; values: readonly string[] },
): boolean =>
  canEditWallboards(p) && (selection.kind === "queues" ? coversQueues(p, selection.values) : liveReach(p).kind === "all");

/**
 * Opening a saved board: whoever reads live data (its numbers are still those
 * of their reach: lib/wallboards/view.ts); a kiosk link only its own board.
 */
export const canReadWallboard = (p: Principal | null | undefined, wallboardId: string): boolean =>
  p?.kind === "kiosk" ? p.wallboardId === wallboardId : canReadLive(p);

/** Alert rules and their history (`/admin/alerts`): signed-in admins, managers and supervisors, never a key. */
export const canManageAlerts = (p: Principal | null | undefined): boolean =>
  isActiveUser(p) && (p.role === "admin" || p.role === "manager" || p.role === "supervisor");

/** Scheduled reports (`/reports/schedules`): signed-in admins and managers, never a key. */
export const canManageReportSchedules = (p: Principal | null | undefined): boolean =>
  isActiveUser(p) && (p.role === "admin" || p.role === "manager");

/**
 * May `p` create, change or delete a rule on `scope`? Only on a scope they may
 * view live, so a supervisor limited to queues sets rules on those queues (or
 * on agents serving them). A change needs this for the rule as stored and as sent.
 */
export const canEditAlertRule = (p: Principal | null | undefined, scope: string, ctx: PermissionContext = {}): boolean =>
  canManageAlerts(p) && canViewScope(p, scope, ctx);
