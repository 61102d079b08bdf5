import "server-only";
import { ValidationError } from "../../../admin/http";
import { payloadTooLarge, unsupportedMediaType } from "../../../http/errors";
import { chunkRequestSchema, MAX_CHUNK_BYTES, type ChunkRequest } from "./chunk-request";

/**
 * The JSON body of `POST /api/imports/calls`, validated: 413 over
 * MAX_CHUNK_BYTES (the admin routes' 64 KiB would not hold a chunk), 415
 * when not JSON, 400 naming the field and the reason otherwise.
 */
export async function readChunkRequest(req: Request): Promise<ChunkRequest> {
  const type = (req.headers.get("content-type") ?? "").split(";", 1)[0]!.trim().toLowerCase();
  if (type !== "application/json") throw unsupportedMediaType("send the chunk as application/json");
  if (Number(req.headers.get("content-length") ?? 0) > MAX_CHUNK_BYTES) throw payloadTooLarge(MAX_CHUNK_BYTES);
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_CHUNK_BYTES) throw payloadTooLarge(MAX_CHUNK_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ValidationError("body", "is not valid JSON");
  }
  return chunkRequestSchema.parse(json);
}
