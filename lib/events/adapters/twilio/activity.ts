import type { AgentState } from "../../schema";

/**
 * A TaskRouter Activity (by its friendly name) as a Vigie agent state. The names
 * are those of TaskRouter's default workspaces (Available, Unavailable, Offline;
 * older templates: Idle, Busy, Reserved, WrapUp); any other activity is a pause
 * whose reason is the activity's name.
 */
const BY_NAME = new Map<string, AgentState>(Object.entries({
  available: "available",
  idle: "available",
  offline: "offline",
  busy: "busy",
  reserved: "busy",
  wrapup: "wrap-up",
  "wrap-up": "wrap-up",
  "wrap up": "wrap-up",
  wrapping: "wrap-up",
} satisfies Record<string, AgentState>));

export function activityState(activity: string): { state: AgentState; reason?: string } {
  const state = BY_NAME.get(activity.trim().toLowerCase());
  return state ? { state } : { state: "paused", reason: activity.trim() };
}
