import type { BigIntStats } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * The files a log rotation leaves next to the log: `queue_log.1`,
 * `queue_log-20261123`, `queue_log.2026-11-23`… Compressed ones cannot be
 * read (logrotate's `delaycompress` keeps the newest rotated file plain), and
 * other files there (a position file) are no rotation.
 */
const ROTATED = /^[._-]\d[\d._-]*$/;

export const identity = (st: BigIntStats) => `${st.dev}:${st.ino}`;

export async function statOrNull(file: string): Promise<BigIntStats | null> {
  try {
    return await fs.stat(file, { bigint: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/** The log and its rotated files, with their stats. */
async function family(file: string): Promise<{ file: string; st: BigIntStats }[]> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const out: { file: string; st: BigIntStats }[] = [];
  for (const name of await fs.readdir(dir)) {
    if (name !== base && !(name.startsWith(base) && ROTATED.test(name.slice(base.length)))) continue;
    const st = await statOrNull(path.join(dir, name));
    if (st?.isFile()) out.push({ file: path.join(dir, name), st });
  }
  return out;
}

/** The file (the log or a rotated one) that has this identity now, if any. */
export async function findByIdentity(file: string, id: string): Promise<string | null> {
  return (await family(file)).find((f) => identity(f.st) === id)?.file ?? null;
}

/**
 * The file written after the one just finished: the least recently modified
 * of those modified since it, else the log itself. After a restart that finds
 * the saved file rotated twice (`.1` then `.2` with the current log), this
 * reads each in turn instead of jumping to the current log.
 */
export async function nextInChain(file: string, finished: BigIntStats): Promise<string> {
  const later = (await family(file))
    .filter((f) => identity(f.st) !== identity(finished) && f.st.mtimeNs >= finished.mtimeNs)
    .sort((a, b) => (a.st.mtimeNs < b.st.mtimeNs ? -1 : a.st.mtimeNs > b.st.mtimeNs ? 1 : 0));
  return later[0]?.file ?? file;
}
