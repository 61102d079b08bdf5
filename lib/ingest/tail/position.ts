import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { memberTrackerSchema } from "../../events/adapters/asterisk";

/**
 * Where the tailer stands: which file (device and inode, so a rotation is
 * seen), the offset just after the last line the server acknowledged, the
 * file's first bytes (a file truncated and rewritten past the offset keeps its
 * inode but not its head), and the member states folded from the lines before.
 * Only complete lines are ever counted in `offset`: a partial last line is
 * read again once its newline arrives.
 */
export const positionSchema = z.object({
  version: z.literal(1),
  file: z.string().min(1),
  dev: z.string().regex(/^\d+$/),
  ino: z.string().regex(/^\d+$/),
  offset: z.number().int().min(0),
  /** Base64 of the file's first bytes (up to HEAD_BYTES). */
  head: z.string().max(200),
  members: memberTrackerSchema,
});
export type Position = z.infer<typeof positionSchema>;

export const HEAD_BYTES = 64;

export class PositionFileError extends Error {}

/** The saved position, or null when there is none yet. */
export async function loadPosition(file: string): Promise<Position | null> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PositionFileError(`position file ${file} is not JSON; move it away to start over`);
  }
  const parsed = positionSchema.safeParse(json);
  if (!parsed.success) throw new PositionFileError(`position file ${file} is not valid (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}); move it away to start over`);
  return parsed.data;
}

/** Replaces the position file atomically and durably: a crash leaves the old one or the new one, whole. */
export async function savePosition(file: string, position: Position): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const fh = await fs.open(tmp, "w", 0o640);
  try {
    await fh.writeFile(JSON.stringify(position));
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.rename(tmp, file);
  const dir = await fs.open(path.dirname(file), "r");
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
