import { describe, expect, it } from "vitest";
import { MemberTracker } from "./members";
import { translateQueueLog } from "./translate";

const TZ = "Europe/Paris";
const T = 1795417200; // 2026-11-23 08:00:00 Europe/Paris
const line = (dt: number, callid: string, queue: string, agent: string, verb: string, ...data: string[]) =>
  [T + dt, callid, queue, agent, verb, ...data].join("|");
const translate = (lines: string[], members?: MemberTracker) => translateQueueLog(lines.join("\n"), { timeZone: TZ }, members);
const events = (lines: string[], members?: MemberTracker) => translate(lines, members).events.map((e) => e.event);
/** Event type and the fields a test looks at. */
const brief = (lines: string[], members?: MemberTracker) =>
  events(lines, members).map(({ id: _id, at, ...rest }): Record<string, unknown> => ({ at: at - T * 1000, ...rest }));

describe("call verbs (a contact per call and queue)", () => {
  const L1 = "Local/1001@from-queue/n";

  it("ENTERQUEUE offers a voice contact with the caller id as customer; CONNECT answers it and makes the agent busy", () => {
    expect(brief([line(0, "9.1", "support", "NONE", "ENTERQUEUE", "", "0612345678", "1"), line(6, "9.1", "support", L1, "CONNECT", "6", "9.2", "5")])).toEqual([
      { at: 0, type: "contact.offered", contactId: "9.1@support", queue: "support", channel: "voice", direction: "inbound", customerId: "0612345678" },
      { at: 6000, type: "contact.answered", contactId: "9.1@support", agentId: "1001", member: L1 },
      { at: 6000, type: "agent.state", agentId: "1001", state: "busy", queues: ["support"], member: L1 },
    ]);
    expect(brief([line(0, "9.1", "support", "NONE", "ENTERQUEUE", "", "anonymous", "1")])[0]).not.toHaveProperty("customerId");
  });

  it("COMPLETECALLER/COMPLETEAGENT end and wrap the contact at once (no wrap-up in queue_log), the agent is free", () => {
    expect(brief([line(200, "9.1", "support", "PJSIP/1003", "COMPLETECALLER", "6", "194", "1")])).toEqual([
      { at: 200_000, type: "contact.ended", contactId: "9.1@support", endedBy: "caller" },
      { at: 200_000, type: "contact.wrapped", contactId: "9.1@support" },
      { at: 200_000, type: "agent.state", agentId: "1003", state: "available", queues: ["support"], member: "PJSIP/1003" },
    ]);
    expect(brief([line(200, "9.1", "support", "PJSIP/1003", "COMPLETEAGENT", "6", "194", "1")])[0]).toMatchObject({ endedBy: "agent" });
  });

  it("transfers are transferred, then the end of the contact for this queue", () => {
    const blind = brief([line(90, "9.1", "sales", "PJSIP/1003", "BLINDTRANSFER", "2000", "from-internal", "4", "80", "1")]);
    expect(blind.map((e) => e.type)).toEqual(["contact.transferred", "contact.ended", "contact.wrapped", "agent.state"]);
    expect(blind[0]).toMatchObject({ toExtension: "2000", toContext: "from-internal" });
    const old = brief([line(90, "9.1", "sales", "SIP/1003", "TRANSFER", "2000", "from-internal", "4", "80", "1")]);
    expect(old[0]).toMatchObject({ type: "contact.transferred", toExtension: "2000" });
    const link = brief([line(90, "9.1", "sales", "SIP/1003", "ATTENDEDTRANSFER", "LINK", "PJSIP/2000-0001", "Local/2000@x-0002;1", "4", "80", "1")]);
    expect(link[0]).toMatchObject({ transferMethod: "LINK", transferTarget: "PJSIP/2000-0001|Local/2000@x-0002;1" });
    expect(link[1]).toMatchObject({ type: "contact.ended", endedBy: "transfer" });
  });

  it("the caller leaving is an abandon; the queue sending the caller away ends the contact unanswered", () => {
    expect(brief([line(12, "9.1", "q", "NONE", "ABANDON", "1", "1", "12")])).toEqual([
      { at: 12_000, type: "contact.abandoned", contactId: "9.1@q", reason: "caller-hangup", waitSeconds: 12 },
    ]);
    expect(brief([line(30, "9.1", "q", "NONE", "EXITWITHKEY", "5", "1", "1", "30")])).toEqual([
      { at: 30_000, type: "contact.abandoned", contactId: "9.1@q", reason: "key", key: "5" },
    ]);
    expect(brief([line(60, "9.1", "q", "NONE", "EXITWITHTIMEOUT", "1", "1", "60")])).toEqual([{ at: 60_000, type: "contact.ended", contactId: "9.1@q", reason: "timeout" }]);
    expect(brief([line(5, "9.1", "q", "NONE", "EXITEMPTY", "1", "1", "5")])).toEqual([{ at: 5000, type: "contact.ended", contactId: "9.1@q", reason: "empty" }]);
    expect(brief([line(40, "9.1", "q", "NONE", "WITHDRAW", "1", "1", "40", "callback")])).toEqual([
      { at: 40_000, type: "contact.ended", contactId: "9.1@q", reason: "withdrawn", withdrawInfo: "callback" },
    ]);
  });

  it("one call through two queues is two contacts", () => {
    const e = events([line(0, "9.1", "q1", "NONE", "ENTERQUEUE", "", "06", "1"), line(60, "9.1", "q1", "NONE", "EXITWITHTIMEOUT", "1", "1", "60"), line(60, "9.1", "q2", "NONE", "ENTERQUEUE", "", "06", "1")]);
    expect(e.map((x) => x.contactId)).toEqual(["9.1@q1", "9.1@q1", "9.1@q2"]);
  });

  it("skips call lines with no queue, no call id or no agent to answer", () => {
    const t = translate([
      line(0, "9.1", "NONE", "NONE", "ENTERQUEUE", "", "06", "1"),
      line(0, "NONE", "q", "NONE", "ABANDON", "1", "1", "1"),
      line(0, "9.1", "q", "NONE", "CONNECT", "1", "9.2", "1"),
    ]);
    expect(t.events).toEqual([]);
    expect(t.skipped).toEqual({ total: 3, byReason: { "no-agent": 1, "no-callid": 1, "no-queue": 1 } });
  });
});

describe("member verbs", () => {
  const A = "Local/1001@from-queue/n";

  it("login, membership and pauses give the member's state, with the queues they serve", () => {
    const states = brief([
      line(0, "1.1", "NONE", "Agent/2001", "AGENTLOGIN", "PJSIP/2001-00000007"),
      line(1, "1.2", "support", A, "ADDMEMBER", ""),
      line(2, "1.2", "sales", A, "ADDMEMBER", "PAUSED"),
      line(3, "NONE", "support", A, "PAUSE", "Lunch"),
      line(4, "NONE", "NONE", A, "UNPAUSEALL", ""),
      line(5, "1.3", "support", A, "REMOVEMEMBER", ""),
      line(6, "1.3", "sales", A, "REMOVEMEMBER", ""),
      line(7, "1.4", "NONE", "Agent/2001", "AGENTLOGOFF", "PJSIP/2001-00000007", "3450"),
    ]).map((e) => [e.agentId, e.state, e.reason, e.queues]);
    expect(states).toEqual([
      ["2001", "available", undefined, undefined],
      ["1001", "available", undefined, ["support"]],
      ["1001", "available", undefined, ["sales", "support"]], // paused in sales only: can still take support calls
      ["1001", "paused", "Lunch", ["sales", "support"]], // now paused everywhere
      ["1001", "available", undefined, ["sales", "support"]],
      ["1001", "available", undefined, ["sales"]],
      ["1001", "offline", undefined, undefined], // in no queue any more
      ["2001", "offline", undefined, undefined],
    ]);
  });

  it("a pause asked during a call leaves the agent busy until the call ends, then paused", () => {
    const e = brief([
      line(0, "9.1", "support", A, "CONNECT", "3", "9.2", "2"),
      line(10, "NONE", "NONE", A, "PAUSEALL", ""),
      line(10, "NONE", "support", A, "PAUSE", "Lunch"),
      line(60, "9.1", "support", A, "COMPLETECALLER", "3", "60", "1"),
      line(90, "NONE", "NONE", A, "UNPAUSEALL", ""),
    ]).filter((x) => x.type === "agent.state");
    expect(e.map((x) => [x.at, x.state, x.reason])).toEqual([
      [0, "busy", undefined],
      [10_000, "busy", undefined],
      [10_001, "busy", undefined], // same second: 1 ms later, so the engine keeps the file order
      [60_000, "paused", "Lunch"],
      [90_000, "available", undefined],
    ]);
  });

  it("the member state carries over from one text to the next (the tailer's reads)", () => {
    const members = new MemberTracker();
    events([line(0, "9.1", "support", A, "CONNECT", "3", "9.2", "2"), line(10, "NONE", "support", A, "PAUSE", "Lunch")], members);
    const restored = new MemberTracker(JSON.parse(JSON.stringify(members.toJSON())));
    expect(events([line(60, "9.1", "support", A, "COMPLETECALLER", "3", "60", "1")], restored).at(-1)).toMatchObject({ state: "paused", reason: "Lunch" });
    // Without it, the line alone says what it can.
    expect(events([line(60, "9.1", "support", A, "COMPLETECALLER", "3", "60", "1")]).at(-1)).toMatchObject({ state: "available" });
  });

  it("a call whose end was never logged stops holding the agent busy after 8 hours", () => {
    const e = events([line(0, "9.1", "q", A, "CONNECT", "3", "9.2", "2"), line(9 * 3600, "NONE", "q", A, "PAUSE", "x")]);
    expect(e.at(-1)).toMatchObject({ state: "paused" });
  });
});

describe("what is not a call or member event", () => {
  it("is counted by reason, never thrown", () => {
    const t = translateQueueLog(
      [
        line(0, "NONE", "NONE", "NONE", "QUEUESTART", ""),
        line(1, "9.1", "q", "NONE", "DID", "0155667788"),
        line(2, "9.1", "q", "PJSIP/1", "RINGNOANSWER", "15000"),
        "1795419300|17954" + "\0".repeat(40),
        "\0".repeat(30),
        "\0".repeat(10) + line(3, "NONE", "NONE", "NONE", "CONFIGRELOAD", ""),
        "",
        "this is not a queue_log line",
      ].join("\n"),
      { timeZone: TZ },
    );
    expect(t.events).toEqual([]);
    expect(t.lines).toBe(8);
    expect(t.skipped).toEqual({
      total: 8,
      byReason: { blank: 1, malformed: 2, "not-mapped:CONFIGRELOAD": 1, "not-mapped:QUEUESTART": 1, "not-mapped:RINGNOANSWER": 1, "nul-bytes": 1, "unknown-verb:DID": 1 },
    });
  });

  it("a line that follows a NUL run on the same physical line is read", () => {
    const t = translateQueueLog("\0\0\0" + line(0, "9.1", "q", "NONE", "ENTERQUEUE", "", "06", "1") + "\n", { timeZone: TZ });
    expect(t.events.map((e) => [e.line, e.event.type])).toEqual([[1, "contact.offered"]]);
  });
});
