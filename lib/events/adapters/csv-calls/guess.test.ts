import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../csv/parse";
import { readFixture } from "./fixtures/fixtures";
import { guessDateFormat, guessMapping } from "./guess";

const PARIS = "Europe/Paris";
const guess = (csv: string, dayFirst?: boolean) => {
  const { header, rows } = parseCsv(csv);
  return guessMapping({ header: header!.cells, sample: rows.map((r) => r.cells), timeZone: PARIS, dayFirst });
};

describe("guessMapping", () => {
  it("maps a Genesys/Five9-style export", () => {
    expect(guess(readFixture("calls.csv"))).toMatchObject({
      columns: {
        contactId: "Call ID", queue: "Queue", offeredAt: "Start Time", answeredAt: "Answer Time", endedAt: "End Time", agentId: "Agent",
        outcome: "Status", holdSeconds: "Hold Time", acwSeconds: "ACW Time", channel: "Media Type", direction: "Direction", customerId: "Customer ID",
      },
      dateFormat: "iso",
      timeZone: PARIS,
    });
  });

  it("maps a French export: date and hour columns, durations, day first", () => {
    expect(guess(readFixture("appels-fr.csv"))).toMatchObject({
      columns: {
        contactId: "N° appel", queue: "File d'attente", offeredAt: "Date", offeredTime: "Heure", agentId: "Conseiller", outcome: "Statut",
        waitSeconds: "Attente", talkSeconds: "Durée", holdSeconds: "Mise en attente", acwSeconds: "Post-appel", channel: "Canal", direction: "Sens", customerId: "Client",
      },
      dateFormat: "dmy",
    });
  });

  it("maps an Asterisk CDR: billsec is the talk time, and its SIP channel is no medium", () => {
    const cdr = [
      "accountcode,src,dst,dcontext,clid,channel,dstchannel,lastapp,lastdata,start,answer,end,duration,billsec,disposition,amaflags,uniqueid",
      ',0600000001,600,support,"Client" <0600000001>,SIP/trunk-00000001,SIP/1001-00000002,Queue,support,2026-11-23 09:00:00,2026-11-23 09:00:12,2026-11-23 09:03:12,192,180,ANSWERED,DOCUMENTATION,1763888400.1',
    ].join("\n");
    const g = guess(cdr);
    expect(g.columns).toMatchObject({ contactId: "uniqueid", offeredAt: "start", answeredAt: "answer", endedAt: "end", talkSeconds: "billsec", outcome: "disposition", customerId: "src" });
    expect(g.columns).not.toHaveProperty("channel");
    expect(g.columns).not.toHaveProperty("queue"); // dcontext is left to the reader
    expect(g.dateFormat).toBe("ymd");
  });

  it("reads a 0/1 ABANDONED column as a status", () => {
    const g = guess("CALL ID,SKILL,TIMESTAMP,AGENT,ABANDONED,QUEUE WAIT TIME,TALK TIME\n1,Support,11/23/2026 09:00:00,,1,0:00:40,0:00:00\n", false);
    expect(g).toMatchObject({ columns: { contactId: "CALL ID", queue: "SKILL", offeredAt: "TIMESTAMP", outcome: "ABANDONED", waitSeconds: "QUEUE WAIT TIME", talkSeconds: "TALK TIME" }, dateFormat: "mdy" });
    expect(g.abandonedValues).toContain("1");
    expect(g.answeredValues).toContain("0");
  });

  it("maps a Genesys Cloud interactions export", () => {
    const g = guess("Conversation ID,Date,Queue,Users,Abandoned,Total Queue,Total Talk,Total Hold,Total ACW,Direction\nabc,2026-11-23T09:00:00.000Z,Support,Ann,NO,12,180,20,30,Inbound\n");
    expect(g.columns).toEqual({
      contactId: "Conversation ID", queue: "Queue", offeredAt: "Date", agentId: "Users", outcome: "Abandoned", waitSeconds: "Total Queue",
      talkSeconds: "Total Talk", holdSeconds: "Total Hold", acwSeconds: "Total ACW", direction: "Direction",
    });
    expect(g.answeredValues).toContain("no");
  });

  it("leaves unknown columns unmapped", () => {
    expect(guess("foo,bar\n1,2\n").columns).toEqual({});
  });
});

describe("guessDateFormat", () => {
  it("settles day/month order with a day over 12, and prefers the locale's order otherwise", () => {
    expect(guessDateFormat(["05/06/2026 10:00", "13/06/2026 10:00"], PARIS, false)).toBe("dmy");
    expect(guessDateFormat(["06/05/2026 10:00", "06/13/2026 10:00"], PARIS, true)).toBe("mdy");
    expect(guessDateFormat(["05/06/2026 10:00"], PARIS, true)).toBe("dmy");
    expect(guessDateFormat(["05/06/2026 10:00"], PARIS, false)).toBe("mdy");
  });

  it("tells epoch seconds from milliseconds, and reads the majority of the cells", () => {
    expect(guessDateFormat(["1795421702", "1795421762"], PARIS)).toBe("epoch-s");
    expect(guessDateFormat(["1795421702000"], PARIS)).toBe("epoch-ms");
    expect(guessDateFormat(["2026-11-23T09:00:00Z", "n/a", "2026-11-23T09:01:00Z"], PARIS)).toBe("iso");
    expect(guessDateFormat([], PARIS)).toBe("dmy");
  });
});
