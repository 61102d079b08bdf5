import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Follower, type FilePoint, type FollowNote } from "./follower";

let dir: string;
let log: string;
let notes: FollowNote[];
let clock: number;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "vigie-follow-"));
  log = path.join(dir, "queue_log");
  notes = [];
  clock = 0;
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const follower = (maxBytes = 1 << 16) => new Follower(log, { maxBytes, rotateGraceMs: 1000, note: (n) => void notes.push(n), now: () => clock });

/** Reads everything available now, committing each chunk; returns the text. */
async function drain(f: Follower): Promise<string> {
  let out = "";
  for (let chunk = await f.next(); chunk; chunk = await f.next()) {
    out += chunk.text;
    f.commit(chunk);
  }
  return out;
}

/** Distinct mtimes, whatever the file system's clock granularity. */
const touch = (file: string, seconds: number) => fs.utimes(file, seconds, seconds);

describe("Follower", () => {
  it("reads complete lines only, and a partial one once its newline arrives", async () => {
    await fs.writeFile(log, "a|1\nb|2\nc|");
    const f = follower();
    await f.start(null, "start");
    expect(await drain(f)).toBe("a|1\nb|2\n");
    await fs.appendFile(log, "3\n");
    expect(await drain(f)).toBe("c|3\n");
    expect(f.point()).toMatchObject({ offset: 12 });
    await f.close();
  });

  it("starts at the end of the last complete line with --from end", async () => {
    await fs.writeFile(log, "a|1\nb|2\nc|");
    const f = follower();
    await f.start(null, "end");
    await fs.appendFile(log, "3\nd|4\n");
    expect(await drain(f)).toBe("c|3\nd|4\n");
    await f.close();
  });

  it("finishes the renamed file, waits a grace period for its partial line, then reads the new log from 0", async () => {
    await fs.writeFile(log, "a|1\n");
    const f = follower();
    await f.start(null, "start");
    expect(await drain(f)).toBe("a|1\n");
    await fs.rename(log, `${log}.1`);
    await fs.appendFile(`${log}.1`, "b|2\nhalf");
    await fs.writeFile(log, "c|3\n");
    expect(await drain(f)).toBe("b|2\n"); // the old file's partial line holds the switch
    clock += 1500;
    expect(await drain(f)).toBe("c|3\n");
    // Notes name a file as it was opened.
    expect(notes.filter((n) => n.event !== "opened")).toEqual([
      { event: "dropped-partial", file: log, bytes: 4 },
      { event: "rotated", file: log },
    ]);
    await f.close();
  });

  it("after a restart, finds the saved file rotated twice and reads each file in turn", async () => {
    await fs.writeFile(log, "a|1\n");
    const first = follower();
    await first.start(null, "start");
    await drain(first);
    const saved = first.point()!;
    await first.close();
    // While it is down: two rotations, each file written after the previous one.
    await fs.appendFile(log, "b|2\n");
    await fs.rename(log, `${log}.1`);
    await touch(`${log}.1`, 1000);
    await fs.writeFile(log, "c|3\n");
    await fs.rename(log, `${log}.2`);
    await touch(`${log}.2`, 2000);
    await fs.writeFile(log, "d|4\n");
    await touch(log, 3000);
    await fs.writeFile(path.join(dir, "queue_log.position.json"), "{}"); // not a rotated file
    const again = follower();
    await again.start(saved, "start");
    expect(await drain(again)).toBe("b|2\nc|3\nd|4\n");
    await again.close();
  });

  it("says when the saved file is gone, and starts the current log from 0", async () => {
    const saved: FilePoint = { dev: "1", ino: "999999999", offset: 10, head: "" };
    await fs.writeFile(log, "a|1\n");
    const f = follower();
    await f.start(saved, "start");
    expect(await drain(f)).toBe("a|1\n");
    expect(notes[0]).toEqual({ event: "lost-rotated", file: log, offset: 10 });
    await f.close();
  });

  it("starts again from 0 after a truncation, shorter or rewritten longer", async () => {
    await fs.writeFile(log, "1700000000|a\n1700000001|b\n");
    const f = follower();
    await f.start(null, "start");
    await drain(f);
    await fs.writeFile(log, "1700000100|c\n"); // same inode, shorter
    expect(await drain(f)).toBe("1700000100|c\n");
    await fs.writeFile(log, "1700000200|d\n1700000201|e\n1700000202|f\n"); // same inode, longer than the offset
    expect(await drain(f)).toBe("1700000200|d\n1700000201|e\n1700000202|f\n");
    expect(notes.filter((n) => n.event === "truncated")).toHaveLength(2);
    await f.close();
  });

  it("never stalls on a run of NUL bytes longer than a read", async () => {
    await fs.writeFile(log, Buffer.concat([Buffer.from("a|1\n"), Buffer.alloc(10_000), Buffer.from("b|2\n")]));
    const f = follower(4096);
    await f.start(null, "start");
    const text = await drain(f);
    expect(text.replace(/\0/g, "")).toBe("a|1\nb|2\n");
    await f.close();
  });
});
