import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTailConfig } from "./tail-config";

const KEY = { VIGIE_INGEST_KEY: "a-key-of-sixteen-chars" };

describe("the tailer's configuration", () => {
  it("has defaults for everything but the file and the key", () => {
    expect(loadTailConfig(["--file", "/var/log/asterisk/queue_log"], { ...KEY, STATE_DIRECTORY: "/var/lib/vigie-tail" })).toEqual({
      file: "/var/log/asterisk/queue_log",
      state: "/var/lib/vigie-tail/queue_log.position.json",
      url: "http://127.0.0.1:3000",
      key: KEY.VIGIE_INGEST_KEY,
      pollMs: 500,
      maxBytes: 65_536,
      rotateGraceMs: 2000,
      from: "start",
      once: false,
      timeZone: "Europe/Paris",
    });
    const cfg = loadTailConfig(["--file", "ql", "--from", "end", "--once", "--poll-ms", "100"], { ...KEY, VIGIE_URL: "https://vigie.example.com", VIGIE_TIMEZONE: "UTC" });
    expect(cfg).toMatchObject({ file: path.resolve("ql"), state: path.resolve("ql.position.json"), url: "https://vigie.example.com", from: "end", once: true, pollMs: 100, timeZone: "UTC" });
  });

  it("names the setting that is wrong, in one line", () => {
    const wrong = (argv: string[], env: Record<string, string> = KEY) => () => loadTailConfig(argv, env);
    expect(wrong([])).toThrow(/^--file is required/);
    expect(wrong(["--file", "ql"], {})).toThrow(/^VIGIE_INGEST_KEY must be set/);
    expect(wrong(["--file", "ql"], { VIGIE_INGEST_KEY: "short" })).toThrow(/^VIGIE_INGEST_KEY must be at least 16/);
    expect(wrong(["--file", "ql", "--url", "ftp://x"])).toThrow(/^--url \(or VIGIE_URL\) must be an http/);
    expect(wrong(["--file", "ql", "--from", "middle"])).toThrow(/^--from must be start or end/);
    expect(wrong(["--file", "ql", "--poll-ms", "1"])).toThrow(/^--poll-ms /);
    expect(wrong(["--file", "ql", "--time-zone", "Mars/Olympus"])).toThrow(/^--time-zone \(or VIGIE_TIMEZONE\) must be an IANA/);
    expect(wrong(["--file", "ql", "--key", "x"])).toThrow(/Unknown option '--key'/);
  });
});
