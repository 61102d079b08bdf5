import { createHash } from "node:crypto";

const MAX_ID = 200;

/**
 * Deterministic ids for derived events: the same record always yields the same
 * ids, so a re-delivered record is a duplicate. Parts joined with ":", hashed
 * past the schema's 200-character limit (Connect allows 256-character ContactIds).
 */
export function stableId(prefix: string, ...parts: (string | number)[]): string {
  const id = [prefix, ...parts].join(":");
  return id.length <= MAX_ID ? id : `${prefix}:sha256:${createHash("sha256").update(id).digest("hex")}`;
}

/** A ContactId as a Vigie contactId (hashed when too long, identically for CTRs and agent events). */
export function contactKey(contactId: string): string {
  return contactId.length <= MAX_ID ? contactId : `sha256:${createHash("sha256").update(contactId).digest("hex")}`;
}

/** The last path segment of an ARN (…/queue/<id>), a fallback label. */
export function arnTail(arn: string | null | undefined): string | undefined {
  const tail = arn?.split("/").pop()?.trim();
  return tail && tail.length <= MAX_ID ? tail : undefined;
}

/** At most `max` characters, never splitting a surrogate pair. */
export function clip(s: string, max = MAX_ID): string {
  return s.length <= max ? s : Array.from(s).slice(0, max).join("").slice(0, max).replace(/[\ud800-\udbff]$/, "");
}
