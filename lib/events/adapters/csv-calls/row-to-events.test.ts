import { describe, expect, it } from "vitest";
import { parseEvent } from "../../schema";
import { callMappingSchema, type CallField, type CallMappingInput } from "./mapping";
import { compileMapping, rowToEvents, type CallEvent, type RowResult } from "./row-to-events";

const NOW = Date.parse("2026-11-23T18:00:00Z");
const PARIS = "Europe/Paris";

/** One row converted with a mapping whose column names are the field names themselves. */
function convert(cells: Partial<Record<CallField, string>>, options: Partial<CallMappingInput> = {}, now = NOW): RowResult {
  const header = Object.keys(cells);
  const columns = Object.fromEntries(header.map((h) => [h, h]));
  const mapping = callMappingSchema.parse({ columns, dateFormat: "ymd", timeZone: PARIS, ...options });
  const c = compileMapping(mapping, header);
  if (!c.ok) throw new Error(c.reason);
  return rowToEvents({ line: 7, cells: Object.values(cells) as string[] }, c.compiled, now);
}

const events = (r: RowResult): CallEvent[] => {
  if (!r.ok) throw new Error(`rejected: ${r.error.reason}`);
  for (const e of r.events) expect(parseEvent(e, NOW).ok, e.id).toBe(true);
  return r.events;
};
/** "type@seconds after 09:00 local" for each event. */
const timeline = (r: RowResult) => events(r).map((e) => `${e.type.slice("contact.".length)}@${(e.at - Date.parse("2026-11-23T09:00:00+01:00")) / 1000}`);
const rejection = (r: RowResult) => {
  if (r.ok) throw new Error("accepted");
  return r.error;
};

const base = { contactId: "c1", queue: "support", offeredAt: "2026-11-23 09:00:00" };

describe("rowToEvents: times", () => {
  it("an answered call with every time: offered, answered, ended, wrapped, deterministic ids", () => {
    const r = convert({ ...base, answeredAt: "2026-11-23 09:00:20", endedAt: "2026-11-23 09:03:20", wrappedAt: "2026-11-23 09:04:00", agentId: "a1" });
    expect(timeline(r)).toEqual(["offered@0", "answered@20", "ended@200", "wrapped@240"]);
    expect(events(r).map((e) => e.id)).toEqual(["csv-c1-offered", "csv-c1-answered", "csv-c1-ended", "csv-c1-wrapped"]);
    expect(events(r)[0]).toMatchObject({ contactId: "c1", queue: "support", source: "csv" });
    expect(events(r)[1]).toMatchObject({ agentId: "a1" });
  });

  it("the same row gives the same events (a second import is all duplicates)", () => {
    const row = { ...base, answeredAt: "2026-11-23 09:00:20", agentId: "a1" };
    expect(convert(row)).toEqual(convert(row));
  });

  it("an abandoned call: at its abandon time, else after its wait, else at its end", () => {
    expect(timeline(convert({ ...base, abandonedAt: "2026-11-23 09:00:45" }))).toEqual(["offered@0", "abandoned@45"]);
    expect(timeline(convert({ ...base, answeredAt: "", waitSeconds: "12" }))).toEqual(["offered@0", "abandoned@12"]);
    expect(timeline(convert({ ...base, answeredAt: "", endedAt: "2026-11-23 09:01:00" }))).toEqual(["offered@0", "abandoned@60"]);
    expect(rejection(convert({ ...base, answeredAt: "" }))).toMatchObject({ line: 7, code: "noAbandonTime" });
  });

  it("without after-call work information, wrap-up is the end (ACW 0): the call still counts as handled", () => {
    expect(timeline(convert({ ...base, answeredAt: "2026-11-23 09:00:05", endedAt: "2026-11-23 09:02:05", agentId: "a1" }))).toEqual([
      "offered@0", "answered@5", "ended@125", "wrapped@125",
    ]);
  });

  it("a call with no end gives no end nor wrap-up", () => {
    expect(timeline(convert({ ...base, answeredAt: "2026-11-23 09:00:05", agentId: "a1" }))).toEqual(["offered@0", "answered@5"]);
  });

  it("a date column completed by a time column", () => {
    const r = convert({ contactId: "c1", queue: "q", offeredAt: "23/11/2026", offeredTime: "09:00:30", waitSeconds: "5", agentId: "a1", talkSeconds: "10" }, { dateFormat: "dmy" });
    expect(timeline(r)).toEqual(["offered@30", "answered@35", "ended@45", "wrapped@45"]);
  });

  it("epoch seconds and milliseconds", () => {
    const t0 = Date.parse("2026-11-23T09:00:00+01:00");
    expect(timeline(convert({ ...base, offeredAt: String(t0 / 1000), answeredAt: String(t0 / 1000 + 7), agentId: "a" }, { dateFormat: "epoch-s" }))).toEqual(["offered@0", "answered@7"]);
    expect(timeline(convert({ ...base, offeredAt: String(t0), answeredAt: String(t0 + 7500), agentId: "a" }, { dateFormat: "epoch-ms" }))).toEqual(["offered@0", "answered@7.5"]);
  });
});

describe("rowToEvents: durations instead of times", () => {
  it("wait, talk, hold and ACW: answered after the wait, one hold right after the answer, end after talk + hold", () => {
    const r = convert({ ...base, agentId: "a1", waitSeconds: "20", talkSeconds: "150", holdSeconds: "30", acwSeconds: "40" });
    expect(timeline(r)).toEqual(["offered@0", "answered@20", "held@20", "resumed@50", "ended@200", "wrapped@240"]);
  });

  it("clock durations and decimal commas", () => {
    const r = convert({ ...base, agentId: "a1", waitSeconds: "0:20", talkSeconds: "00:02:30", acwSeconds: "40,5" });
    expect(timeline(r)).toEqual(["offered@0", "answered@20", "ended@170", "wrapped@210.5"]);
  });

  it("answered time from the end and the talk time when there is no wait (Asterisk: end, billsec)", () => {
    const r = convert({ ...base, endedAt: "2026-11-23 09:03:00", talkSeconds: "120", holdSeconds: "30", agentId: "a1" });
    expect(timeline(r)).toEqual(["offered@0", "answered@30", "held@30", "resumed@60", "ended@180", "wrapped@180"]);
  });

  it("times win over durations when both are given", () => {
    const r = convert({ ...base, answeredAt: "2026-11-23 09:00:10", waitSeconds: "99", endedAt: "2026-11-23 09:01:10", talkSeconds: "999", agentId: "a1" });
    expect(timeline(r)).toEqual(["offered@0", "answered@10", "ended@70", "wrapped@70"]);
  });

  it("a hold longer than the call, or a bad duration, rejects the row naming its column", () => {
    expect(rejection(convert({ ...base, answeredAt: "2026-11-23 09:00:10", endedAt: "2026-11-23 09:00:40", holdSeconds: "60", agentId: "a" }))).toMatchObject({
      code: "holdTooLong", column: "holdSeconds", value: "60",
    });
    expect(rejection(convert({ ...base, waitSeconds: "soon", agentId: "a" }))).toMatchObject({ code: "badDuration", column: "waitSeconds" });
    expect(rejection(convert({ ...base, waitSeconds: "-4", agentId: "a" }))).toMatchObject({ code: "badDuration" });
  });

  it("an answered call needs an answer time", () => {
    expect(rejection(convert({ ...base, outcome: "answered", agentId: "a" }))).toMatchObject({ code: "noAnswerTime" });
  });
});

describe("rowToEvents: answered or abandoned", () => {
  const cells = { ...base, waitSeconds: "10", talkSeconds: "60", agentId: "a1" };

  it("a status column decides, with the mapping's value lists (no case, accents, _ or -)", () => {
    expect(timeline(convert({ ...cells, outcome: "ANSWERED" }))).toContain("answered@10");
    expect(timeline(convert({ ...cells, outcome: "Répondu" }))).toContain("answered@10");
    expect(timeline(convert({ ...cells, outcome: "NO_ANSWER" }))).toEqual(["offered@0", "abandoned@10"]);
    expect(timeline(convert({ ...cells, outcome: "abandonne" }))).toEqual(["offered@0", "abandoned@10"]);
    expect(timeline(convert({ ...cells, outcome: "1" }, { answeredValues: ["0"], abandonedValues: ["1"] }))).toEqual(["offered@0", "abandoned@10"]);
    expect(rejection(convert({ ...cells, outcome: "BUSY" }))).toMatchObject({ code: "unknownStatus", column: "outcome", value: "BUSY" });
  });

  it("without a status: an answer time or a talk time over 0 means answered, else abandoned", () => {
    expect(timeline(convert({ ...base, answeredAt: "2026-11-23 09:00:03", agentId: "a" }))).toContain("answered@3");
    expect(timeline(convert({ ...base, waitSeconds: "4", talkSeconds: "1", agentId: "a" }))).toContain("answered@4");
    expect(timeline(convert({ ...base, waitSeconds: "4", talkSeconds: "0", agentId: "a" }))).toEqual(["offered@0", "abandoned@4"]);
  });

  it("with no answer column at all, an agent means answered", () => {
    expect(timeline(convert({ ...base, waitSeconds: "4", agentId: "a" }))).toEqual(["offered@0", "answered@4"]);
    expect(timeline(convert({ ...base, waitSeconds: "4", agentId: "" }))).toEqual(["offered@0", "abandoned@4"]);
  });

  it("an answered call needs an agent, or the mapping's agent for unknown ones", () => {
    expect(rejection(convert({ ...cells, agentId: "", outcome: "answered" }))).toMatchObject({ code: "noAgent", column: "agentId" });
    expect(events(convert({ ...cells, agentId: "", outcome: "answered" }, { unknownAgent: "unknown" }))[1]).toMatchObject({ agentId: "unknown" });
  });
});

describe("rowToEvents: other fields and rejections", () => {
  it("channel, direction and customer, in the words of exports", () => {
    const e = events(convert({ ...base, abandonedAt: "2026-11-23 09:00:09", channel: "Téléphone", direction: "Sortant", customerId: "cust-9" }))[0];
    expect(e).toMatchObject({ channel: "voice", direction: "outbound", customerId: "cust-9" });
    expect(events(convert({ ...base, abandonedAt: "2026-11-23 09:00:09", channel: "E-mail" }))[0]).toMatchObject({ channel: "email" });
    expect(events(convert({ ...base, abandonedAt: "2026-11-23 09:00:09", channel: "" }))[0]).not.toHaveProperty("channel");
    expect(rejection(convert({ ...base, abandonedAt: "2026-11-23 09:00:09", channel: "SIP/1001-00000a" }))).toMatchObject({ code: "unknownChannel" });
    expect(rejection(convert({ ...base, abandonedAt: "2026-11-23 09:00:09", direction: "sideways" }))).toMatchObject({ code: "unknownDirection" });
  });

  it("required cells, bad times and times out of order", () => {
    expect(rejection(convert({ ...base, contactId: " " }))).toMatchObject({ code: "missing", column: "contactId" });
    expect(rejection(convert({ ...base, queue: "" }))).toMatchObject({ code: "missing", column: "queue" });
    expect(rejection(convert({ ...base, offeredAt: "yesterday" }))).toMatchObject({ code: "badTime", column: "offeredAt", value: "yesterday" });
    expect(rejection(convert({ ...base, answeredAt: "2026-11-23 08:59:00", agentId: "a" }))).toMatchObject({ code: "timeOrder", column: "answeredAt" });
    expect(rejection(convert({ ...base, answeredAt: "2026-11-23 09:00:10", endedAt: "2026-11-23 09:00:05", agentId: "a" }))).toMatchObject({ code: "timeOrder", column: "endedAt" });
    expect(rejection(convert({ ...base, answeredAt: "2026-11-23 09:00:10", endedAt: "2026-11-23 09:00:20", wrappedAt: "2026-11-23 09:00:15", agentId: "a" }))).toMatchObject({
      code: "timeOrder", column: "wrappedAt",
    });
    expect(rejection(convert({ ...base, abandonedAt: "2026-11-23 08:00:00" }))).toMatchObject({ code: "timeOrder", column: "abandonedAt" });
  });

  it("what the event schema refuses rejects the row: a call in the future, an over-long id", () => {
    expect(rejection(convert({ ...base, abandonedAt: "2026-11-23 09:00:09" }, {}, Date.parse("2026-11-23T07:00:00Z")))).toMatchObject({
      code: "invalidEvent", reason: expect.stringContaining("ahead"),
    });
    expect(rejection(convert({ ...base, contactId: "x".repeat(199), abandonedAt: "2026-11-23 09:00:09" }))).toMatchObject({ code: "invalidEvent" });
  });

  it("a short row reads its missing cells as empty", () => {
    const mapping = callMappingSchema.parse({ columns: { contactId: "id", queue: "q", offeredAt: "t", waitSeconds: "w" }, dateFormat: "ymd", timeZone: PARIS });
    const c = compileMapping(mapping, ["id", "q", "t", "w"]);
    if (!c.ok) throw new Error(c.reason);
    expect(rowToEvents({ line: 3, cells: ["c1", "q1", "2026-11-23 09:00:00"] }, c.compiled, NOW)).toMatchObject({ ok: false, error: { code: "noAbandonTime" } });
  });

  it("a mapping naming a column the file lacks is refused as a whole", () => {
    const mapping = callMappingSchema.parse({ columns: { contactId: "id", queue: "Queue", offeredAt: "t" }, dateFormat: "ymd", timeZone: PARIS });
    expect(compileMapping(mapping, ["id", "queue", "t"])).toEqual({ ok: false, reason: 'columns.queue: the file has no column "Queue"' });
  });

  it("the mapping schema requires contact id, queue and offered time, and a real time zone", () => {
    expect(callMappingSchema.safeParse({ columns: { contactId: "a", queue: "b" }, dateFormat: "iso", timeZone: PARIS }).success).toBe(false);
    expect(callMappingSchema.safeParse({ columns: { contactId: "a", queue: "b", offeredAt: "c" }, dateFormat: "iso", timeZone: "Mars/Olympus" }).success).toBe(false);
    expect(callMappingSchema.safeParse({ columns: { contactId: "a", queue: "b", offeredAt: "c" }, dateFormat: "iso", timeZone: PARIS }).success).toBe(true);
  });
});
