import { z } from "zod";
import { callMappingSchema } from "./mapping";

/**
 * `POST /api/imports/calls`: the browser reads the file itself and sends its
 * rows in chunks, each with the lines they came from, so the page can show a
 * real progress bar and stop between two chunks. Shared by the route and the page.
 */

/** What the page sends per request. */
export const CHUNK_ROWS = 1000;
/** What one request may hold at most: a 400 beyond. */
export const MAX_CHUNK_ROWS = 5000;
/** A 413 beyond. */
export const MAX_CHUNK_BYTES = 8 * 1024 * 1024;
const MAX_CELLS = 300;
const MAX_CELL = 10_000;

export const chunkRequestSchema = z.object({
  /** Chosen by the page for one run over one file, so the run is audited once. */
  importId: z.string().trim().min(8).max(64).regex(/^[\w-]+$/, "letters, digits, - and _ only"),
  fileName: z.string().max(300).default(""),
  mapping: callMappingSchema,
  header: z.array(z.string().max(MAX_CELL)).min(1).max(MAX_CELLS),
  rows: z
    .array(z.object({ line: z.number().int().min(2), cells: z.array(z.string().max(MAX_CELL)).max(MAX_CELLS) }))
    .max(MAX_CHUNK_ROWS, `at most ${MAX_CHUNK_ROWS} rows per request: send the file in chunks`),
  dryRun: z.boolean().default(false),
  /** The run's last request (possibly with no rows): the run is audited now. */
  final: z.boolean().default(false),
  /** The run was stopped before its end. */
  cancelled: z.boolean().default(false),
});

export type ChunkRequest = z.output<typeof chunkRequestSchema>;
export type ChunkRequestInput = z.input<typeof chunkRequestSchema>;
