import "server-only";
import { HttpError, payloadTooLarge, unsupportedMediaType } from "../http/errors";

export const MAX_CSV_BYTES = 1024 * 1024;

/** The CSV text of an import request: a `text/csv` (or `text/plain`) body, or the `file` field of a multipart form. */
export async function readCsvBody(req: Request): Promise<string> {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_CSV_BYTES) throw payloadTooLarge(MAX_CSV_BYTES);
  const type = (req.headers.get("content-type") ?? "").split(";", 1)[0]!.trim().toLowerCase();
  let text: string;
  if (type === "text/csv" || type === "text/plain") text = await req.text();
  else if (type === "multipart/form-data") {
    const file = (await req.formData()).get("file");
    if (file === null) throw new HttpError(400, "file: missing (the CSV goes in the form field named file)");
    text = typeof file === "string" ? file : await file.text();
  } else throw unsupportedMediaType("send the CSV as text/csv, or as the file field of multipart/form-data");
  if (Buffer.byteLength(text) > MAX_CSV_BYTES) throw payloadTooLarge(MAX_CSV_BYTES);
  return text;
}
