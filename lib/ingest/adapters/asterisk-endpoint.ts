import { z } from "zod";
import { translateQueueLog } from "../../events/adapters/asterisk";
import { describeIssues } from "../../events/schema";
import { badRequest, unsupportedMediaType } from "../../http/errors";
import type { AdapterEndpoint } from "../adapter-http";

/** Text bodies: queue_log lines, or a database export with its header line. */
const TEXT_TYPES = new Set(["", "text/plain", "text/csv", "application/csv", "text/tab-separated-values", "application/octet-stream"]);

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
const query = z.object({
  timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as Europe/Paris").optional(),
});

/**
 * `POST /api/ingest/asterisk` (docs/integrations/asterisk.md): a queue_log text
 * → events, through the one ingest operation. Answers 202 with CONTRACT §2's
 * counts, `rejected[].index` being the body's line number (from 1), plus the
 * lines that gave no event, by reason.
 */
export const asteriskEndpoint: AdapterEndpoint = {
  path: "/api/ingest/asterisk",
  auth: "bearer",
  handle: async (req, ctx) => {
    const mime = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    if (!TEXT_TYPES.has(mime)) throw unsupportedMediaType(`unsupported content type ${mime}; send queue_log lines as text/plain (or a database export as text/csv)`);
    const params = Object.fromEntries(req.url.searchParams);
    const q = query.safeParse(params);
    if (!q.success) throw badRequest(describeIssues(q.error.issues, params));
    if (req.body.trim() === "") throw badRequest("empty body");

    const t = translateQueueLog(req.body, { timeZone: q.data.timeZone ?? ctx.env.VIGIE_TIMEZONE });
    const result = await ctx.ingest(t.events.map(({ event }) => ({ ok: true, value: event })));
    const rejected = result.rejected.map(({ index, error }) => ({ index: t.events[index]!.line, error: `${t.events[index]!.event.type}: ${error}` }));
    return { status: 202, body: { accepted: result.accepted, duplicates: result.duplicates, rejected, skipped: t.skipped } };
  },
};
