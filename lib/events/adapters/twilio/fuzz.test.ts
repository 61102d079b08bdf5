import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEvent } from "../../schema";
import { firstValues, parseForm } from "./callback";
import { mapTwilioCallback } from "./map-callback";

const NOW = Date.parse("2026-11-23T12:00:00Z");
const TYPES = [
  "task-queue.entered", "task.created", "reservation.accepted", "task.canceled", "task.wrapup", "reservation.wrapup",
  "task.completed", "reservation.completed", "task.transfer-initiated", "worker.activity.update", "reservation.created", "workflow.timeout",
];
const KEYS = [
  "EventType", "Sid", "ResourceSid", "Timestamp", "TimestampMs", "TaskSid", "TaskQueueName", "TaskAttributes",
  "TaskChannelUniqueName", "TaskCanceledReason", "WorkerSid", "WorkerName", "WorkerActivityName", "TransferType", "__proto__",
];

function expectValid(params: Record<string, string>): ReturnType<typeof mapTwilioCallback> {
  const r = mapTwilioCallback(params, NOW);
  for (const e of r.events) expect(parseEvent(e, NOW)).toMatchObject({ ok: true });
  return r;
}

describe("Twilio adapter under fuzzed input", () => {
  it("never throws and never produces an invalid event, whatever the parameters", () => {
    const value = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constantFrom(...TYPES), fc.integer({ min: 0, max: 2e12 }).map(String));
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), value), (params) => void expectValid(params)),
      { numRuns: 1000 },
    );
  });

  it("never throws on any form body", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (body) => void expectValid(firstValues(parseForm(body)))), { numRuns: 1000 });
  });

  it("maps every well-formed callback of a mapped type without rejecting it", () => {
    const text = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== "");
    const callback = fc.record({
      EventType: fc.constantFrom(...TYPES),
      Sid: fc.stringMatching(/^EV[0-9a-f]{32}$/),
      TimestampMs: fc.integer({ min: 0, max: NOW }).map(String),
      TaskSid: fc.stringMatching(/^WT[0-9a-f]{32}$/),
      TaskQueueName: text,
      TaskAttributes: fc.oneof(fc.json(), fc.string()),
      TaskChannelUniqueName: fc.constantFrom("voice", "chat", "sms", "default", "custom"),
      WorkerName: text,
      WorkerActivityName: text,
    });
    fc.assert(
      fc.property(callback, (c) => {
        const r = expectValid(c);
        expect(r.rejected).toEqual([]);
        expect(r.events.length > 0 || r.ignored === c.EventType).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
