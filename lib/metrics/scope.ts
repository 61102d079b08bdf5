import { z } from "zod";

/** A scope names what a snapshot covers (CONTRACT §3). */
export type Scope = "all" | `queue:${string}` | `agent:${string}` | `channel:${string}`;
export const WINDOWS = ["today", "1h", "15m"] as const;
export type WindowId = (typeof WINDOWS)[number];

export const scopeSchema = z
  .string()
  .max(220)
  .regex(/^(all|(queue|agent|channel):.+)$/, 'must be "all", "queue:<name>", "agent:<id>" or "channel:<name>"')
  .transform((s) => s as Scope);
export const windowSchema = z.enum(WINDOWS, { message: "must be today, 1h or 15m" });

export const queueScope = (q: string): Scope => `queue:${q}`;
export const agentScope = (a: string): Scope => `agent:${a}`;
export const channelScope = (c: string): Scope => `channel:${c}`;

export function parseScope(scope: Scope): { kind: "all" } | { kind: "queue" | "agent" | "channel"; key: string } {
  if (scope === "all") return { kind: "all" };
  const i = scope.indexOf(":");
  return { kind: scope.slice(0, i) as "queue" | "agent" | "channel", key: scope.slice(i + 1) };
}

/** Which agents' time counts in a scope; null where agents do not apply (channels). */
export function agentFilter(scope: Scope): ((agentId: string, queues: readonly string[]) => boolean) | null {
  const p = parseScope(scope);
  switch (p.kind) {
    case "all":
      return () => true;
    case "agent":
      return (id) => id === p.key;
    case "queue":
      return (_id, queues) => queues.includes(p.key);
    case "channel":
      return null;
  }
}
