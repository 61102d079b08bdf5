import { z } from "zod";
import { describeIssues } from "@/lib/events/schema";
import { scopeSchema, windowSchema } from "@/lib/metrics/scope";
import { serverContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

const query = z.object({ scope: scopeSchema.default("all"), window: windowSchema.default("today") });

/** CONTRACT §3: the same snapshot the socket pushes. */
export async function GET(req: Request) {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = query.safeParse(params);
  if (!parsed.success) return Response.json({ error: describeIssues(parsed.error.issues, params) }, { status: 400 });
  return Response.json(serverContext().hub.snapshot(parsed.data), { headers: { "cache-control": "no-store" } });
}
