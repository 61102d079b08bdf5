import { describe, expect, it } from "vitest";
import { agentIdOf } from "./agent-id";
import { detectExportHeader, parseExportRow, splitCells } from "./parse-export";
import { parseLine } from "./parse-line";
import { parseQueueLogTime } from "./parse-time";
import { recordKey } from "./record";

const TZ = "Europe/Paris";

describe("queue_log file lines", () => {
  it("reads epoch|callid|queue|agent|VERB|data…, trimming the trailing empty fields", () => {
    const r = parseLine("1795417320|1795417320.21|support|NONE|ENTERQUEUE||0612345678|1\r", TZ);
    expect(r).toEqual({
      ok: true,
      record: { at: 1795417320000, second: 1795417320, callid: "1795417320.21", queue: "support", agent: "NONE", verb: "ENTERQUEUE", data: ["", "0612345678", "1"] },
    });
    const q = parseLine("1795417080|NONE|NONE|NONE|QUEUESTART|", TZ);
    expect(q.ok && q.record.data).toEqual([]);
  });

  it("says why a line is not a record", () => {
    expect(parseLine("", TZ)).toEqual({ ok: false, reason: "blank" });
    expect(parseLine("1795419300|17954", TZ)).toEqual({ ok: false, reason: "malformed" });
    expect(parseLine("yesterday|1.2|q|NONE|ENTERQUEUE", TZ)).toEqual({ ok: false, reason: "bad-time" });
    expect(parseLine("1795417320|1.2|q|NONE|", TZ)).toEqual({ ok: false, reason: "malformed" });
    expect(parseLine(`1795417320|1.2|${"q".repeat(151)}|NONE|ENTERQUEUE`, TZ)).toEqual({ ok: false, reason: "field-too-long" });
  });
});

describe("times", () => {
  it("takes epoch seconds, and local dates in the PBX's time zone (DST-correct)", () => {
    expect(parseQueueLogTime("1795417320", TZ)).toBe(1795417320000);
    expect(parseQueueLogTime("1795417320.25", TZ)).toBe(1795417320250);
    expect(parseQueueLogTime("2026-11-23 08:02:00.257295", TZ)).toBe(Date.parse("2026-11-23T08:02:00.257+01:00"));
    expect(parseQueueLogTime("2026-07-01 08:02:00", TZ)).toBe(Date.parse("2026-07-01T08:02:00+02:00"));
    expect(parseQueueLogTime("2026-07-01 08:02:00", "UTC")).toBe(Date.parse("2026-07-01T08:02:00Z"));
    expect(parseQueueLogTime("2026-07-01T08:02:00+05:30", TZ)).toBe(Date.parse("2026-07-01T08:02:00+05:30"));
  });

  it("refuses what no PBX writes", () => {
    for (const s of ["", "12", "2026-13-01 00:00:00", "2026-01-01 24:00:00", "99999999999999", "1e9", "-5"]) {
      expect(parseQueueLogTime(s, TZ), s).toBeNull();
    }
  });
});

describe("database exports", () => {
  const header = "id,time,callid,queuename,agent,event,data1,data2,data3,data4,data5";
  const fileLine = parseLine("1795417326|1795417320.21|support|Local/1001@from-queue/n|CONNECT|6|1795417326.22|5", TZ);
  const key = fileLine.ok ? recordKey(fileLine.record) : "";

  it("finds the columns by name, whatever the separator", () => {
    expect(detectExportHeader(header)).toMatchObject({ sep: ",", time: 1, callid: 2, queue: 3, agent: 4, verb: 5, data: [6, 7, 8, 9, 10] });
    expect(detectExportHeader("time|callid|queuename|agent|event|data")).toMatchObject({ sep: "|", data: [], joined: 5 });
    expect(detectExportHeader("TIME;CallId;queue_name;Agent;Event;data2;data1")).toMatchObject({ sep: ";", data: [6, 5] });
    expect(detectExportHeader("1795417326|1795417320.21|support|NONE|ENTERQUEUE")).toBeNull();
  });

  it("gives the same record identity as the file line (local time, data1..5 or joined data, NULLs)", () => {
    const rows = [
      [header, '7,"2026-11-23 08:02:06.125270","1795417320.21","support","Local/1001@from-queue/n","CONNECT",6,"1795417326.22",5,NULL,NULL'],
      ["time|callid|queuename|agent|event|data", "2026-11-23 08:02:06|1795417320.21|support|Local/1001@from-queue/n|CONNECT|6|1795417326.22|5"],
      ["time\tcallid\tqueuename\tagent\tevent\tdata1\tdata2\tdata3", "1795417326\t1795417320.21\tsupport\tLocal/1001@from-queue/n\tCONNECT\t6\t1795417326.22\t5"],
      ["time,callid,queuename,agent,event,data1,data2,data3,data4,data5", '2026-11-23 07:02:06Z,1795417320.21,support,Local/1001@from-queue/n,CONNECT,6,1795417326.22,5,\\N,""'],
    ];
    for (const [h, row] of rows) {
      const r = parseExportRow(row!, detectExportHeader(h!)!, TZ);
      expect(r.ok && recordKey(r.record), row).toBe(key);
    }
  });

  it("splits quoted cells holding separators and quotes", () => {
    expect(splitCells('a,"b,c","d""e",', ",")).toEqual(["a", "b,c", 'd"e', ""]);
  });
});

describe("agent ids", () => {
  it("keeps the extension of Local channels and interfaces, and names as they are", () => {
    expect(agentIdOf("Local/1001@from-queue/n")).toBe("1001");
    expect(agentIdOf("local/1001@from-queue")).toBe("1001");
    expect(agentIdOf("PJSIP/1003")).toBe("1003");
    expect(agentIdOf("SIP/1003")).toBe("1003");
    expect(agentIdOf("Agent/2001")).toBe("2001");
    expect(agentIdOf("Alice Martin")).toBe("Alice Martin");
    expect(agentIdOf("NONE")).toBeUndefined();
    expect(agentIdOf(" ")).toBeUndefined();
  });
});
