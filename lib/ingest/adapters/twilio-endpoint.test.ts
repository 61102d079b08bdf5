import { describe, expect, it, vi } from "vitest";
import callbacks from "../../events/adapters/twilio/fixtures/taskrouter-callbacks.json";
import { parseForm } from "../../events/adapters/twilio/callback";
import { twilioSignature } from "../../events/adapters/twilio/signature";
import { loadEnv } from "../../env";
import type { AdapterContext, AdapterRequest } from "../adapter-http";
import type { BodyItem } from "../parse-body";
import { twilioEndpoint } from "./twilio-endpoint";

const TOKEN = "0123456789abcdef0123456789abcdef";
const URL_ = new URL("https://vigie.example.com/api/ingest/twilio");
const fixture = callbacks as unknown as Record<string, string>[];
const canceled = fixture.find((c) => c.EventType === "task.canceled")!;

function context(token: string | null = TOKEN) {
  const ingest = vi.fn(async (items: BodyItem[]) => ({ accepted: items.length, duplicates: 0, rejected: [] }));
  const ctx: AdapterContext = { env: loadEnv(token ? { VIGIE_TWILIO_AUTH_TOKEN: token } : {}), ingest };
  return { ctx, ingest };
}

function request(params: Record<string, string>, headers: Record<string, string> = {}): AdapterRequest {
  const body = new URLSearchParams(params).toString();
  return {
    method: "POST",
    url: URL_,
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
      "x-twilio-signature": twilioSignature(TOKEN, URL_.toString(), parseForm(body)),
      ...headers,
    },
  };
}

describe("POST /api/ingest/twilio (handler)", () => {
  it("maps a signed callback and answers 200 with the ingest counts", async () => {
    const { ctx, ingest } = context();
    const a = await twilioEndpoint.handle(request(canceled), ctx);
    expect(a).toEqual({ status: 200, body: { accepted: 1, duplicates: 0, rejected: [], skipped: 0 } });
    expect(ingest.mock.calls[0]![0]).toEqual([{ ok: true, value: expect.objectContaining({ type: "contact.abandoned", contactId: canceled.TaskSid }) }]);
  });

  it("answers 200 {ignored} for an event type it does not map, storing nothing", async () => {
    const { ctx, ingest } = context();
    const a = await twilioEndpoint.handle(request(fixture.find((c) => c.EventType === "reservation.created")!), ctx);
    expect(a).toEqual({ status: 200, body: { accepted: 0, duplicates: 0, rejected: [], skipped: 1, ignored: "reservation.created" } });
    expect(ingest).not.toHaveBeenCalled();
  });

  it("403 without a signature or with a wrong one, before anything is stored", async () => {
    const { ctx, ingest } = context();
    await expect(twilioEndpoint.handle(request(canceled, { "x-twilio-signature": "" }), ctx)).rejects.toMatchObject({ status: 403, message: /missing/ });
    const forged = request(canceled);
    forged.body = forged.body.replace("hangup", "other");
    await expect(twilioEndpoint.handle(forged, ctx)).rejects.toMatchObject({ status: 403, message: /invalid X-Twilio-Signature/ });
    const otherToken = request(canceled, { "x-twilio-signature": twilioSignature("f".repeat(32), URL_.toString(), parseForm(request(canceled).body)) });
    await expect(twilioEndpoint.handle(otherToken, ctx)).rejects.toMatchObject({ status: 403 });
    expect(ingest).not.toHaveBeenCalled();
  });

  it("415 for a body that is not form-encoded", async () => {
    const { ctx } = context();
    await expect(twilioEndpoint.handle(request(canceled, { "content-type": "application/json" }), ctx)).rejects.toMatchObject({ status: 415 });
  });

  it("503 with a clear message while VIGIE_TWILIO_AUTH_TOKEN is unset", async () => {
    const { ctx, ingest } = context(null);
    await expect(twilioEndpoint.handle(request(canceled), ctx)).rejects.toMatchObject({ status: 503, message: /VIGIE_TWILIO_AUTH_TOKEN/ });
    expect(ingest).not.toHaveBeenCalled();
  });

  it("reports a callback it cannot map as rejected, still 200 (Twilio resending it would not help)", async () => {
    const { ctx } = context();
    const { TaskSid: _t, ...noTask } = canceled;
    const a = await twilioEndpoint.handle(request(noTask), ctx);
    expect(a).toEqual({ status: 200, body: { accepted: 0, duplicates: 0, rejected: [{ index: 0, error: "TaskSid: is required" }], skipped: 0 } });
  });
});
