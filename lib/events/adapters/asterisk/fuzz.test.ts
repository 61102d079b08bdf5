import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEvent } from "../../schema";
import { MemberTracker } from "./members";
import { translateQueueLog } from "./translate";
import { VERB_FIELDS } from "./verbs";

/**
 * Whatever the input, the adapter never throws and every event it gives passes
 * the ingest's own validation. Inputs: any text, lines near the real format
 * (every verb, odd fields, NUL runs), and database exports.
 */
const TZ = "Europe/Paris";
const LATER = Date.UTC(2999, 0, 1); // "now" for parseEvent: no plausible time is in its future
const T = 1795417200;

const text = fc.string({ unit: "binary", maxLength: 400 });
const field = fc.oneof(
  fc.constantFrom("", " ", "NONE", "REALTIME", "support", "ventes", "Local/1001@from-queue/n", "PJSIP/1003", "Agent/2001", "Alice Martin", "0612345678", "anonymous", "PAUSED", "BRIDGE", "LINK", "Local/ @x", "SIP/", "1795417320.21"),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 220 }),
  fc.integer({ min: -5, max: 100_000 }).map(String),
);
const verb = fc.oneof(fc.constantFrom(...Object.keys(VERB_FIELDS), "DID", "INFO", "RINGNOANSWER", "QUEUESTART", "enterqueue"), fc.string({ maxLength: 8 }));
const time = fc.oneof(
  fc.integer({ min: T - 86_400, max: T + 86_400 }).map(String),
  fc.constantFrom("", "0", "2026-11-23 08:00:00.5", "2026-03-29 02:30:00", "2026-10-25 02:30:00", "9999999999999", "1e9"),
);
const line = fc
  .tuple(time, field, field, field, verb, fc.array(field, { maxLength: 7 }))
  .map(([t, callid, queue, agent, v, data]) => [t, callid, queue, agent, v, ...data].join("|"));
const noisyLine = fc.oneof({ weight: 8, arbitrary: line }, { weight: 1, arbitrary: line.map((l) => "\0".repeat(5) + l) }, { weight: 1, arbitrary: text });
const log = fc.array(noisyLine, { maxLength: 40 });
const exportText = fc
  .tuple(fc.constantFrom("time,callid,queuename,agent,event,data1,data2,data3,data4,data5", "time|callid|queuename|agent|event|data", "id;time;callid;queue;agent;event;data"), log)
  .map(([header, lines]) => [header, ...lines.map((l) => l.replaceAll("|", header.includes(";") ? ";" : header.includes(",") ? "," : "|"))].join("\n"));

/** Checks every event; returns how many there were. */
function assertValid(input: string): number {
  const t = translateQueueLog(input, { timeZone: TZ });
  for (const { event, line: n } of t.events) {
    const r = parseEvent(JSON.parse(JSON.stringify(event)), LATER);
    if (!r.ok) throw new Error(`line ${n}: ${r.error} in ${JSON.stringify(event)}`);
  }
  return t.events.length;
}

describe("fuzzed queue_log input", () => {
  it("any text: no throw, only valid events", () => {
    fc.assert(fc.property(text, (s) => void assertValid(s)), { numRuns: 500 });
  });

  it("lines near the format: no throw, only valid events", () => {
    let produced = 0;
    fc.assert(fc.property(log, (lines) => void (produced += assertValid(lines.join("\n")))), { numRuns: 1000 });
    expect(produced).toBeGreaterThan(100); // the generator does reach the mapping
  });

  it("database exports: no throw, only valid events", () => {
    let produced = 0;
    fc.assert(fc.property(exportText, (s) => void (produced += assertValid(s))), { numRuns: 500 });
    expect(produced).toBeGreaterThan(10);
  });

  it("reading the log in two parts, the member state carried over, gives the same events as in one", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.nat(), (lines, cut) => {
        const at = lines.length === 0 ? 0 : cut % (lines.length + 1);
        const whole = translateQueueLog(lines.join("\n"), { timeZone: TZ }).events.map((e) => e.event);
        const members = new MemberTracker();
        const first = translateQueueLog(lines.slice(0, at).join("\n"), { timeZone: TZ }, members).events;
        const second = translateQueueLog(lines.slice(at).join("\n"), { timeZone: TZ }, new MemberTracker(JSON.parse(JSON.stringify(members.toJSON())))).events;
        expect([...first, ...second].map((e) => e.event)).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });
});
