/**
 * One typed error hierarchy, mapped to HTTP answers in one place. Error bodies
 * are `{"error": "…"}` (CONTRACT §2).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (m: string) => new HttpError(400, m);
export const unauthorized = (m = "missing or invalid bearer key") =>
  new HttpError(401, m, { "www-authenticate": 'Bearer realm="vigie"' });
export const forbidden = (m = "not allowed") => new HttpError(403, m);
export const notFound = (m = "not found") => new HttpError(404, m);
export const methodNotAllowed = (allow: string) => new HttpError(405, `method not allowed; use ${allow}`, { allow });
export const payloadTooLarge = (max: number) => new HttpError(413, `body is larger than ${max} bytes`);
export const unsupportedMediaType = (m: string) => new HttpError(415, m);

/** Storage could not be reached: nothing was acknowledged, the sender retries. */
export class StorageUnavailableError extends HttpError {
  constructor(cause?: unknown) {
    super(503, "storage unavailable; nothing was stored, retry later", { "retry-after": "1" });
    this.cause = cause;
  }
}

export function toHttpError(e: unknown): HttpError {
  if (e instanceof HttpError) return e;
  return new HttpError(500, "internal error");
}
