import "server-only";
import { z } from "zod";
import { HttpError } from "../http/errors";
import { UserConflictError, UserNotFoundError } from "../auth/users";
import type { Principal } from "../auth/permissions";
import { guard } from "../server/http-guard";
import { serverContext, type ServerContext } from "../server/context";

/**
 * The admin routes' shared frame (STYLE §1, §5, §6): origin check for changes,
 * identity, the named permission check, zod validation, and one mapping of
 * errors to answers. Routes stay thin: they call one lib/auth or lib/admin
 * function. Why route handlers rather than server actions: Next lets a server
 * action through when the request has no Origin header at all; here a change
 * needs a trusted Origin (or Referer), as `isSameOriginRequest` decides.
 */

export class ValidationError extends HttpError {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(400, `${field}: ${reason}`);
  }
}

const MAX_BODY_BYTES = 64 * 1024;

function fromZod(error: z.ZodError): ValidationError {
  const issue = error.issues[0];
  return new ValidationError(issue?.path.length ? issue.path.join(".") : "body", issue?.message ?? "invalid");
}

/** The request's JSON body, validated; a 400 naming the field and the reason otherwise. */
export async function readBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new HttpError(413, `body is larger than ${MAX_BODY_BYTES} bytes`);
  let json: unknown;
  try {
    json = text === "" ? {} : JSON.parse(text);
  } catch {
    throw new ValidationError("body", "is not valid JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw fromZod(parsed.error);
  return parsed.data;
}

export function errorResponse(e: unknown): Response {
  if (e instanceof ValidationError) return Response.json({ error: e.message, field: e.field, reason: e.reason }, { status: 400 });
  if (e instanceof z.ZodError) return errorResponse(fromZod(e));
  if (e instanceof UserConflictError) return Response.json({ error: e.message, field: e.field }, { status: 409 });
  if (e instanceof UserNotFoundError) return Response.json({ error: e.message }, { status: 404 });
  if (e instanceof HttpError) return Response.json({ error: e.message }, { status: e.status, headers: e.headers });
  console.error("[vigie] admin route failed:", e);
  return Response.json({ error: "internal error" }, { status: 500 });
}

export interface RouteContext<P> {
  req: Request;
  principal: Principal;
  params: P;
  server: ServerContext;
}

/**
 * Wraps a route handler: `guard` first (401 anonymous, 403 cross-site change or
 * refused by `allow`), then maps what the handler throws.
 * `allow` is a named check from permissions.ts; handlers that depend on the
 * target (a kiosk link's creator) check again inside.
 */
export function guarded<P>(allow: (p: Principal) => boolean, handler: (ctx: RouteContext<P>) => Promise<Response>) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const who = await guard(req, allow);
      if (who instanceof Response) return who;
      const server = serverContext();
      const res = await handler({ req, principal: who.principal, params: await route.params, server });
      res.headers.set("cache-control", "no-store");
      return res;
    } catch (e) {
      return errorResponse(e);
    }
  };
}
