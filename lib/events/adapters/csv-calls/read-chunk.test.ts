import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { errorResponse } = await import("../../../admin/http");
const { readChunkRequest } = await import("./read-chunk");
const { MAX_CHUNK_BYTES, MAX_CHUNK_ROWS } = await import("./chunk-request");

const mapping = { columns: { contactId: "id", queue: "q", offeredAt: "t" }, dateFormat: "iso", timeZone: "Europe/Paris" };
const chunk = { importId: "run-12345678", mapping, header: ["id", "q", "t"], rows: [{ line: 2, cells: ["c1", "q1", "2026-11-23T09:00:00Z"] }] };
const post = (body: string, type = "application/json") => new Request("http://vigie.test/api/imports/calls", { method: "POST", body, headers: { "content-type": type } });
/** The answer the route frame gives for what reading threw. */
const answer = async (req: Request) => {
  const e = await readChunkRequest(req).then(() => null, (e: unknown) => e);
  if (e === null) return { status: 200, body: null };
  const res = errorResponse(e);
  return { status: res.status, body: (await res.json()) as { error: string; field?: string } };
};

describe("readChunkRequest", () => {
  it("reads a chunk with its defaults", async () => {
    const r = await readChunkRequest(post(JSON.stringify(chunk)));
    expect(r).toMatchObject({ importId: "run-12345678", dryRun: false, final: false, cancelled: false, fileName: "", rows: chunk.rows });
    expect(r.mapping.answeredValues.length).toBeGreaterThan(0);
  });

  it("413 over the size limit, 415 when not JSON", async () => {
    expect((await answer(post("x".repeat(MAX_CHUNK_BYTES + 1)))).status).toBe(413);
    expect((await answer(post(JSON.stringify(chunk), "text/csv"))).status).toBe(415);
  });

  it("400 naming the field: too many rows, a bad mapping, no JSON", async () => {
    const many = { ...chunk, rows: Array.from({ length: MAX_CHUNK_ROWS + 1 }, (_, i) => ({ line: i + 2, cells: [] })) };
    expect(await answer(post(JSON.stringify(many)))).toEqual({
      status: 400,
      body: expect.objectContaining({ field: "rows", reason: expect.stringContaining("send the file in chunks") }),
    });
    const noQueue = { ...chunk, mapping: { ...mapping, columns: { contactId: "id", offeredAt: "t" } } };
    expect((await answer(post(JSON.stringify(noQueue)))).body).toMatchObject({ field: "mapping.columns.queue" });
    const badZone = { ...chunk, mapping: { ...mapping, timeZone: "Paris" } };
    expect((await answer(post(JSON.stringify(badZone)))).body).toMatchObject({ field: "mapping.timeZone" });
    expect((await answer(post("{"))).body).toMatchObject({ field: "body" });
  });
});
