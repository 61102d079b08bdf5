import { serverContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/** CONTRACT §1: 200 once the server accepts events, 503 while its database is unreachable. */
export async function GET() {
  const ctx = serverContext();
  const ok = ctx.accepting() && (await ctx.health.healthy());
  return Response.json(ok ? { status: "ok" } : { status: "unavailable" }, {
    status: ok ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
