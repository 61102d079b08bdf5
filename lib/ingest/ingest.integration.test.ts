import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { backendName, createTestDatabase, resendWhileUnavailable, withAdmin, type TestDatabase } from "../../db/testing";
import { loadEnv } from "../env";
import type { Scope } from "../metrics/scope";
import { startServer, type RunningServer } from "../server/boot";
import { serverContext } from "../server/context";

/**
 * CONTRACT §2 over real HTTP, against the real server (ingest fast path, no
 * Next) on a fresh database. "Stored" is always checked in the database right
 * after the answer: on PostgreSQL through a client of our own (a second
 * session sees only committed rows); on PGlite, which one process cannot open
 * twice, through the server's own handle, together with
 * pg_current_xact_id_if_assigned() — null means that single session holds no
 * open write transaction, so the rows it shows are committed.
 */

const KEY = "ingest-key-for-tests-0123";
const MAX_BYTES = 64 * 1024;
const backend = backendName();

let db: TestDatabase;
let server: RunningServer;
let store: Database;
let ownReader: Database | undefined;
const logs: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServer({
    env: loadEnv({ ...db.env, NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", VIGIE_INGEST_KEY: KEY, VIGIE_INGEST_MAX_BYTES: String(MAX_BYTES) }),
    log: (l) => void logs.push(l),
  });
  // Taken now: another server started in this process would publish its own context.
  store = db.url ? (ownReader = await openDatabase({ url: db.url, writers: 1 })) : serverContext().database;
});

afterAll(async () => {
  await server?.close();
  await ownReader?.close();
  await db?.drop();
});

// ---------------------------------------------------------------------------

let n = 0;
const uid = (p: string) => `${p}-${++n}`;
type Raw = Record<string, unknown>;

const offered = (queue: string, extra: Raw = {}): Raw => ({
  id: uid("evt"), type: "contact.offered", at: Date.now() - 2000, contactId: uid("c"), queue, ...extra,
});
const follow = (type: string, of: Raw, extra: Raw = {}): Raw => ({
  id: uid("evt"), type, at: (of.at as number) + 1000, contactId: of.contactId, ...extra,
});

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

async function post(
  body: string | Blob,
  opts: { type?: string | null; auth?: string | null; method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers };
  const auth = opts.auth === undefined ? `Bearer ${KEY}` : opts.auth;
  if (auth !== null) headers.authorization = auth;
  const type = opts.type === undefined ? "application/json" : opts.type;
  if (type !== null) headers["content-type"] = type;
  const method = opts.method ?? "POST";
  const res = await fetch(`${server.url}/api/events`, { method, headers, body: method === "GET" ? undefined : body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

const postJson = (value: unknown, opts?: Parameters<typeof post>[1]) => post(JSON.stringify(value), opts);
const ndjson = (lines: string[]) => post(lines.join("\n"), { type: "application/x-ndjson" });

/** The stored rows among `ids`, read as described at the top of this file. */
async function stored(ids: string[]): Promise<Map<string, { type: string; payload: Raw }>> {
  const [open] = await store.query<{ xid: string | null }>(`select pg_current_xact_id_if_assigned()::text as xid`);
  expect(open!.xid).toBeNull();
  const rows = await store.query<{ id: string; type: string; payload: unknown }>(
    `select id, type, payload from events where id = any($1::text[])`,
    [ids],
  );
  return new Map(
    rows.map((r) => [r.id, { type: r.type, payload: (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as Raw }]),
  );
}

async function expectStoredExactly(all: Raw[], kept: Raw[]): Promise<void> {
  const rows = await stored(all.map((e) => String(e.id)));
  expect([...rows.keys()].sort()).toEqual(kept.map((e) => String(e.id)).sort());
}

const snap = (queue: string) => server.hub.snapshot({ scope: `queue:${queue}` as Scope, window: "1h" });

function expectError(a: Answer, status: number, pattern?: RegExp): void {
  expect(a.status).toBe(status);
  expect(a.headers.get("content-type")).toMatch(/^application\/json/);
  expect(Object.keys(a.body)).toEqual(["error"]);
  expect(typeof a.body.error).toBe("string");
  if (pattern) expect(a.body.error).toMatch(pattern);
}

function expectAnswer(a: Answer, accepted: number, duplicates: number, rejectedIndexes: number[] = []): void {
  expect(a.status).toBe(202);
  expect(a.body.accepted).toBe(accepted);
  expect(a.body.duplicates).toBe(duplicates);
  expect(a.body.rejected.map((r: { index: number }) => r.index)).toEqual(rejectedIndexes);
}

// ---------------------------------------------------------------------------

describe(`POST /api/events bodies (${backend})`, () => {
  it("answers 202 with exactly {accepted, duplicates, rejected} and stores the event before answering", async () => {
    const e = offered("shape");
    const a = await postJson(e);
    expect(a.status).toBe(202);
    expect(a.headers.get("content-type")).toMatch(/^application\/json/);
    expect(Object.keys(a.body).sort()).toEqual(["accepted", "duplicates", "rejected"]);
    expect(a.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    const row = (await stored([e.id as string])).get(e.id as string);
    expect(row?.type).toBe("contact.offered");
    expect(row?.payload).toEqual(e);
    expect(snap("shape").metrics.offered).toBe(1);
  });

  it("takes a JSON array, with any +json type and a byte-order mark, and keeps unknown fields", async () => {
    const events = [offered("array", { crm: { ticket: 42 } }), offered("array"), offered("array", { channel: "chat" })];
    const a = await post(`\ufeff${JSON.stringify(events)}`, { type: "application/vnd.vigie+json; charset=utf-8" });
    expectAnswer(a, 3, 0);
    const rows = await stored(events.map((e) => e.id as string));
    expect(rows.size).toBe(3);
    expect(rows.get(events[0]!.id as string)?.payload.crm).toEqual({ ticket: 42 });
    expect(snap("array").metrics.offered).toBe(3);
  });

  it("takes NDJSON; an item's index is its position among non-empty lines", async () => {
    const good = [offered("nd"), offered("nd"), offered("nd")];
    const a = await ndjson([
      "",
      JSON.stringify(good[0]) + "\r", // CRLF line ends
      "   ",
      '{"id": "broken", "type":',
      "",
      JSON.stringify(good[1]),
      "[1, 2]",
      JSON.stringify(good[2]), // no final newline
    ]);
    expectAnswer(a, 3, 0, [1, 3]);
    expect(a.body.rejected[0].error).toMatch(/JSON/);
    expect(a.body.rejected[1].error).toMatch(/object/);
    await expectStoredExactly(good, good);
  });

  it("keeps the valid items of a partly invalid batch, reports the others one by one", async () => {
    const ok1 = offered("partial");
    const ok2 = follow("contact.answered", ok1, { agentId: "a-partial" });
    const batch = [
      ok1,
      { id: uid("evt"), type: "contact.teleported", at: Date.now(), contactId: "x" },
      ok2,
      42,
      { id: uid("evt"), type: "contact.offered", at: Date.now(), queue: "partial" },
      { id: uid("evt"), type: "contact.answered", at: "yesterday", contactId: "x", agentId: "a" },
    ];
    const a = await postJson(batch);
    expectAnswer(a, 2, 0, [1, 3, 4, 5]);
    const [teleported, notObject, missing, badTime] = a.body.rejected.map((r: { error: string }) => r.error);
    expect(teleported).toMatch(/^type: must be one of/);
    expect(notObject).toMatch(/must be a JSON object/);
    expect(missing).toMatch(/contactId: is required/);
    expect(badTime).toMatch(/^at: /);
    await expectStoredExactly(batch.filter((e): e is Raw => typeof e === "object"), [ok1, ok2]);
    const m = snap("partial").metrics;
    expect(m.offered).toBe(1);
    expect(m.answered).toBe(1);
  });

  it("answers 202 when every item is rejected, and stores nothing", async () => {
    const bad = [{ id: uid("evt"), type: "contact.offered", at: Date.now(), contactId: "c" }, "text", null, {}];
    const a = await postJson(bad);
    expectAnswer(a, 0, 0, [0, 1, 2, 3]);
    await expectStoredExactly([bad[0] as Raw], []);
  });

  it("rejects an event dated more than 5 minutes ahead, keeps one 4 minutes ahead", async () => {
    const ahead = offered("future", { at: Date.now() + 6 * 60_000 });
    const isoAhead = offered("future", { at: new Date(Date.now() + 6 * 60_000).toISOString().replace("Z", "+00:00") });
    const near = offered("future", { at: Date.now() + 4 * 60_000 });
    const a = await postJson([ahead, near, isoAhead]);
    expectAnswer(a, 1, 0, [0, 2]);
    expect(a.body.rejected[0].error).toMatch(/^at: more than 5 minutes ahead/);
    await expectStoredExactly([ahead, near, isoAhead], [near]);
  });

  it("rejects per item what PostgreSQL cannot store (NUL, lone surrogate) without failing the batch", async () => {
    const ok = offered("nul");
    const escaped = offered("nul", { note: "\\u0000 is only text here" });
    const batch = [
      offered("nul", { note: "a\u0000b" }),
      ok,
      offered("n\u0000l"),
      offered("nul", { note: "\ud800" }),
      escaped,
    ];
    const a = await postJson(batch);
    expectAnswer(a, 2, 0, [0, 2, 3]);
    for (const r of a.body.rejected) expect(r.error).toMatch(/NUL character or an unpaired surrogate/);
    await expectStoredExactly(batch, [ok, escaped]);
    expect((await stored([escaped.id as string])).get(escaped.id as string)?.payload.note).toBe("\\u0000 is only text here");

    // A raw NUL byte inside an NDJSON line makes only that line invalid JSON.
    const after = offered("nul");
    const b = await ndjson([`{"id":"${uid("evt")}","type":"contact.offered","queue":"a\u0000b"}`, JSON.stringify(after)]);
    expectAnswer(b, 1, 0, [0]);
    await expectStoredExactly([after], [after]);
  });

  // Known defect (see the report): JSON.stringify in parseEvent overflows the stack on a
  // deeply nested extra field, and the whole batch gets 500. Drop `.fails` once fixed.
  it("rejects a deeply nested event per item, keeping the rest of the batch", async () => {
    const ok = offered("deep");
    const depth = 20_000;
    const deep = `{"id":"${uid("evt")}","type":"contact.offered","at":${Date.now()},"contactId":"d","queue":"deep","x":${"[".repeat(depth)}${"]".repeat(depth)}}`;
    const a = await ndjson([JSON.stringify(ok), deep]);
    expectAnswer(a, 1, 0, [1]);
    await expectStoredExactly([ok], [ok]);
  });

  it("has every accepted event of concurrent requests committed when each 202 arrives", async () => {
    const batches = Array.from({ length: 24 }, () => Array.from({ length: 25 }, () => offered("commit")));
    await Promise.all(
      batches.map(async (batch) => {
        const a = await postJson(batch);
        expectAnswer(a, batch.length, 0);
        const rows = await stored(batch.map((e) => e.id as string));
        expect(rows.size).toBe(batch.length);
      }),
    );
    expect(snap("commit").metrics.offered).toBe(24 * 25);
  });
});

describe(`POST /api/events idempotency (${backend})`, () => {
  it("counts an id resent later as a duplicate and changes neither the stored row nor the metrics", async () => {
    const o = offered("idem");
    const gone = follow("contact.abandoned", o);
    expectAnswer(await postJson([o, gone]), 2, 0);
    const before = snap("idem");
    expect(before.metrics).toMatchObject({ offered: 1, abandoned: 1, answered: 0 });

    // Same ids, other content: an answered in place of the abandoned, another queue.
    const changed = [{ ...o, queue: "elsewhere" }, { ...gone, type: "contact.answered", agentId: "a-idem" }];
    expectAnswer(await postJson(changed), 0, 2);
    expectAnswer(await ndjson(changed.map((e) => JSON.stringify(e))), 0, 2);

    const rows = await stored([o.id as string, gone.id as string]);
    expect(rows.get(o.id as string)?.payload).toEqual(o);
    expect(rows.get(gone.id as string)?.type).toBe("contact.abandoned");
    expect(rows.get(gone.id as string)?.payload).toEqual(gone);
    const after = snap("idem");
    expect(after.metrics).toEqual(before.metrics);
    expect(after.version).toBe(before.version);
    expect(snap("elsewhere").metrics.offered).toBe(0);
  });

  it("counts an id repeated inside one batch as a duplicate of its first occurrence", async () => {
    const o = offered("twice");
    const a = await postJson([o, { ...o, queue: "other" }, o]);
    expectAnswer(a, 1, 2);
    expect((await stored([o.id as string])).get(o.id as string)?.payload).toEqual(o);
  });

  it("accepts an id exactly once across concurrent requests", async () => {
    const rounds = Array.from({ length: 12 }, () => offered("race"));
    const answers = await Promise.all(rounds.flatMap((e) => [postJson(e), postJson([e])]));
    for (let i = 0; i < rounds.length; i++) {
      const pair = [answers[2 * i]!, answers[2 * i + 1]!];
      for (const a of pair) expect(a.status).toBe(202);
      expect(pair.map((a) => a.body.accepted).sort()).toEqual([0, 1]);
      expect(pair.map((a) => a.body.duplicates).sort()).toEqual([0, 1]);
    }
    // Overlapping batches: x, y | y, z | z, x → three new ids, three duplicates overall.
    const [x, y, z] = [offered("race"), offered("race"), offered("race")];
    const overlap = await Promise.all([postJson([x, y]), postJson([y, z]), postJson([z, x])]);
    expect(overlap.reduce((s, a) => s + a.body.accepted, 0)).toBe(3);
    expect(overlap.reduce((s, a) => s + a.body.duplicates, 0)).toBe(3);
    await expectStoredExactly([...rounds, x, y, z], [...rounds, x, y, z]);
    expect(snap("race").metrics.offered).toBe(rounds.length + 3);
  });
});

describe(`POST /api/events errors (${backend})`, () => {
  it("401 without a header, with a wrong key or another scheme, before any other check; nothing stored", async () => {
    const e = offered("auth");
    for (const auth of [null, `Bearer ${KEY}x`, `Bearer ${KEY.slice(1)}`, `Basic ${Buffer.from(`u:${KEY}`).toString("base64")}`, KEY, "Bearer"]) {
      const a = await postJson(e, { auth });
      expectError(a, 401);
      expect(a.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    // Authentication comes before the content type, the size and the body.
    expectError(await post("x", { auth: "Bearer wrong-key-wrong-key", type: "text/plain" }), 401);
    expectError(await post("x".repeat(MAX_BYTES + 1), { auth: null }), 401);
    expectError(await post("{", { auth: null }), 401);
    await expectStoredExactly([e], []);
    // The scheme name is case-insensitive (RFC 9110).
    expectAnswer(await postJson(e, { auth: `bearer ${KEY}` }), 1, 0);
  });

  it("400 when the body is not parseable at all or empty", async () => {
    expectError(await post('{"id": "x", "type": "contact.offered",'), 400, /JSON/);
    expectError(await post("[1, 2"), 400, /JSON/);
    expectError(await post(""), 400, /empty/);
    expectError(await post(" \n\t "), 400, /empty/);
    expectError(await post("\n\n", { type: "application/x-ndjson" }), 400, /empty/);
    expectError(await post("42"), 400);
    expectError(await post("null"), 400);
  });

  it("413 over the size limit with a Content-Length, and the exact limit still passes", async () => {
    expect(loadEnv({}).VIGIE_INGEST_MAX_BYTES).toBe(10 * 1024 * 1024); // the documented default
    const atLimit = [offered("size")];
    const text = JSON.stringify(atLimit);
    const exact = text + " ".repeat(MAX_BYTES - Buffer.byteLength(text));
    expect(Buffer.byteLength(exact)).toBe(MAX_BYTES);
    expectAnswer(await post(exact), 1, 0);

    const over = [offered("size")];
    const big = JSON.stringify(over) + " ".repeat(MAX_BYTES);
    expectError(await post(big), 413, new RegExp(String(MAX_BYTES)));
    await expectStoredExactly([...atLimit, ...over], atLimit);
  });

  it("413 over the size limit in a chunked body without Content-Length", async () => {
    const over = Array.from({ length: 300 }, () => offered("chunked", { pad: "p".repeat(200) }));
    const text = JSON.stringify(over);
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_BYTES);
    const a = await chunked(text);
    expect(a.requestHeaders["content-length"]).toBeUndefined();
    expect(a.status).toBe(413);
    expect(JSON.parse(a.body)).toEqual({ error: expect.stringContaining(String(MAX_BYTES)) });
    await expectStoredExactly(over, []);

    // A chunked body under the limit is accepted, and the server still serves after the 413s.
    const small = over.slice(0, 10);
    const b = await chunked(JSON.stringify(small));
    expect(b.status).toBe(202);
    expect(JSON.parse(b.body)).toEqual({ accepted: 10, duplicates: 0, rejected: [] });
    await expectStoredExactly(over, small);
  });

  it("415 for an unsupported or missing content type, or a content encoding", async () => {
    const body = JSON.stringify(offered("type"));
    expectError(await post(body, { type: "text/plain" }), 415, /text\/plain/);
    // A Blob without a type makes fetch send no Content-Type at all (a string would send text/plain).
    expectError(await post(new Blob([body]), { type: null }), 415, /^missing Content-Type/);
    expectError(await post(body, { type: "application/xml" }), 415);
    expectError(await post(body, { type: "multipart/form-data; boundary=x" }), 415);
    expectError(await post(body, { headers: { "content-encoding": "gzip" } }), 415, /gzip/);
    await expectStoredExactly([JSON.parse(body)], []);
  });

  it("405 for other methods, naming POST in Allow", async () => {
    for (const method of ["GET", "PUT", "DELETE", "PATCH"]) {
      const a = await post("{}", { method });
      expectError(a, 405);
      expect(a.headers.get("allow")).toBe("POST");
    }
  });
});

describe(`POST /api/events with no ingest key configured (${backend})`, () => {
  let other: TestDatabase;
  let keyless: RunningServer;
  beforeAll(async () => {
    other = await createTestDatabase();
    keyless = await startServer({ env: loadEnv({ ...other.env, NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1" }), log: () => {} });
  });
  afterAll(async () => {
    await keyless?.close();
    await other?.drop();
  });

  it("answers 401 to every request, whatever bearer it presents", async () => {
    const e = offered("keyless");
    for (const auth of [null, `Bearer ${KEY}`, "Bearer some-other-key-0123456789", "Bearer undefined", "Bearer null"]) {
      for (const [body, type] of [[JSON.stringify(e), "application/json"], [JSON.stringify(e), "application/x-ndjson"], ["{", "text/plain"]]) {
        const headers: Record<string, string> = { "content-type": type! };
        if (auth) headers.authorization = auth;
        const res = await fetch(`${keyless.url}/api/events`, { method: "POST", headers, body });
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ error: expect.any(String) });
      }
    }
    expect(keyless.hub.snapshot({ scope: "all", window: "1h" }).metrics.offered).toBe(0);
  });
});

describe.runIf(backend === "postgres")(`POST /api/events while storage is unreachable (${backend})`, () => {
  const allow = (yes: boolean) =>
    withAdmin(async (sql) => {
      await sql.unsafe(`alter database ${db.name} allow_connections ${yes}`);
      if (!yes) {
        await sql`select pg_terminate_backend(pid, 5000) from pg_stat_activity where datname = ${db.name!} and pid <> pg_backend_pid()`;
      }
    });
  afterAll(() => allow(true));

  it("answers 503 {error} and stores nothing, then recovers once the database is back", async () => {
    const e = offered("outage");
    const o2 = offered("outage");
    await allow(false);
    const a = await postJson([e, o2]);
    expectError(a, 503, /storage unavailable/);
    expect(a.headers.get("retry-after")).toBeTruthy();
    expect(logs.some((l) => /ingest failed/.test(l))).toBe(true);
    expect(snap("outage").metrics.offered).toBe(0);
    await allow(true);

    await expectStoredExactly([e, o2], []);
    // The sender retries: the same batch is now new, not a duplicate.
    expectAnswer(await resendWhileUnavailable(() => postJson([e, o2])), 2, 0);
    await expectStoredExactly([e, o2], [e, o2]);
    expect(snap("outage").metrics.offered).toBe(2);
  });
});

describe.runIf(backend === "pglite")(`POST /api/events while storage is unreachable (${backend})`, () => {
  it.skip("needs a PostgreSQL server to take away (run with DATABASE_URL)", () => {});
});

/** POSTs `text` in several chunks with Transfer-Encoding: chunked (no Content-Length). */
function chunked(text: string): Promise<{ status: number; body: string; requestHeaders: http.OutgoingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}/api/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json", "transfer-encoding": "chunked" },
    });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, body, requestHeaders: req.getHeaders() }));
      res.on("error", reject);
    });
    // After a 413 the server closes the connection; a write still under way may then fail: that is expected.
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const size = 16 * 1024;
    for (let i = 0; i < text.length; i += size) req.write(text.slice(i, i + size));
    req.end();
  });
}
