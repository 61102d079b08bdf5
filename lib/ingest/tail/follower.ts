import fs, { type FileHandle } from "node:fs/promises";
import { HEAD_BYTES } from "./position";
import { readCompleteLines } from "./read-lines";
import { findByIdentity, identity, nextInChain, statOrNull } from "./rotated-files";

/** Where the follower reads: a file by identity, the offset of the next line, its first bytes. */
export interface FilePoint {
  dev: string;
  ino: string;
  offset: number;
  head: string;
}

export interface Chunk {
  text: string;
  /** The point after these lines, to commit once the server acknowledged them. */
  next: FilePoint;
}

export type FollowNote =
  | { event: "opened"; file: string; offset: number }
  | { event: "rotated"; file: string }
  | { event: "truncated"; file: string; offset: number }
  | { event: "dropped-partial"; file: string; bytes: number }
  | { event: "lost-rotated"; file: string; offset: number }
  | { event: "missing"; file: string };

interface Open {
  fh: FileHandle;
  name: string;
  point: FilePoint;
}

/**
 * Follows a log file the way `tail -F` does, line by line and never past a
 * partial line: survives rotation by rename (finishes the old file, then
 * starts the new one at 0), truncation (size below the offset, or a head that
 * changed: starts again at 0), and a restart (finds the rotated file by its
 * inode if the log was rotated meanwhile). The offset only moves on `commit`.
 */
export class Follower {
  private current: Open | null = null;
  private rotationSeenAt: number | null = null;
  /** The point changed without a chunk (switch, truncation): worth saving. */
  dirty = false;

  constructor(
    private readonly file: string,
    private readonly opts: { maxBytes: number; rotateGraceMs: number; note: (n: FollowNote) => void; now?: () => number },
  ) {}

  /** Starts from a saved point, or from the start (or the end) of the current file. */
  async start(saved: FilePoint | null, from: "start" | "end"): Promise<void> {
    if (saved) {
      const here = await statOrNull(this.file);
      if (here && identity(here) === `${saved.dev}:${saved.ino}`) return void (await this.openAt(this.file, saved));
      const rotated = await findByIdentity(this.file, `${saved.dev}:${saved.ino}`);
      if (rotated) return void (await this.openAt(rotated, saved));
      this.opts.note({ event: "lost-rotated", file: this.file, offset: saved.offset });
    }
    const st = await statOrNull(this.file);
    if (!st) return void this.opts.note({ event: "missing", file: this.file });
    const opened = await this.openAt(this.file, null);
    if (from === "end") opened.point.offset = await lastLineEnd(opened.fh, Number(st.size));
    this.dirty = true;
  }

  point(): FilePoint | null {
    return this.current ? { ...this.current.point } : null;
  }

  commit(chunk: Chunk): void {
    if (this.current) this.current.point = { ...chunk.next };
  }

  /** The next complete lines, or null when there are none for now. */
  async next(): Promise<Chunk | null> {
    for (let hops = 0; hops < 4; hops++) {
      if (!this.current && !(await this.openCurrent())) return null;
      const cur = this.current!;
      await this.checkTruncation(cur);
      const read = await readCompleteLines(cur.fh, cur.point.offset, this.opts.maxBytes);
      if (read.bytes > 0) {
        this.rotationSeenAt = null;
        return { text: read.text, next: { ...cur.point, offset: cur.point.offset + read.bytes } };
      }
      if (!(await this.switchIfRotated(cur))) return null;
    }
    return null;
  }

  async close(): Promise<void> {
    await this.current?.fh.close();
    this.current = null;
  }

  private async openCurrent(): Promise<boolean> {
    if (!(await statOrNull(this.file))) return false;
    await this.openAt(this.file, null);
    this.dirty = true;
    return true;
  }

  private async openAt(name: string, saved: FilePoint | null): Promise<Open> {
    const fh = await fs.open(name, "r");
    const st = await fh.stat({ bigint: true });
    const point = { dev: String(st.dev), ino: String(st.ino), offset: saved?.offset ?? 0, head: saved?.head ?? "" };
    await this.current?.fh.close();
    this.current = { fh, name, point };
    this.opts.note({ event: "opened", file: name, offset: point.offset });
    return this.current;
  }

  /** Same inode, but shorter than the offset or with other first bytes: rewritten from the start. */
  private async checkTruncation(cur: Open): Promise<void> {
    const size = Number((await cur.fh.stat({ bigint: true })).size);
    const head = await readHead(cur.fh, size);
    const known = Buffer.from(cur.point.head, "base64");
    const sameHead = head.subarray(0, known.length).equals(known) && head.length >= known.length;
    if (size < cur.point.offset || !sameHead) {
      this.opts.note({ event: "truncated", file: cur.name, offset: cur.point.offset });
      cur.point = { ...cur.point, offset: 0, head: head.toString("base64") };
      this.dirty = true;
    } else if (head.length > known.length) {
      cur.point = { ...cur.point, head: head.toString("base64") };
      this.dirty = true;
    }
  }

  /**
   * At the end of the open file: when the path now names another file, the
   * open one was rotated away. A partial last line there gets a grace period
   * to be completed (the writer may not have reopened yet), then is dropped.
   * The next file is the one written after it (see nextInChain).
   */
  private async switchIfRotated(cur: Open): Promise<boolean> {
    const st = await statOrNull(this.file);
    if (!st || identity(st) === `${cur.point.dev}:${cur.point.ino}`) return false;
    const finished = await cur.fh.stat({ bigint: true });
    const size = Number(finished.size);
    if (size > cur.point.offset) {
      const now = (this.opts.now ?? Date.now)();
      this.rotationSeenAt ??= now;
      if (now - this.rotationSeenAt < this.opts.rotateGraceMs) return false;
      this.opts.note({ event: "dropped-partial", file: cur.name, bytes: size - cur.point.offset });
    }
    this.rotationSeenAt = null;
    this.opts.note({ event: "rotated", file: cur.name });
    await this.openAt(await nextInChain(this.file, finished), null);
    this.dirty = true;
    return true;
  }
}

async function readHead(fh: FileHandle, size: number): Promise<Buffer> {
  const buf = Buffer.alloc(Math.min(HEAD_BYTES, size));
  if (buf.length === 0) return buf;
  const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
  return buf.subarray(0, bytesRead);
}

/** The offset just after the file's last newline: "from the end" never starts mid-line. */
async function lastLineEnd(fh: FileHandle, size: number): Promise<number> {
  const span = Math.min(size, 64 * 1024);
  const buf = Buffer.alloc(span);
  const { bytesRead } = await fh.read(buf, 0, span, size - span);
  const i = buf.subarray(0, bytesRead).lastIndexOf(0x0a);
  return i < 0 ? (size > span ? size - span : 0) : size - span + i + 1;
}
