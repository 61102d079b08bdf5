import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVENT_TYPES, parseEvent, readStoredEvent } from "./schema";
import { streamArb } from "../metrics/testing/streams";

const NOW = Date.parse("2026-11-23T10:00:00Z");
const ok = (raw: unknown) => {
  const r = parseEvent(raw, NOW);
  if (!r.ok) throw new Error(r.error);
  return r;
};
const error = (raw: unknown) => {
  const r = parseEvent(raw, NOW);
  if (r.ok) throw new Error("expected a rejection");
  return r.error;
};

describe("parseEvent (CONTRACT §2)", () => {
  it("accepts the contract's example and applies defaults", () => {
    const { event } = ok({
      id: "evt-0001", type: "contact.offered", at: "2026-11-23T09:15:02.120+01:00",
      contactId: "c-123", queue: "support", channel: "voice", direction: "inbound", customerId: "cust-9",
    });
    expect(event).toMatchObject({ at: Date.parse("2026-11-23T08:15:02.120Z"), queue: "support", channel: "voice" });
    expect(ok({ id: "x", type: "contact.offered", at: NOW, contactId: "c", queue: "q" }).event).toMatchObject({ channel: "voice", direction: "inbound" });
  });

  it("keeps unknown fields in the stored payload", () => {
    const r = ok({ id: "x", type: "contact.ended", at: NOW, contactId: "c", vendor: { uuid: "abc" } });
    expect(JSON.parse(r.payload)).toMatchObject({ vendor: { uuid: "abc" } });
  });

  it.each([
    [{ id: "x", type: "contact.offered", at: "2026-11-23T09:15:02", contactId: "c", queue: "q" }, /^at: must be ISO-8601 with an offset/],
    [{ id: "x", type: "contact.teleported", at: NOW }, /^type: must be one of/],
    [{ type: "contact.ended", at: NOW, contactId: "c" }, /^id: is required/],
    [{ id: "x", type: "contact.answered", at: NOW, contactId: "c" }, /^agentId: is required/],
    [{ id: "x", type: "contact.offered", at: NOW, contactId: "c", queue: "q", channel: "fax" }, /^channel: /],
    [{ id: "x", type: "agent.state", at: NOW, agentId: "a", state: "sleeping" }, /^state: /],
    [{ id: "x", type: "survey.response", at: NOW, kind: "csat", score: 9 }, /^score: score is outside the survey's scale/],
    [{ id: "x", type: "contact.ended", at: NOW + 6 * 60_000, contactId: "c" }, /ahead of the server's clock/],
    [{ id: "x", type: "contact.ended", at: NOW, contactId: "c", note: "a\u0000b" }, /NUL character/],
    [{ id: "x", type: "contact.ended", at: NOW, contactId: "c", note: "\ud800" }, /unpaired surrogate/],
    [[1, 2], /must be a JSON object/],
  ])("rejects %j with a clear reason", (raw, message) => {
    expect(error(raw)).toMatch(message);
  });

  it("accepts survey scales in several spellings", () => {
    for (const scale of ["1-10", [1, 10], { min: 1, max: 10 }]) {
      expect(ok({ id: "s", type: "survey.response", at: NOW, kind: "csat", score: 8, scale }).event).toMatchObject({ scale: { min: 1, max: 10 } });
    }
  });

  it("allows a backslash-u sequence written as text", () => {
    expect(ok({ id: "x", type: "contact.ended", at: NOW, contactId: "c", note: "C:\\u0000" }).event.id).toBe("x");
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ id: fc.anything(), type: fc.constantFrom(...EVENT_TYPES), at: fc.anything(), contactId: fc.anything(), agentId: fc.anything(), queue: fc.anything(), score: fc.anything(), kind: fc.anything(), state: fc.anything() }, { requiredKeys: [] }),
        ),
        (raw) => {
          const r = parseEvent(raw, NOW);
          if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("readStoredEvent", () => {
  it("reads a stored payload (decoded or as text) as the event parseEvent accepted", () => {
    fc.assert(
      fc.property(streamArb(Date.UTC(2026, 5, 1), 30), (stream) => {
        for (const raw of stream) {
          const p = parseEvent(raw, Infinity);
          if (!p.ok) continue;
          expect(readStoredEvent(JSON.parse(p.payload))).toEqual(p.event);
          expect(readStoredEvent(p.payload)).toEqual(p.event);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("gives a row stored by an earlier version today's defaults, and null for one that no longer validates", () => {
    const old = { id: "e1", type: "contact.offered", at: 1_700_000_000_000, contactId: "c1", queue: "sales" };
    expect(readStoredEvent(old)).toMatchObject({ channel: "voice", direction: "inbound" });
    expect(readStoredEvent({ ...old, type: "contact.teleported" })).toBeNull();
    expect(readStoredEvent({ ...old, queue: undefined })).toBeNull();
    expect(readStoredEvent({ id: "s1", type: "survey.response", at: 1, kind: "csat", score: 9 })).toBeNull();
    expect(readStoredEvent(null)).toBeNull();
  });
});
