/**
 * The agentId of an `/agents/<id>` path segment, or null when it cannot be one.
 * Next may hand the segment still percent-encoded (non-ASCII ids), so it is
 * decoded once, tolerating a literal "%" that decodes to nothing.
 */
export function agentIdParam(segment: string): string | null {
  let id = segment;
  try {
    id = decodeURIComponent(segment);
  } catch {
    // A literal "%": the segment is the id.
  }
  return id.length > 0 && id.length <= 200 ? id : null;
}
