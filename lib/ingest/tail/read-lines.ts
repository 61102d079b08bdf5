import type { FileHandle } from "node:fs/promises";

const NEWLINE = 0x0a;

export interface LinesRead {
  /** Complete lines, each with its newline. */
  text: string;
  /** Bytes consumed from the offset: up to and including the last newline read. */
  bytes: number;
}

/**
 * Complete lines from `offset`, at most `maxBytes` of them. Bytes after the
 * last newline are a line still being written: left for the next read. A
 * buffer full with no newline at all (a long NUL run left by a crash) is
 * consumed up to its last NUL byte, or whole, so the tailer never stalls.
 */
export async function readCompleteLines(fh: FileHandle, offset: number, maxBytes: number): Promise<LinesRead> {
  const buf = Buffer.alloc(maxBytes);
  const { bytesRead } = await fh.read(buf, 0, maxBytes, offset);
  if (bytesRead === 0) return { text: "", bytes: 0 };
  const data = buf.subarray(0, bytesRead);
  let end = data.lastIndexOf(NEWLINE) + 1;
  if (end === 0) {
    if (bytesRead < maxBytes) return { text: "", bytes: 0 };
    const nul = data.lastIndexOf(0);
    end = nul >= 0 ? nul + 1 : bytesRead;
  }
  return { text: data.subarray(0, end).toString("utf8"), bytes: end };
}
