import type { IncomingMessage, ServerResponse } from "node:http";
import { bearerToken } from "../auth/keys";
import { methodNotAllowed, payloadTooLarge, toHttpError, unauthorized, unsupportedMediaType } from "../http/errors";
import { sendJson } from "../http/send";
import type { IngestResult } from "./ingest";
import { bodyFormat, parseBody, type BodyItem } from "./parse-body";

export interface IngestHttpDeps {
  maxBytes: number;
  /** Whether a bearer key may ingest (false when no key is configured at all). */
  authorize: (token: string) => boolean | Promise<boolean>;
  ingest: (items: BodyItem[]) => Promise<IngestResult>;
  onError?: (e: unknown) => void;
}

/**
 * `POST /api/events`, served by server.ts ahead of Next's router: a plain Node
 * handler is ~25× faster than a route handler here. Order of checks (CONTRACT
 * §2: authentication first): key, method, content type, size, body.
 */
export function ingestHandler(deps: IngestHttpDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const token = bearerToken(req.headers.authorization);
      if (!token || !(await deps.authorize(token))) throw unauthorized();
      if (req.method !== "POST") throw methodNotAllowed("POST");
      const format = bodyFormat(req.headers["content-type"]);
      const encoding = (req.headers["content-encoding"] ?? "identity").toLowerCase();
      if (encoding !== "identity") throw unsupportedMediaType(`unsupported Content-Encoding ${encoding}`);
      const text = await readBody(req, deps.maxBytes);
      const result = await deps.ingest(parseBody(format, text));
      sendJson(res, 202, result);
    } catch (e) {
      const err = toHttpError(e);
      if (err.status >= 500) deps.onError?.(e);
      // After a refused upload the rest of the body is not read: close the connection.
      const close = err.status === 413 || (err.status < 500 && !req.complete);
      sendJson(res, err.status, { error: err.message }, { ...err.headers, ...(close ? { connection: "close" } : {}) });
      if (close) res.once("finish", () => req.destroy());
    }
  };
}

/** The request body as text, refused with a 413 past `max` bytes (declared or streamed). */
export function readBody(req: IncomingMessage, max: number): Promise<string> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > max) return Promise.reject(payloadTooLarge(max));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.off("data", onData);
        reject(payloadTooLarge(max));
        return;
      }
      chunks.push(c);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}
