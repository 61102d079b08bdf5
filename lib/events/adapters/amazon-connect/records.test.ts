import { describe, expect, it } from "vitest";
import { expandRecords } from "./records";

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

describe("records of a request body", () => {
  it("passes plain records through and opens Kinesis and Firehose batches, in order", () => {
    const out = expandRecords([
      { ok: true, value: { ContactId: "a" } },
      { ok: true, value: { Records: [{ kinesis: { data: b64('{"ContactId":"b"}') } }, { kinesis: { data: b64('{"ContactId":"c"}\n') } }] } },
      { ok: false, error: "invalid JSON" },
      { ok: true, value: { requestId: "r", timestamp: 1, records: [{ data: b64('{"ContactId":"d"}\n{"ContactId":"e"}') }] } },
    ]);
    expect(out).toEqual([
      { ok: true, value: { ContactId: "a" } },
      { ok: true, value: { ContactId: "b" } },
      { ok: true, value: { ContactId: "c" } },
      { ok: false, error: "invalid JSON" },
      { ok: true, value: { ContactId: "d" } },
      { ok: true, value: { ContactId: "e" } },
    ]);
  });

  it("reports undecodable payloads one by one", () => {
    const out = expandRecords([{ ok: true, value: { records: [{ data: "%%%" }, { data: b64("") }, { data: b64("{x") }] } }]);
    expect(out).toEqual([
      { ok: false, error: "data: is not base64" },
      { ok: false, error: "data: is empty" },
      { ok: false, error: expect.stringMatching(/^data: invalid JSON/) },
    ]);
  });
});
