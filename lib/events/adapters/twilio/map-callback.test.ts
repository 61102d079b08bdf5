import { describe, expect, it } from "vitest";
import callbacks from "./fixtures/taskrouter-callbacks.json";
import { mapTwilioCallback } from "./map-callback";

const NOW = Date.parse("2026-11-23T12:00:00Z");
const fixture = callbacks as unknown as Record<string, string>[];
const byType = (t: string) => fixture.find((c) => c.EventType === t)!;
const map = (c: Record<string, string>) => mapTwilioCallback(c, NOW);

describe("TaskRouter callbacks to Vigie events", () => {
  it("task-queue.entered: the contact is offered to the queue, with its channel, direction and caller", () => {
    const c = byType("task-queue.entered");
    expect(map(c)).toEqual({
      events: [{
        id: `twilio:${c.Sid}`, type: "contact.offered", at: Number(c.TimestampMs), contactId: c.TaskSid, queue: "support",
        direction: "inbound", channel: "voice", customerId: "+33612345678", callSid: "CA1111111111111111111111111111111a",
        source: "twilio", twilioEvent: "task-queue.entered",
      }],
      rejected: [],
    });
  });

  it("reads a chat's channel and customer from the task attributes", () => {
    const chat = fixture.find((c) => c.EventType === "task-queue.entered" && c.TaskChannelUniqueName === "chat")!;
    expect(map(chat).events[0]).toMatchObject({ channel: "chat", customerId: "web-visitor-42" });
    const sms = { ...chat, TaskAttributes: JSON.stringify({ channelType: "sms", from: "+33600000000" }) };
    expect(map(sms).events[0]).toMatchObject({ channel: "sms", customerId: "+33600000000" });
    const whatsapp = { ...chat, TaskAttributes: JSON.stringify({ channelType: "whatsapp" }) };
    expect(map(whatsapp).events[0]).toMatchObject({ channel: "social" });
    const outbound = { ...chat, TaskChannelUniqueName: "voice", TaskAttributes: JSON.stringify({ direction: "outbound-api" }) };
    expect(map(outbound).events[0]).toMatchObject({ channel: "voice", direction: "outbound" });
  });

  it("keeps a task whose attributes are not JSON, or whose channel is custom (the schema default, voice, applies)", () => {
    const c = { ...byType("task-queue.entered"), TaskAttributes: "{not json", TaskChannelUniqueName: "default" };
    const [e] = map(c).events;
    expect(e).toMatchObject({ type: "contact.offered", direction: "inbound" });
    expect(e).not.toHaveProperty("channel");
    expect(e).not.toHaveProperty("customerId");
  });

  it("reservation.accepted: answered by the worker, who is busy", () => {
    const c = byType("reservation.accepted");
    expect(map(c).events).toEqual([
      expect.objectContaining({ id: `twilio:${c.Sid}`, type: "contact.answered", contactId: c.TaskSid, agentId: "alice" }),
      expect.objectContaining({ id: `twilio:${c.Sid}:agent`, type: "agent.state", agentId: "alice", state: "busy" }),
    ]);
  });

  it("task.canceled: abandoned, with Twilio's reason", () => {
    expect(map(byType("task.canceled")).events).toEqual([expect.objectContaining({ type: "contact.abandoned", reason: "hangup" })]);
  });

  it("wrap-up ends the contact (and puts the worker in wrap-up); completion wraps it and returns the worker to its activity", () => {
    expect(map(byType("task.wrapup")).events.map((e) => e.type)).toEqual(["contact.ended"]);
    expect(map(byType("reservation.wrapup")).events).toEqual([
      expect.objectContaining({ type: "contact.ended" }),
      expect.objectContaining({ type: "agent.state", agentId: "alice", state: "wrap-up" }),
    ]);
    expect(map(byType("task.completed")).events.map((e) => e.type)).toEqual(["contact.wrapped"]);
    expect(map(byType("reservation.completed")).events).toEqual([
      expect.objectContaining({ type: "contact.wrapped" }),
      expect.objectContaining({ type: "agent.state", agentId: "alice", state: "available" }),
    ]);
  });

  it("worker.activity.update: the activity becomes the agent's state", () => {
    const states = fixture
      .filter((c) => c.EventType === "worker.activity.update")
      .map((c) => map(c).events[0])
      .map((e) => [e!.agentId, e!.state, e!.reason]);
    expect(states).toEqual([
      ["alice", "available", undefined],
      ["bob", "available", undefined],
      ["carol", "available", undefined],
      ["dave", "offline", undefined],
      ["carol", "paused", "Break"],
    ]);
    const base = byType("worker.activity.update");
    const state = (WorkerActivityName: string) => map({ ...base, WorkerActivityName }).events[0];
    expect(state("Idle")).toMatchObject({ state: "available" });
    expect(state("WrapUp")).toMatchObject({ state: "wrap-up" });
    expect(state("Busy")).toMatchObject({ state: "busy" });
    expect(state("Unavailable")).toMatchObject({ state: "paused", reason: "Unavailable" });
  });

  it("task.transfer-initiated: transferred", () => {
    const c = { ...byType("task.wrapup"), EventType: "task.transfer-initiated", TransferType: "QUEUE" };
    expect(map(c).events).toEqual([expect.objectContaining({ type: "contact.transferred", transferType: "QUEUE" })]);
  });

  it("ignores what it does not map, and task.created before the task has a queue", () => {
    expect(map(byType("reservation.created"))).toEqual({ events: [], rejected: [], ignored: "reservation.created" });
    expect(map(byType("task.created"))).toEqual({ events: [], rejected: [], ignored: "task.created" });
    expect(map({ ...byType("task.created"), TaskQueueName: "support" }).events[0]).toMatchObject({ type: "contact.offered" });
  });

  it("rejects a callback missing what its event needs, naming the Twilio parameter", () => {
    const { TaskSid: _t, ...noTask } = byType("task.canceled");
    expect(map(noTask).rejected).toEqual([{ index: 0, error: "TaskSid: is required" }]);
    const { TaskQueueName: _q, ...noQueue } = byType("task-queue.entered");
    expect(map(noQueue).rejected[0]!.error).toBe("TaskQueueName: is required");
    const { Timestamp: _s, TimestampMs: _m, ...noTime } = byType("task.canceled");
    expect(map(noTime).rejected[0]!.error).toMatch(/^TimestampMs: is required/);
    expect(map({ ...byType("task.canceled"), TimestampMs: "soon" }).rejected[0]!.error).toMatch(/^TimestampMs: must be epoch milliseconds/);
    expect(map({}).rejected[0]!.error).toBe("EventType: is required");
    const { WorkerName: _w, WorkerSid: _s2, ...noWorker } = byType("reservation.accepted");
    expect(map(noWorker).rejected[0]!.error).toMatch(/^WorkerName: is required/);
  });

  it("rejects an event dated more than 5 minutes ahead, as the ingest operation would", () => {
    const c = { ...byType("task.canceled"), TimestampMs: String(NOW + 6 * 60_000) };
    expect(map(c)).toEqual({ events: [], rejected: [{ index: 0, error: expect.stringMatching(/^contact.abandoned: at: more than 5 minutes ahead/) }] });
  });

  it("uses Timestamp (seconds) without TimestampMs, and a derived id without Sid", () => {
    const { TimestampMs: _m, Sid: _s, ...c } = byType("task.canceled");
    const [e] = map(c).events;
    expect(e).toMatchObject({ at: Number(c.Timestamp) * 1000, id: `twilio:task.canceled:${c.ResourceSid}:${Number(c.Timestamp) * 1000}` });
    expect(map(c).events).toEqual(map(c).events);
  });
});
