import { z } from "zod";
import type { AgentFilter } from "./agent-time";

/**
 * A scope names what a snapshot covers (CONTRACT §3), plus `queues:<q1>,<q2>`:
 * several queues summed (each name URI-encoded, sorted), for boards and readers
 * that cover a set of queues.
 */
export type Scope = "all" | `queue:${string}` | `agent:${string}` | `channel:${string}` | `queues:${string}`;
export const WINDOWS = ["today", "1h", "15m"] as const;
export type WindowId = (typeof WINDOWS)[number];

const SCOPE_FORM = /^(all|(queue|agent|channel|queues):.+)$/;

/** Whether a string is a well-formed scope (what `scopeSchema` accepts), without zod: permission checks call it often. */
export function isScope(s: string): s is Scope {
  return s.length <= 220 && SCOPE_FORM.test(s) && (!s.startsWith("queues:") || queuesOf(s).every((q) => q.length > 0));
}

export const scopeSchema = z
  .string()
  .max(220)
  .regex(SCOPE_FORM, 'must be "all", "queue:<name>", "agent:<id>", "channel:<name>" or "queues:<name>,<name>"')
  .refine((s) => !s.startsWith("queues:") || queuesOf(s).every((q) => q.length > 0), "queues:<name>,<name> names a queue badly")
  .transform((s) => s as Scope);
export const windowSchema = z.enum(WINDOWS, { message: "must be today, 1h or 15m" });

export const queueScope = (q: string): Scope => `queue:${q}`;
export const agentScope = (a: string): Scope => `agent:${a}`;
export const channelScope = (c: string): Scope => `channel:${c}`;

/** Several queues as one scope; a single queue stays `queue:<q>`. */
export function queuesScope(queues: readonly string[]): Scope {
  const sorted = [...new Set(queues)].sort();
  if (sorted.length === 1) return queueScope(sorted[0]!);
  return `queues:${sorted.map(encodeURIComponent).join(",")}`;
}

function queuesOf(scope: string): string[] {
  return scope
    .slice("queues:".length)
    .split(",")
    .map((q) => {
      try {
        return decodeURIComponent(q);
      } catch {
        return "";
      }
    });
}

export type ParsedScope =
  | { kind: "all" }
  | { kind: "queue" | "agent" | "channel"; key: string }
  | { kind: "queues"; keys: string[] };

export function parseScope(scope: Scope): ParsedScope {
  if (scope === "all") return { kind: "all" };
  if (scope.startsWith("queues:")) return { kind: "queues", keys: queuesOf(scope) };
  const i = scope.indexOf(":");
  return { kind: scope.slice(0, i) as "queue" | "agent" | "channel", key: scope.slice(i + 1) };
}

const members = new Map<Scope, Scope[]>();

/** The single-queue scopes whose contributions a scope sums (itself for the others); memoised, the hub asks 4 times a second per room. */
export function memberScopes(scope: Scope): Scope[] {
  let m = members.get(scope);
  if (!m) {
    const p = parseScope(scope);
    m = p.kind === "queues" ? p.keys.map(queueScope) : [scope];
    if (members.size > 10_000) members.clear();
    members.set(scope, m);
  }
  return m;
}

/** Which agents' time counts in a scope; null where agents do not apply (channels). */
export function agentFilter(scope: Scope): AgentFilter | null {
  const p = parseScope(scope);
  switch (p.kind) {
    case "all":
      return () => true;
    case "agent":
      return Object.assign((id: string) => id === p.key, { agent: p.key });
    case "queue":
      return (_id, queues) => queues.includes(p.key);
    case "queues":
      return (_id, queues) => queues.some((q) => p.keys.includes(q));
    case "channel":
      return null;
  }
}
