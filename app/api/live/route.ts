import { z } from "zod";
import { canReadLive, canViewScope } from "@/lib/auth/permissions";
import { describeIssues } from "@/lib/events/schema";
import { scopeSchema, windowSchema } from "@/lib/metrics/scope";
import { serverContext } from "@/lib/server/context";
import { guard, refuse } from "@/lib/server/http-guard";

export const dynamic = "force-dynamic";

const query = z.object({ scope: scopeSchema.default("all"), window: windowSchema.default("today") });

/** CONTRACT §3: the same snapshot the socket pushes, to the readers §6 allows. */
export async function GET(req: Request) {
  const who = await guard(req, canReadLive);
  if (who instanceof Response) return who;
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = query.safeParse(params);
  if (!parsed.success) return Response.json({ error: describeIssues(parsed.error.issues, params) }, { status: 400 });
  const ctx = serverContext();
  if (!canViewScope(who.principal, parsed.data.scope, { queuesOfAgent: ctx.queuesOfAgent })) return refuse(403, "not allowed");
  return Response.json(ctx.hub.snapshot(parsed.data), { headers: { "cache-control": "no-store" } });
}
