import { guarded } from "@/lib/admin/http";
import { canReadReports, reportFilter } from "@/lib/auth/permissions";
import { contactSearchSchema, searchContacts } from "@/lib/reports/search";

export const dynamic = "force-dynamic";

/** `GET /api/contacts?search=<contact id or customer id>&limit=`: matching contacts the reader may see, newest first. */
export const GET = guarded(canReadReports, async ({ req, principal, server }) => {
  const q = contactSearchSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const contacts = await searchContacts(server.database, q.search, reportFilter(principal)!, q.limit);
  return Response.json({ search: q.search, contacts });
});
