import { describe, expect, it, vi } from "vitest";
import { HttpError } from "../http/errors";

vi.mock("server-only", () => ({}));
const { MAX_CSV_BYTES, readCsvBody } = await import("./read-csv-body");

const CSV = "period;marketingCosts\n2026-11;6000\n";
const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://vigie.test/api/figures/import", { method: "POST", body, headers });
const status = (p: Promise<unknown>) => p.then(() => 0, (e: unknown) => (e instanceof HttpError ? e.status : -1));

describe("readCsvBody", () => {
  it("reads text/csv, text/plain and the file field of a multipart form", async () => {
    expect(await readCsvBody(post(CSV, { "content-type": "text/csv; charset=utf-8" }))).toBe(CSV);
    expect(await readCsvBody(post(CSV, { "content-type": "text/plain" }))).toBe(CSV);
    const form = new FormData();
    form.set("file", new File([CSV], "figures.csv", { type: "text/csv" }));
    expect(await readCsvBody(post(form))).toBe(CSV);
  });

  it("refuses other types (415), a form without its file (400) and bodies over the limit (413)", async () => {
    expect(await status(readCsvBody(post(JSON.stringify({ CSV }), { "content-type": "application/json" })))).toBe(415);
    expect(await status(readCsvBody(post(new FormData())))).toBe(400);
    expect(await status(readCsvBody(post("x".repeat(MAX_CSV_BYTES + 1), { "content-type": "text/csv" })))).toBe(413);
  });
});
