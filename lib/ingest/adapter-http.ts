import type { IncomingMessage, ServerResponse } from "node:http";
import { bearerToken } from "../auth/keys";
import type { Env } from "../env";
import { HttpError, methodNotAllowed, toHttpError, unauthorized } from "../http/errors";
import { sendJson } from "../http/send";
import { readBody } from "./http-handler";
import type { IngestResult } from "./ingest";
import type { BodyItem } from "./parse-body";

/**
 * The adapters' endpoints (`/api/ingest/<format>`), served by server.ts ahead
 * of Next like `POST /api/events`: each adapter turns its public format into
 * CONTRACT §2 candidate events, and the one ingest operation validates,
 * deduplicates and stores them before the answer. An adapter is pure
 * translation plus, at most, its own authentication (Twilio signs requests).
 *
 * Add one to `ADAPTER_ENDPOINTS` in ./adapter-endpoints.ts; the translations live in lib/events/adapters/.
 */

export interface AdapterRequest {
  method: string;
  /** Lower-cased header names, as Node gives them. */
  headers: IncomingMessage["headers"];
  /** The URL the caller used: VIGIE_PUBLIC_URL's origin when set, else the Host header's, plus path and query. */
  url: URL;
  body: string;
}

export interface AdapterAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface AdapterContext {
  env: Env;
  ingest: (items: BodyItem[]) => Promise<IngestResult>;
}

export interface AdapterEndpoint {
  /** Exact path, e.g. `/api/ingest/asterisk`. */
  path: string;
  /** `bearer`: an ingest key is required, checked first. `none`: the adapter authenticates the request itself. */
  auth: "bearer" | "none";
  handle: (req: AdapterRequest, ctx: AdapterContext) => Promise<AdapterAnswer>;
}

export interface AdapterHttpDeps extends AdapterContext {
  maxBytes: number;
  authorize: (token: string) => Promise<boolean>;
  onError?: (e: unknown) => void;
}

export function adapterHandler(endpoints: readonly AdapterEndpoint[], deps: AdapterHttpDeps) {
  const byPath = new Map(endpoints.map((e) => [e.path, e]));
  return {
    handles: (path: string) => byPath.has(path),
    serve: async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      const url = requestUrl(req, deps.env);
      const endpoint = byPath.get(url.pathname)!;
      try {
        if (endpoint.auth === "bearer") {
          const token = bearerToken(req.headers.authorization);
          if (!token || !(await deps.authorize(token))) throw unauthorized();
        }
        if (req.method !== "POST") throw methodNotAllowed("POST");
        const encoding = (req.headers["content-encoding"] ?? "identity").toLowerCase();
        if (encoding !== "identity") throw new HttpError(415, `unsupported Content-Encoding ${encoding}`);
        const body = await readBody(req, deps.maxBytes);
        const answer = await endpoint.handle({ method: req.method, headers: req.headers, url, body }, deps);
        sendJson(res, answer.status, answer.body, answer.headers);
      } catch (e) {
        const err = toHttpError(e);
        if (err.status >= 500) deps.onError?.(e);
        const close = err.status === 413 || (err.status < 500 && !req.complete);
        sendJson(res, err.status, { error: err.message }, { ...err.headers, ...(close ? { connection: "close" } : {}) });
        if (close) res.once("finish", () => req.destroy());
      }
    },
  };
}

function requestUrl(req: IncomingMessage, env: Pick<Env, "VIGIE_PUBLIC_URL">): URL {
  const origin = env.VIGIE_PUBLIC_URL ?? `http://${req.headers.host ?? "localhost"}`;
  return new URL(req.url ?? "/", origin);
}
