/**
 * The Vigie agent id of a queue member as queue_log names it (the member name,
 * which defaults to the interface):
 * - `Local/1001@from-queue/n` (FreePBX, Issabel) → `1001`: the extension before `@`;
 * - `SIP/1001`, `PJSIP/1001`, `IAX2/1001`, `Agent/1001` → `1001`: what follows the technology;
 * - anything else (a name given with `membername`, e.g. `Alice Martin`) → itself.
 * So one person keeps one id whether a line names their Local channel or their phone.
 * `NONE` and empty mean no member.
 */
export function agentIdOf(member: string): string | undefined {
  const m = member.trim();
  if (m === "" || m.toUpperCase() === "NONE") return undefined;
  const local = /^local\/([^@/]+)@/i.exec(m);
  if (local) return local[1]!.trim() || undefined;
  const tech = /^[a-z][a-z0-9_]*\/(.+)$/i.exec(m);
  if (tech) return tech[1]!.trim() || undefined;
  return m;
}
