import { firstValues, parseForm } from "../../events/adapters/twilio/callback";
import { mapTwilioCallback } from "../../events/adapters/twilio/map-callback";
import { isValidTwilioSignature } from "../../events/adapters/twilio/signature";
import { forbidden, HttpError, unsupportedMediaType } from "../../http/errors";
import type { AdapterEndpoint } from "../adapter-http";

/**
 * `POST /api/ingest/twilio`: TaskRouter's event callbacks (docs/integrations/twilio.md).
 * No bearer key (Twilio cannot send one): the request must carry a valid
 * X-Twilio-Signature for VIGIE_TWILIO_AUTH_TOKEN, checked before anything is
 * mapped or stored. Answers 200 (Twilio only needs a 2xx) with the ingest
 * counts, also for event types deliberately ignored; 403 for a bad signature;
 * 503 when not configured or when storage is down (nothing acknowledged).
 */
export const twilioEndpoint: AdapterEndpoint = {
  path: "/api/ingest/twilio",
  auth: "none",
  handle: async (req, ctx) => {
    const token = ctx.env.VIGIE_TWILIO_AUTH_TOKEN;
    if (!token) throw new HttpError(503, "the Twilio adapter is not configured: set VIGIE_TWILIO_AUTH_TOKEN to the account's Auth Token");
    const signature = req.headers["x-twilio-signature"];
    if (typeof signature !== "string" || signature === "") throw forbidden("missing X-Twilio-Signature");
    const mime = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    if (mime !== "application/x-www-form-urlencoded") {
      throw unsupportedMediaType("TaskRouter event callbacks are application/x-www-form-urlencoded");
    }
    const form = parseForm(req.body);
    if (!isValidTwilioSignature(token, signature, req.url, form)) {
      throw forbidden("invalid X-Twilio-Signature (VIGIE_PUBLIC_URL must be the origin of the callback URL set in Twilio)");
    }
    const mapped = mapTwilioCallback(firstValues(form), Date.now());
    const result = mapped.events.length > 0 ? await ctx.ingest(mapped.events.map((value) => ({ ok: true, value }))) : undefined;
    return {
      status: 200,
      body: {
        accepted: result?.accepted ?? 0,
        duplicates: result?.duplicates ?? 0,
        rejected: [...mapped.rejected, ...(result?.rejected.map((r) => ({ index: 0, error: r.error })) ?? [])],
        skipped: mapped.ignored ? 1 : 0,
        ...(mapped.ignored && { ignored: mapped.ignored }),
      },
    };
  },
};
