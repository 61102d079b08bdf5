import { parseScope, type Scope, type WindowId } from "../metrics/scope";
import type { Comparator, Severity } from "./rule";

/** An alert firing now, as pushed to wallboards (`alerts` socket event). Client-safe: types and pure helpers only. */
export interface ActiveAlert {
  /** `<ruleId>`, or `<ruleId>|<agentId>` for an agent condition. */
  key: string;
  ruleId: string;
  ruleName: string;
  metric: string;
  scope: Scope;
  window: WindowId;
  comparator: Comparator;
  threshold: number;
  forSeconds: number;
  severity: Severity;
  /** The agent an agent condition fired for; null for a scope's number. */
  subject: string | null;
  /** ISO instant the condition became true. */
  since: string;
  /** ISO instant it fired (since + forSeconds, to the second). */
  firedAt: string;
  /** Latest value (refreshed every few seconds while it fires). */
  value: number | null;
  /** Worst value so far. */
  peak: number | null;
}

export interface AlertsPayload {
  at: string;
  /** Every active alert the socket may see, critical first, then oldest first. */
  alerts: ActiveAlert[];
}

export const alertKey = (ruleId: string, subject: string | null): string => (subject === null ? ruleId : `${ruleId}|${subject}`);

/** The live scope a reader must be allowed to view to see this alert: the agent's for an agent condition. */
export const visibilityScope = (a: Pick<ActiveAlert, "scope" | "subject">): Scope => (a.subject === null ? a.scope : `agent:${a.subject}`);

export function sortAlerts(alerts: ActiveAlert[]): ActiveAlert[] {
  const rank = (a: ActiveAlert) => (a.severity === "critical" ? 0 : 1);
  return alerts.sort((a, b) => rank(a) - rank(b) || a.firedAt.localeCompare(b.firedAt) || a.key.localeCompare(b.key));
}

/**
 * Does an alert belong on a board of `board` scope? Every alert the reader may
 * see shows on a center-wide board; on a narrower board, alerts about other
 * queues or channels stay off, center-wide and agent alerts stay on (the server
 * already left out what the reader may not see).
 */
export function concernsBoard(board: Scope, a: Pick<ActiveAlert, "scope">): boolean {
  if (board === "all") return true;
  const b = parseScope(board);
  const s = parseScope(a.scope);
  if (s.kind === "all" || s.kind === "agent") return true;
  if (s.kind === "channel") return b.kind === "channel" && b.key === s.key;
  const boardQueues = b.kind === "queue" ? [b.key] : b.kind === "queues" ? b.keys : [];
  const alertQueues = s.kind === "queues" ? s.keys : [s.key];
  return alertQueues.some((q) => boardQueues.includes(q));
}

/** The severity a tile of `metric` on a `board` board shows: the worst alert on exactly that number, or null. */
export function tileSeverity(alerts: readonly ActiveAlert[], board: Scope, metric: string): Severity | null {
  let worst: Severity | null = null;
  for (const a of alerts) {
    if (a.metric !== metric || a.scope !== board || a.subject !== null) continue;
    if (a.severity === "critical") return "critical";
    worst = "warning";
  }
  return worst;
}
