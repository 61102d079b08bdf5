import { describe, expect, it } from "vitest";
import { HttpError } from "../http/errors";
import { bodyFormat, parseBody } from "./parse-body";

const status = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as HttpError).status;
  }
  return "no error";
};

describe("bodyFormat", () => {
  it("maps content types, ignoring parameters and case", () => {
    expect(bodyFormat("application/json; charset=utf-8")).toBe("json");
    expect(bodyFormat("Application/X-NDJSON")).toBe("ndjson");
    expect(bodyFormat("application/jsonl")).toBe("ndjson");
  });
  it("answers 415 otherwise", () => {
    expect(status(() => bodyFormat("text/plain"))).toBe(415);
    expect(status(() => bodyFormat(undefined))).toBe(415);
  });
});

describe("parseBody", () => {
  it("reads an object, an array, and NDJSON indexed by non-empty line", () => {
    expect(parseBody("json", '{"a":1}')).toEqual([{ ok: true, value: { a: 1 } }]);
    expect(parseBody("json", "\ufeff[1,2]")).toHaveLength(2);
    const items = parseBody("ndjson", '{"a":1}\r\n\n  \nnope\n{"b":2}');
    expect(items.map((i) => i.ok)).toEqual([true, false, true]);
    expect(items[1]).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid JSON/) });
  });
  it("answers 400 for a body that does not parse at all", () => {
    expect(status(() => parseBody("json", "{oops"))).toBe(400);
    expect(status(() => parseBody("json", "42"))).toBe(400);
    expect(status(() => parseBody("ndjson", "  \n\n"))).toBe(400);
  });
});
