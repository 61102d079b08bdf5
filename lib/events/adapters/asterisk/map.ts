import type { Mapped } from "./candidate";
import { mapCall } from "./map-call";
import { mapMember } from "./map-member";
import type { MemberTracker } from "./members";
import type { QueueLogRecord } from "./record";
import { verbLabel } from "./skips";
import { NOT_MAPPED } from "./verbs";

const CALL_VERBS: ReadonlySet<string> = new Set([
  "ENTERQUEUE", "CONNECT", "COMPLETECALLER", "COMPLETEAGENT", "ABANDON", "EXITWITHTIMEOUT", "EXITEMPTY",
  "EXITWITHKEY", "WITHDRAW", "TRANSFER", "BLINDTRANSFER", "ATTENDEDTRANSFER",
]);
const MEMBER_VERBS: ReadonlySet<string> = new Set([
  "AGENTLOGIN", "AGENTLOGOFF", "AGENTCALLBACKLOGIN", "AGENTCALLBACKLOGOFF", "ADDMEMBER", "REMOVEMEMBER",
  "PAUSE", "UNPAUSE", "PAUSEALL", "UNPAUSEALL",
]);

/**
 * One record → its events (see docs/integrations/asterisk.md for the table).
 * `members` is the fold of the records before this one, updated here.
 */
export function mapRecord(r: QueueLogRecord, members: MemberTracker): Mapped {
  if (CALL_VERBS.has(r.verb)) return mapCall(r, members);
  if (MEMBER_VERBS.has(r.verb)) return mapMember(r, members);
  if (NOT_MAPPED.has(r.verb)) return { skip: `not-mapped:${r.verb}` };
  // Dialplans write their own verbs with QueueLog() (FreePBX: DID, INFO…).
  return { skip: `unknown-verb:${verbLabel(r.verb)}` };
}
