import { describe, expect, it } from "vitest";
import { mapAgentEventRecords } from "./agent-batch";
import events from "./fixtures/agent-events.json";
import type { RecordItem } from "./records";

const NOW = Date.parse("2026-11-23T12:00:00Z");
const T0 = Date.parse("2026-11-23T09:00:00Z");
const at = (s: number) => T0 + s * 1000;
const items = (values: unknown[]): RecordItem[] => values.map((value) => ({ ok: true, value }));
const C1 = "11111111-aaaa-4aaa-8aaa-000000000001";

describe("Amazon Connect agent events to Vigie events", () => {
  it("maps the fixture: states from contacts then status, hold from the contact's state; heartbeats skipped", () => {
    const batch = mapAgentEventRecords(items(events), NOW);
    expect(batch.rejected).toEqual([]);
    expect(batch.skipped).toBe(1);
    const states = batch.events.filter((e) => e.type === "agent.state").map((e) => [e.agentId, e.state, e.reason ?? null, e.at]);
    expect(states).toEqual([
      ["jdoe", "offline", null, at(-100)],
      ["jdoe", "available", null, at(-90)],
      ["asmith", "available", null, at(-80)],
      ["bwayne", "available", null, at(-70)],
      ["ckent", "available", null, at(-60)],
      ["bwayne", "paused", "Lunch", at(0)],
      ["jdoe", "busy", null, at(10)],
      ["jdoe", "busy", null, at(40)],
      ["jdoe", "busy", null, at(60)],
      ["asmith", "busy", null, at(60)],
      ["ckent", "offline", null, at(100)],
      ["jdoe", "wrap-up", null, at(130)],
      ["jdoe", "available", null, at(160)],
      ["asmith", "wrap-up", null, at(200)],
    ]);
    const holds = batch.events.filter((e) => e.type !== "agent.state").map((e) => [e.id, e.type, e.contactId, e.at]);
    expect(holds).toEqual([
      [`connect-hold:${C1}:${at(40)}:held`, "contact.held", C1, at(40)],
      [`connect-hold:${C1}:${at(60)}:resumed`, "contact.resumed", C1, at(60)],
    ]);
    expect(batch.events[0]).toMatchObject({ id: `connect-agent:${events[0]!.EventId}`, queues: ["Support"], source: "amazon-connect" });
  });

  it("reads a status without Type by its name, and a LOGIN without status as available", () => {
    const base = structuredClone(events[1]) as any;
    const state = (status: unknown) => {
      base.CurrentAgentSnapshot.AgentStatus = status;
      return mapAgentEventRecords(items([base]), NOW).events[0];
    };
    expect(state({ Name: "Available" })).toMatchObject({ state: "available" });
    expect(state({ Name: "Offline" })).toMatchObject({ state: "offline" });
    expect(state({ Name: "Training" })).toMatchObject({ state: "paused", reason: "Training" });
    expect(state({ Name: "Training", Type: "ROUTABLE" })).toMatchObject({ state: "available" });
    base.EventType = "LOGIN";
    expect(state(null)).toMatchObject({ state: "available" });
  });

  it("rejects an event without EventId, time or username; skips unknown types", () => {
    const { EventId: _i, ...noId } = events[1]!;
    const noUser = structuredClone(events[1]) as any;
    noUser.CurrentAgentSnapshot.Configuration = null;
    noUser.PreviousAgentSnapshot = null;
    const batch = mapAgentEventRecords(items([noId, { ...events[1], EventTimestamp: 5 }, noUser, { ...events[1], EventType: "AGENT_SNAPSHOT" }]), NOW);
    expect(batch.rejected).toEqual([
      { index: 0, error: "EventId: is required" },
      { index: 1, error: expect.stringMatching(/^EventTimestamp: /) },
      { index: 2, error: "CurrentAgentSnapshot.Configuration.Username: is required" },
    ]);
    expect(batch.skipped).toBe(1);
  });
});
