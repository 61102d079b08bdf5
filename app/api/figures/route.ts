import { z } from "zod";
import { actorOf } from "@/lib/auth/audit";
import { canEditFigures, canViewFigures } from "@/lib/auth/permissions";
import { guarded, readBody, ValidationError } from "@/lib/admin/http";
import { historyRange, listPeriodFigures } from "@/lib/figures/history";
import { localDate, periodLabel, PERIOD_KINDS } from "@/lib/figures/period";
import { upsertPeriodFigures } from "@/lib/figures/upsert";

export const dynamic = "force-dynamic";

const query = z.object({
  kind: z.enum(PERIOD_KINDS).default("month"),
  from: z.string().optional(),
  to: z.string().optional(),
});

/** `?kind=month&from=2026-01&to=2026-12`: the periods with figures, newest first, with their KPIs. */
export const GET = guarded(canViewFigures, async ({ req, server }) => {
  const { kind, from, to } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  const range = historyRange(kind, localDate(new Date(), server.env.VIGIE_TIMEZONE), from, to);
  if ("field" in range) throw new ValidationError(range.field, range.reason);
  const periods = await listPeriodFigures(server.database.db, { kind, ...range });
  return Response.json({ kind, from: periodLabel(range.from), to: periodLabel(range.to), periods });
});

// The shape only: upsertPeriodFigures validates the period and each value (a 400 naming the field).
const body = z.object({ period: z.string(), values: z.record(z.string(), z.number().nullable()) }).strict();

/** `{"period": "2026-11", "values": {"marketingCosts": 6000, "salesCosts": null}}`: null clears a figure. */
export const PUT = guarded(canEditFigures, async ({ req, principal, server }) => {
  const input = await readBody(req, body);
  return Response.json(await upsertPeriodFigures(server.database.db, input, actorOf(principal)));
});
