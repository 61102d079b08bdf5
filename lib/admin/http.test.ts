import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

vi.mock("server-only", () => ({}));
const identity = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("../server/request-identity", () => ({ requestIdentity: async () => identity.current }));
vi.mock("../server/context", () => ({ serverContext: () => ({ trustedOrigins: ["http://vigie.test"] }) }));

const { errorResponse, guarded, readBody } = await import("./http");
const { UserConflictError, UserNotFoundError } = await import("../auth/users");
const { canAdminister } = await import("../auth/permissions");

const admin = { kind: "user", id: "a1", role: "admin", agentId: null, queues: [], disabled: false } as const;
const agent = { ...admin, id: "g1", role: "agent" } as const;
const post = (body: string, headers: Record<string, string> = { origin: "http://vigie.test" }) =>
  new Request("http://vigie.test/api/admin/x", { method: "POST", body, headers });
const noParams = { params: Promise.resolve({}) };

describe("admin route frame", () => {
  it("names the field and the reason of an invalid body", async () => {
    const schema = z.object({ email: z.email() });
    const res = errorResponse(await readBody(post('{"email":"nope"}'), schema).catch((e: unknown) => e));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ field: "email" });
    const notJson = errorResponse(await readBody(post("{"), schema).catch((e: unknown) => e));
    expect(await notJson.json()).toMatchObject({ field: "body", reason: "is not valid JSON" });
  });

  it("maps the user errors to 409 and 404", async () => {
    expect(errorResponse(new UserConflictError("agentId")).status).toBe(409);
    expect(await errorResponse(new UserConflictError("agentId")).json()).toMatchObject({ field: "agentId" });
    expect(errorResponse(new UserNotFoundError()).status).toBe(404);
    vi.spyOn(console, "error").mockImplementationOnce(() => {});
    expect(errorResponse(new Error("boom")).status).toBe(500);
  });

  it("refuses cross-site changes, anonymous callers and the wrong role before the handler runs", async () => {
    const handler = vi.fn(async () => Response.json({ ok: true }));
    const route = guarded(canAdminister, handler);
    identity.current = { principal: admin, sessionId: "s", via: "session" };
    expect((await route(post("{}", { origin: "http://evil.test" }), noParams)).status).toBe(403);
    expect((await route(post("{}", {}), noParams)).status).toBe(403);
    identity.current = null;
    expect((await route(post("{}"), noParams)).status).toBe(401);
    identity.current = { principal: agent, sessionId: "s", via: "session" };
    expect((await route(post("{}"), noParams)).status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
    identity.current = { principal: admin, sessionId: "s", via: "session" };
    const ok = await route(post("{}"), noParams);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(handler).toHaveBeenCalledOnce();
  });
});
