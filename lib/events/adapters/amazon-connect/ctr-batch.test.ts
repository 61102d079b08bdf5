import { describe, expect, it } from "vitest";
import { mapCtrRecords } from "./ctr-batch";
import records from "./fixtures/ctr-records.json";
import update from "./fixtures/ctr-update.json";
import type { RecordItem } from "./records";

const NOW = Date.parse("2026-11-23T12:00:00Z");
const T0 = Date.parse("2026-11-23T09:00:00Z");
const at = (s: number) => T0 + s * 1000;
const items = (values: unknown[]): RecordItem[] => values.map((value) => ({ ok: true, value }));
const C1 = "11111111-aaaa-4aaa-8aaa-000000000001";
const C2 = "22222222-bbbb-4bbb-8bbb-000000000002";
const C3 = "33333333-cccc-4ccc-8ccc-000000000003";
const brief = (events: Record<string, unknown>[]) => events.map((e) => [e.id, e.type, e.at]);

describe("Amazon Connect contact records to Vigie events", () => {
  it("maps the fixture: offered, answered, abandoned, ended, wrapped; the newest copy of a contact only", () => {
    const batch = mapCtrRecords(items(records), NOW);
    expect(batch.rejected).toEqual([]);
    // C1's older copy (superseded), the task (no Vigie channel) and the IVR-only contact (never queued).
    expect(batch.skipped).toBe(3);
    expect(brief(batch.events)).toEqual([
      [`connect:${C2}:offered`, "contact.offered", at(20)],
      [`connect:${C2}:abandoned`, "contact.abandoned", at(50)],
      [`connect:${C3}:offered`, "contact.offered", at(30)],
      [`connect:${C3}:answered`, "contact.answered", at(60)],
      [`connect:${C3}:ended:${at(200)}`, "contact.ended", at(200)],
      [`connect:${C1}:offered`, "contact.offered", at(0)],
      [`connect:${C1}:answered`, "contact.answered", at(10)],
      [`connect:${C1}:ended:${at(130)}`, "contact.ended", at(130)],
      [`connect:${C1}:wrapped:${at(160)}`, "contact.wrapped", at(160)],
    ]);
    expect(batch.sources).toEqual([1, 1, 2, 2, 2, 3, 3, 3, 3]);
    const byId = new Map(batch.events.map((e) => [e.id, e]));
    expect(byId.get(`connect:${C1}:offered`)).toMatchObject({
      contactId: C1, queue: "Support", channel: "voice", direction: "inbound", customerId: "+33612345678", source: "amazon-connect",
    });
    expect(byId.get(`connect:${C3}:offered`)).toMatchObject({ channel: "chat", direction: "inbound" });
    expect(byId.get(`connect:${C3}:offered`)).not.toHaveProperty("customerId");
    expect(byId.get(`connect:${C1}:answered`)).toMatchObject({ agentId: "jdoe" });
    expect(byId.get(`connect:${C2}:abandoned`)).toMatchObject({ reason: "CUSTOMER_DISCONNECT" });
    expect(byId.get(`connect:${C1}:wrapped:${at(160)}`)).toMatchObject({ customerHoldSeconds: 20, numberOfHolds: 1 });
  });

  it("a newer copy adds what the older lacked, with the same ids for what did not change", () => {
    const v1 = mapCtrRecords(items([records[2]]), NOW);
    const v2 = mapCtrRecords(items([update]), NOW);
    expect(brief(v2.events)).toEqual([...brief(v1.events), [`connect:${C3}:wrapped:${at(230)}`, "contact.wrapped", at(230)]]);
    // In one batch, whatever the order, only the newest copy counts.
    expect(brief(mapCtrRecords(items([update, records[2]]), NOW).events)).toEqual(brief(v2.events));
    expect(brief(mapCtrRecords(items([records[2], update]), NOW).events)).toEqual(brief(v2.events));
  });

  it("no after-contact work at all: wrapped when the contact ends", () => {
    const c = structuredClone(records[3]) as any;
    c.Agent.AfterContactWorkStartTimestamp = null;
    c.Agent.AfterContactWorkEndTimestamp = null;
    const types = mapCtrRecords(items([c]), NOW).events.filter((e) => e.type === "contact.ended" || e.type === "contact.wrapped");
    expect(types.map((e) => [e.type, e.at])).toEqual([["contact.ended", at(130)], ["contact.wrapped", at(130)]]);
  });

  it("transfers: out of Connect (TransferCompletedTimestamp) or to another contact (NextContactId); neither is an abandon", () => {
    const external = { ...structuredClone(records[1]), TransferCompletedTimestamp: "2026-11-23T09:00:45Z" };
    expect(brief(mapCtrRecords(items([external]), NOW).events)).toEqual([
      [`connect:${C2}:offered`, "contact.offered", at(20)],
      [`connect:${C2}:transferred`, "contact.transferred", at(45)],
    ]);
    const handedOn = { ...structuredClone(records[3]), NextContactId: "66666666-ffff-4fff-8fff-000000000006" };
    expect(mapCtrRecords(items([handedOn]), NOW).events.map((e) => e.type)).toContain("contact.transferred");
  });

  it("outbound: offered at initiation to the outbound queue, never abandoned", () => {
    const out = { ...structuredClone(records[1]), InitiationMethod: "OUTBOUND", Queue: { Name: "Support", EnqueueTimestamp: null } };
    expect(mapCtrRecords(items([out]), NOW).events).toEqual([
      expect.objectContaining({ type: "contact.offered", direction: "outbound", at: at(5) }),
    ]);
  });

  it("channels: chat subtypes, email; a queue without a name takes the ARN's last segment", () => {
    const chat = (sub: string) => ({ ...structuredClone(records[2]), SegmentAttributes: { "connect:Subtype": { ValueString: sub } } });
    const channel = (r: unknown) => mapCtrRecords(items([r]), NOW).events[0]!.channel;
    expect(channel(chat("connect:SMS"))).toBe("sms");
    expect(channel(chat("connect:WhatsApp"))).toBe("social");
    expect(channel(chat("connect:Chat"))).toBe("chat");
    expect(channel({ ...structuredClone(records[2]), Channel: "EMAIL" })).toBe("email");
    const agentQueue = structuredClone(records[3]) as any;
    agentQueue.Queue.Name = null;
    expect(mapCtrRecords(items([agentQueue]), NOW).events[0]).toMatchObject({ queue: "5f1e0c3a-7d2b-4e8f-9a6c-1b2c3d4e5f60" });
  });

  it("rejects what is not a contact record, by index, and keeps the rest", () => {
    const batch = mapCtrRecords(
      [{ ok: true, value: records[1] }, { ok: true, value: [] }, { ok: true, value: { Channel: "VOICE" } }, { ok: false, error: "invalid JSON" },
        { ok: true, value: { ...records[1], ContactId: "x", DisconnectTimestamp: "yesterday" } }],
      NOW,
    );
    expect(batch.rejected).toEqual([
      { index: 1, error: "a contact record must be a JSON object" },
      { index: 2, error: "ContactId: is required" },
      { index: 3, error: "invalid JSON" },
      { index: 4, error: expect.stringMatching(/^DisconnectTimestamp: must be an ISO-8601 time/) },
    ]);
    expect(batch.events).toHaveLength(2);
  });

  it("hashes a ContactId too long for a Vigie id, the same way every time", () => {
    const long = { ...structuredClone(records[1]), ContactId: "c".repeat(256) };
    const [a, b] = [mapCtrRecords(items([long]), NOW), mapCtrRecords(items([long]), NOW)];
    expect(a.rejected).toEqual([]);
    expect(a.events[0]!.contactId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.events[0]!.id).toMatch(/^connect:sha256:[0-9a-f]{64}$/);
    expect(brief(a.events)).toEqual(brief(b.events));
  });
});
