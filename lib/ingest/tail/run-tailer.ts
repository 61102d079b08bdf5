import fs from "node:fs/promises";
import path from "node:path";
import { MemberTracker, translateQueueLog } from "../../events/adapters/asterisk";
import { Follower, type FollowNote } from "./follower";
import { loadPosition, PositionFileError, savePosition, type Position } from "./position";
import { sendEvents, sleep } from "./send-events";
import type { TailConfig } from "./tail-config";

export type TailLog =
  | FollowNote
  | { event: "batch"; lines: number; events: number; accepted: number; duplicates: number; rejected: number; skipped: Record<string, number> }
  | { event: "rejected"; error: string }
  | { event: "retry"; attempt: number; reason: string; waitMs: number }
  | { event: "idle" };

/**
 * The tailer: follows the queue_log, turns each batch of complete lines into
 * events (keeping the member states from one batch to the next), posts them
 * to POST /api/events until acknowledged, and only then saves the new
 * position. A crash between the acknowledgement and the save resends the last
 * batch, which the server counts as duplicates (the ids come from the lines);
 * a line is never skipped.
 */
export async function runTailer(cfg: TailConfig, deps: { log: (entry: TailLog) => void; stop: AbortSignal; fetch?: typeof fetch }): Promise<void> {
  await fs.mkdir(path.dirname(cfg.state), { recursive: true });
  const saved = await loadPosition(cfg.state);
  if (saved && saved.file !== cfg.file) {
    throw new PositionFileError(`position file ${cfg.state} follows ${saved.file}, not ${cfg.file}: give each log its own --state`);
  }
  let members = new MemberTracker(saved?.members);
  const follower = new Follower(cfg.file, { maxBytes: cfg.maxBytes, rotateGraceMs: cfg.rotateGraceMs, note: deps.log });
  await follower.start(saved, cfg.from);

  const save = async () => {
    const point = follower.point();
    if (!point) return;
    const position: Position = { version: 1, file: cfg.file, ...point, members: members.toJSON() };
    await savePosition(cfg.state, position);
    follower.dirty = false;
  };

  try {
    while (!deps.stop.aborted) {
      const chunk = await follower.next();
      if (chunk) {
        const next = members.clone();
        const t = translateQueueLog(chunk.text, { timeZone: cfg.timeZone }, next);
        const result = await sendEvents(
          t.events.map((e) => e.event),
          { url: cfg.url, key: cfg.key, signal: deps.stop, fetch: deps.fetch, onRetry: (attempt, reason, waitMs) => deps.log({ event: "retry", attempt, reason, waitMs }) },
        );
        if (!result) break; // stopped before the server acknowledged: the position stays where it was
        follower.commit(chunk);
        members = next;
        await save();
        for (const r of result.rejected.slice(0, 20)) deps.log({ event: "rejected", error: `${t.events[r.index]?.event.id}: ${r.error}` });
        deps.log({ event: "batch", lines: t.lines, events: t.events.length, accepted: result.accepted, duplicates: result.duplicates, rejected: result.rejected.length, skipped: t.skipped.byReason });
        continue;
      }
      if (follower.dirty) await save();
      if (cfg.once) break;
      deps.log({ event: "idle" });
      await sleep(cfg.pollMs, deps.stop);
    }
  } finally {
    await follower.close();
  }
}
