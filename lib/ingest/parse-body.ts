import { badRequest, unsupportedMediaType } from "../http/errors";

/** One item of a request body: a decoded JSON value, or why its line could not be decoded. */
export type BodyItem = { ok: true; value: unknown } | { ok: false; error: string };

const JSON_TYPES = new Set(["application/json"]);
const NDJSON_TYPES = new Set(["application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines"]);

export type BodyFormat = "json" | "ndjson";

/** The body format for a Content-Type header, or a 415. */
export function bodyFormat(contentType: string | undefined): BodyFormat {
  const mime = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (JSON_TYPES.has(mime) || (mime.startsWith("application/") && mime.endsWith("+json"))) return "json";
  if (NDJSON_TYPES.has(mime)) return "ndjson";
  throw unsupportedMediaType(
    mime ? `unsupported content type ${mime}; use application/json or application/x-ndjson` : "missing Content-Type; use application/json or application/x-ndjson",
  );
}

/**
 * Splits a body into items (CONTRACT §2): a JSON object or array, or NDJSON
 * whose n-th non-empty line is item n. A JSON body that does not parse is a
 * 400; an NDJSON line that does not parse is that item's own error.
 */
export function parseBody(format: BodyFormat, text: string): BodyItem[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") throw badRequest("empty body");
  if (format === "json") {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw badRequest(`body is not valid JSON: ${(e as Error).message}`);
    }
    if (Array.isArray(value)) return value.map((v) => ({ ok: true, value: v }));
    if (typeof value === "object" && value !== null) return [{ ok: true, value }];
    throw badRequest("body must be an event object or an array of events");
  }
  const items: BodyItem[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      items.push({ ok: true, value: JSON.parse(line) });
    } catch (e) {
      items.push({ ok: false, error: `invalid JSON: ${(e as Error).message}` });
    }
  }
  return items;
}
