import fs from "node:fs";
import path from "node:path";

/**
 * An exclusive lock on a data folder, held for the life of the process.
 * PGlite has no lock between processes, and two processes on one folder lose
 * committed rows: the second one must be refused. The lock file names the
 * owning pid; a lock whose process is gone (SIGKILL, crash) is taken over.
 */

export class FolderLockedError extends Error {}

export interface FolderLock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Locks this process holds: a lock file with our own pid but not in here is a former process's. */
const held: Set<string> = ((globalThis as { __vigieLocks?: Set<string> }).__vigieLocks ??= new Set());

export function lockFolder(dir: string): FolderLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "vigie.lock");
  if (held.has(file)) {
    throw new FolderLockedError(`The data folder ${path.resolve(dir)} is already open in this process.`);
  }
  const mine = `${process.pid}\n${new Date().toISOString()}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, mine, { flag: "wx" });
      held.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(file);
        try {
          if (fs.readFileSync(file, "utf8") === mine) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    let content: string;
    try {
      content = fs.readFileSync(file, "utf8");
    } catch {
      continue; // released meanwhile: try again
    }
    const pid = Number.parseInt(content, 10);
    if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) {
      throw new FolderLockedError(
        `The data folder ${path.resolve(dir)} is in use by another Vigie process (pid ${pid}). ` +
          `Stop it first, or set VIGIE_DATA_DIR to another folder.`,
      );
    }
    // Stale: remove it only if it is still the stale content we read.
    try {
      if (fs.readFileSync(file, "utf8") === content) fs.unlinkSync(file);
    } catch {
      /* someone else removed it */
    }
  }
  throw new FolderLockedError(`Could not lock the data folder ${path.resolve(dir)}: another process keeps taking it.`);
}
