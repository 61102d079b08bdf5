import "server-only";
import { canIngest } from "../auth/permissions";
import { identifyBearer } from "../auth/identify";
import { bearerToken } from "../auth/keys";
import { HttpError, StorageUnavailableError, unauthorized } from "../http/errors";
import type { IngestResult } from "../ingest/ingest";
import type { BodyItem } from "../ingest/parse-body";
import { serverContext, type ServerContext } from "../server/context";

/**
 * The frame of the adapters' routes (`/api/ingest/<format>`): each adapter
 * turns its format into CONTRACT §2 candidate events, and the one ingest
 * operation validates, deduplicates and stores them before the answer.
 *
 *   export const POST = adapterRoute({ auth: "bearer" }, async (req, { ingest }) => { … });
 *
 * `auth: "bearer"` accepts an ingest key (VIGIE_INGEST_KEY or an admin-created
 * `ingest` key), checked first; adapters whose caller cannot send a bearer key
 * (Twilio signs its requests) pass `auth: "none"` and verify their own way.
 */
export interface AdapterTools {
  server: ServerContext;
  ingest: (items: BodyItem[]) => Promise<IngestResult>;
}

export function adapterRoute(
  opts: { auth: "bearer" | "none" },
  handler: (req: Request, tools: AdapterTools) => Promise<Response>,
): (req: Request) => Promise<Response> {
  return async (req) => {
    try {
      const server = serverContext();
      if (opts.auth === "bearer") {
        const token = bearerToken(req.headers.get("authorization") ?? undefined);
        let ok = false;
        try {
          ok = !!token && canIngest(await identifyBearer(server.database.db, server.keys, token));
        } catch (e) {
          throw new StorageUnavailableError(e);
        }
        if (!ok) throw unauthorized();
      }
      if (!server.accepting()) throw new HttpError(503, "shutting down; nothing was stored, retry later", { "retry-after": "1" });
      const res = await handler(req, { server, ingest: server.ingest });
      res.headers.set("cache-control", "no-store");
      return res;
    } catch (e) {
      return adapterError(e);
    }
  };
}

export function adapterError(e: unknown): Response {
  if (e instanceof HttpError) return Response.json({ error: e.message }, { status: e.status, headers: { "cache-control": "no-store", ...e.headers } });
  console.error("[vigie] adapter route failed:", e);
  return Response.json({ error: "storage unavailable or internal error; nothing was acknowledged, retry later" }, { status: 500, headers: { "cache-control": "no-store" } });
}
