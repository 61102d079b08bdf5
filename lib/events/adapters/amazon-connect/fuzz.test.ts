import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEvent } from "../../schema";
import { mapAgentEventRecords } from "./agent-batch";
import { mapCtrRecords } from "./ctr-batch";
import { expandRecords, type RecordItem } from "./records";

const NOW = Date.parse("2026-11-23T12:00:00Z");
const item = (value: unknown): RecordItem => ({ ok: true, value });

const time = fc.integer({ min: Date.parse("2020-01-01T00:00:00Z"), max: NOW }).map((ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z"));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const text = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 }));

const ctr = fc.record({
  ContactId: fc.oneof(fc.uuid(), text),
  Channel: maybe(fc.oneof(fc.constantFrom("VOICE", "CHAT", "TASK", "EMAIL"), text)),
  InitiationMethod: maybe(fc.oneof(fc.constantFrom("INBOUND", "OUTBOUND", "TRANSFER", "QUEUE_TRANSFER", "CALLBACK", "API", "MONITOR"), text)),
  InitiationTimestamp: maybe(time),
  DisconnectTimestamp: maybe(time),
  LastUpdateTimestamp: maybe(time),
  TransferCompletedTimestamp: maybe(time),
  NextContactId: maybe(text),
  DisconnectReason: maybe(text),
  CustomerEndpoint: maybe(fc.record({ Address: maybe(text) })),
  SegmentAttributes: maybe(fc.dictionary(text, fc.jsonValue())),
  Queue: maybe(fc.record({ Name: maybe(text), ARN: maybe(text), EnqueueTimestamp: maybe(time), DequeueTimestamp: maybe(time) })),
  Agent: maybe(fc.record({
    Username: maybe(text), ConnectedToAgentTimestamp: maybe(time), AfterContactWorkStartTimestamp: maybe(time),
    AfterContactWorkEndTimestamp: maybe(time), CustomerHoldDuration: maybe(fc.integer()), NumberOfHolds: maybe(fc.integer()),
  })),
});

const contact = fc.record({
  ContactId: maybe(text),
  State: maybe(fc.oneof(fc.constantFrom("CONNECTING", "CONNECTED", "CONNECTED_ONHOLD", "ENDED", "MISSED", "ERROR"), text)),
  StateStartTimestamp: maybe(time),
});
const snapshot = maybe(fc.record({
  AgentStatus: maybe(fc.record({ Name: maybe(text), Type: maybe(fc.oneof(fc.constantFrom("ROUTABLE", "CUSTOM", "OFFLINE"), text)) })),
  Configuration: maybe(fc.record({
    Username: maybe(text),
    RoutingProfile: maybe(fc.record({ InboundQueues: maybe(fc.array(fc.record({ Name: maybe(text) }), { maxLength: 5 })) })),
  })),
  Contacts: maybe(fc.array(contact, { maxLength: 4 })),
}));
const agentEvent = fc.record({
  EventId: fc.oneof(fc.uuid(), text),
  EventType: fc.oneof(fc.constantFrom("LOGIN", "LOGOUT", "STATE_CHANGE", "HEART_BEAT"), text),
  EventTimestamp: fc.oneof(time, text),
  AgentARN: maybe(text),
  CurrentAgentSnapshot: snapshot,
  PreviousAgentSnapshot: snapshot,
});

function expectValid(events: Record<string, unknown>[]): void {
  for (const e of events) expect(parseEvent(e, NOW)).toMatchObject({ ok: true });
}

describe("Amazon Connect adapters under fuzzed input", () => {
  it("contact records: never throw, never produce an invalid event", () => {
    fc.assert(fc.property(fc.array(fc.oneof(ctr, fc.anything()), { maxLength: 6 }), (values) => {
      expectValid(mapCtrRecords(values.map(item), NOW).events);
    }), { numRuns: 1500 });
  });

  it("agent events: never throw, never produce an invalid event", () => {
    fc.assert(fc.property(fc.array(fc.oneof(agentEvent, fc.anything()), { maxLength: 6 }), (values) => {
      expectValid(mapAgentEventRecords(values.map(item), NOW).events);
    }), { numRuns: 1500 });
  });

  it("batches: never throw on any base64 payload", () => {
    const payload = fc.oneof(fc.base64String(), fc.string(), fc.json().map((j) => Buffer.from(j).toString("base64")));
    fc.assert(fc.property(fc.array(payload, { maxLength: 5 }), (datas) => {
      const records = expandRecords([item({ records: datas.map((data) => ({ data })) })]);
      expectValid(mapCtrRecords(records, NOW).events);
      expectValid(mapAgentEventRecords(records, NOW).events);
    }), { numRuns: 500 });
  });

  it("well-formed records: every event they stand for is valid (none is filtered out)", () => {
    const wellFormed = fc.tuple(ctr, fc.uuid()).map(([c, contactId]) => ({
      ...c,
      ContactId: contactId,
      Queue: c.Queue && { ...c.Queue, Name: "Support" },
      Agent: c.Agent && { ...c.Agent, Username: "agent" },
      CustomerEndpoint: null,
      DisconnectReason: null,
    }));
    fc.assert(fc.property(wellFormed, (c) => {
      const batch = mapCtrRecords([item(c)], NOW);
      expect(batch.rejected).toEqual([]);
    }), { numRuns: 1000 });
  });
});
