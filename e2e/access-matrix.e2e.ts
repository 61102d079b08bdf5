import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";

/**
 * The access policy as one table, checked over real HTTP against the production
 * server: every principal (anonymous, each role, an API key, a revoked key)
 * against every page, live scope and admin route. The expected statuses follow
 * lib/auth/permissions.ts:
 * - agents: only their own agent scope; no admin page or route;
 * - a supervisor limited to queues: only those queues, an agent serving one of
 *   them, never `all` nor a channel; kiosk links only;
 * - managers (no queue list) and admins: every live scope; admin routes and the
 *   /admin page for admins only, kiosk links for both;
 * - keys: read like their role, never an admin page or route; a revoked key is
 *   nobody (401, and a page sends it to /login like an anonymous visitor);
 * - business figures (/figures and its API): signed-in admins and managers only; the import of past calls
 *   (/imports and its API): admins only;
 * - reports (/reports, /api/reports): every reader (an agent gets their own rows); the KPI catalogue: every
 *   signed-in user; alert rules and history: admins, managers, supervisors (never a key).
 * Admin routes are exercised with invalid bodies (or unknown ids), so an allowed
 * caller gets 400 (or 404) and nothing changes. Each request is sent a second
 * time with `x-middleware-subrequest` (CVE-2025-29927), which must change nothing.
 */

const ADMIN = { email: process.env.VIGIE_E2E_ADMIN_EMAIL ?? "", password: process.env.VIGIE_E2E_ADMIN_PASSWORD ?? "" };
const INGEST_KEY = process.env.VIGIE_E2E_INGEST_KEY ?? "";
const RUN = Date.now().toString(36);
const PASSWORD = `e2e-matrix-${RUN}`;
const email = (role: string) => `mx-${role}-${RUN}@e2e.vigie.test`;
const SUBREQUEST = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };

test.describe.configure({ mode: "serial" });

const PRINCIPALS = ["anonymous", "agent", "supervisor", "manager", "admin", "revokedKey", "managerKey"] as const;
type PrincipalName = (typeof PRINCIPALS)[number];

/** A status, or "login": a redirect (307/302/303) to /login?next=<the page>. */
type Expected = number | "login";

interface Endpoint {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** May use {agentUserId}, filled in once the users exist. */
  path: string;
  data?: unknown;
}

const ENDPOINTS = {
  "page /wallboard": { method: "GET", path: "/wallboard" },
  "page /admin": { method: "GET", path: "/admin" },
  "page /admin/kiosks": { method: "GET", path: "/admin/kiosks" },
  "live all": { method: "GET", path: "/api/live?scope=all" },
  "live queue:mx-q1": { method: "GET", path: "/api/live?scope=queue:mx-q1" },
  "live queue:mx-q2": { method: "GET", path: "/api/live?scope=queue:mx-q2" },
  "live agent:mx-a1": { method: "GET", path: "/api/live?scope=agent:mx-a1" },
  "live agent:mx-a2": { method: "GET", path: "/api/live?scope=agent:mx-a2" },
  "live channel:voice": { method: "GET", path: "/api/live?scope=channel:voice" },
  "POST users": { method: "POST", path: "/api/admin/users", data: {} },
  "PATCH users/:id": { method: "PATCH", path: "/api/admin/users/{agentUserId}", data: { notAField: 1 } },
  "PUT users/:id/disabled": { method: "PUT", path: "/api/admin/users/{agentUserId}/disabled", data: {} },
  "PUT users/:id/password": { method: "PUT", path: "/api/admin/users/{agentUserId}/password", data: {} },
  "PUT queues/:queue": { method: "PUT", path: "/api/admin/queues/mx-q1", data: { notAField: 1 } },
  "POST api-keys": { method: "POST", path: "/api/admin/api-keys", data: {} },
  "DELETE api-keys/:id": { method: "DELETE", path: "/api/admin/api-keys/mx-no-such-key" },
  "POST kiosks": { method: "POST", path: "/api/admin/kiosks", data: {} },
  "DELETE kiosks/:id": { method: "DELETE", path: "/api/admin/kiosks/mx-no-such-link" },
  "page /figures": { method: "GET", path: "/figures" },
  "GET figures": { method: "GET", path: "/api/figures?kind=month" },
  "PUT figures": { method: "PUT", path: "/api/figures", data: { notAField: 1 } },
  "POST figures/import": { method: "POST", path: "/api/figures/import?dryRun=maybe" },
  "page /imports": { method: "GET", path: "/imports" },
  "POST imports/calls": { method: "POST", path: "/api/imports/calls", data: {} },
  "live queues:mx-q1,mx-q2": { method: "GET", path: "/api/live?scope=queues:mx-q1,mx-q2" },
  "page /reports": { method: "GET", path: "/reports" },
  "GET reports": { method: "GET", path: "/api/reports?from=2026-11-23&to=2026-11-23&groupBy=queue" },
  "page /kpis": { method: "GET", path: "/kpis" },
  "page /admin/alerts": { method: "GET", path: "/admin/alerts" },
  "GET alert rules": { method: "GET", path: "/api/admin/alerts/rules" },
  "POST alert rules": { method: "POST", path: "/api/admin/alerts/rules", data: { notAField: 1 } },
  "GET alert history": { method: "GET", path: "/api/admin/alerts/history" },
} satisfies Record<string, Endpoint>;
type EndpointName = keyof typeof ENDPOINTS;

const L = "login" as const;

/**
 * The policy: principal → endpoint → status. 400/404 on an admin route mean
 * "allowed" (the body is invalid, the id unknown); 401 = nobody; 403 = refused.
 */
const MATRIX: Record<PrincipalName, Record<EndpointName, Expected>> = {
  anonymous: {
    "page /wallboard": L, "page /admin": L, "page /admin/kiosks": L,
    "live all": 401, "live queue:mx-q1": 401, "live queue:mx-q2": 401,
    "live agent:mx-a1": 401, "live agent:mx-a2": 401, "live channel:voice": 401,
    "POST users": 401, "PATCH users/:id": 401, "PUT users/:id/disabled": 401, "PUT users/:id/password": 401,
    "PUT queues/:queue": 401, "POST api-keys": 401, "DELETE api-keys/:id": 401,
    "POST kiosks": 401, "DELETE kiosks/:id": 401,
    "page /figures": L, "GET figures": 401, "PUT figures": 401, "POST figures/import": 401, "page /imports": L, "POST imports/calls": 401,
    "live queues:mx-q1,mx-q2": 401, "page /reports": L, "GET reports": 401, "page /kpis": L,
    "page /admin/alerts": L, "GET alert rules": 401, "POST alert rules": 401, "GET alert history": 401,
  },
  // agentId mx-a1, no queues.
  agent: {
    "page /wallboard": 200, "page /admin": 404, "page /admin/kiosks": 404,
    "live all": 403, "live queue:mx-q1": 403, "live queue:mx-q2": 403,
    "live agent:mx-a1": 200, "live agent:mx-a2": 403, "live channel:voice": 403,
    "POST users": 403, "PATCH users/:id": 403, "PUT users/:id/disabled": 403, "PUT users/:id/password": 403,
    "PUT queues/:queue": 403, "POST api-keys": 403, "DELETE api-keys/:id": 403,
    "POST kiosks": 403, "DELETE kiosks/:id": 403,
    "page /figures": 404, "GET figures": 403, "PUT figures": 403, "POST figures/import": 403, "page /imports": 404, "POST imports/calls": 403,
    "live queues:mx-q1,mx-q2": 403, "page /reports": 200, "GET reports": 200, "page /kpis": 200,
    "page /admin/alerts": 404, "GET alert rules": 403, "POST alert rules": 403, "GET alert history": 403,
  },
  // Limited to mx-q1; mx-a1 serves mx-q1, mx-a2 serves mx-q2.
  supervisor: {
    "page /wallboard": 200, "page /admin": 404, "page /admin/kiosks": 200,
    "live all": 403, "live queue:mx-q1": 200, "live queue:mx-q2": 403,
    "live agent:mx-a1": 200, "live agent:mx-a2": 403, "live channel:voice": 403,
    "POST users": 403, "PATCH users/:id": 403, "PUT users/:id/disabled": 403, "PUT users/:id/password": 403,
    "PUT queues/:queue": 403, "POST api-keys": 403, "DELETE api-keys/:id": 403,
    "POST kiosks": 400, "DELETE kiosks/:id": 404,
    "page /figures": 404, "GET figures": 403, "PUT figures": 403, "POST figures/import": 403, "page /imports": 404, "POST imports/calls": 403,
    "live queues:mx-q1,mx-q2": 403, "page /reports": 200, "GET reports": 200, "page /kpis": 200,
    "page /admin/alerts": 200, "GET alert rules": 200, "POST alert rules": 400, "GET alert history": 200,
  },
  // No queue list: the whole center.
  manager: {
    "page /wallboard": 200, "page /admin": 404, "page /admin/kiosks": 200,
    "live all": 200, "live queue:mx-q1": 200, "live queue:mx-q2": 200,
    "live agent:mx-a1": 200, "live agent:mx-a2": 200, "live channel:voice": 200,
    "POST users": 403, "PATCH users/:id": 403, "PUT users/:id/disabled": 403, "PUT users/:id/password": 403,
    "PUT queues/:queue": 403, "POST api-keys": 403, "DELETE api-keys/:id": 403,
    "POST kiosks": 400, "DELETE kiosks/:id": 404,
    "page /figures": 200, "GET figures": 200, "PUT figures": 400, "POST figures/import": 400,
    "page /imports": 404, "POST imports/calls": 403,
    "live queues:mx-q1,mx-q2": 200, "page /reports": 200, "GET reports": 200, "page /kpis": 200,
    "page /admin/alerts": 200, "GET alert rules": 200, "POST alert rules": 400, "GET alert history": 200,
  },
  admin: {
    "page /wallboard": 200, "page /admin": 200, "page /admin/kiosks": 200,
    "live all": 200, "live queue:mx-q1": 200, "live queue:mx-q2": 200,
    "live agent:mx-a1": 200, "live agent:mx-a2": 200, "live channel:voice": 200,
    "POST users": 400, "PATCH users/:id": 400, "PUT users/:id/disabled": 400, "PUT users/:id/password": 400,
    "PUT queues/:queue": 400, "POST api-keys": 400, "DELETE api-keys/:id": 404,
    "POST kiosks": 400, "DELETE kiosks/:id": 404,
    "page /figures": 200, "GET figures": 200, "PUT figures": 400, "POST figures/import": 400,
    "page /imports": 200, "POST imports/calls": 400,
    "live queues:mx-q1,mx-q2": 200, "page /reports": 200, "GET reports": 200, "page /kpis": 200,
    "page /admin/alerts": 200, "GET alert rules": 200, "POST alert rules": 400, "GET alert history": 200,
  },
  // A manager key, revoked by the admin: nobody.
  revokedKey: {
    "page /wallboard": L, "page /admin": L, "page /admin/kiosks": L,
    "live all": 401, "live queue:mx-q1": 401, "live queue:mx-q2": 401,
    "live agent:mx-a1": 401, "live agent:mx-a2": 401, "live channel:voice": 401,
    "POST users": 401, "PATCH users/:id": 401, "PUT users/:id/disabled": 401, "PUT users/:id/password": 401,
    "PUT queues/:queue": 401, "POST api-keys": 401, "DELETE api-keys/:id": 401,
    "POST kiosks": 401, "DELETE kiosks/:id": 401,
    "page /figures": L, "GET figures": 401, "PUT figures": 401, "POST figures/import": 401, "page /imports": L, "POST imports/calls": 401,
    "live queues:mx-q1,mx-q2": 401, "page /reports": L, "GET reports": 401, "page /kpis": L,
    "page /admin/alerts": L, "GET alert rules": 401, "POST alert rules": 401, "GET alert history": 401,
  },
  // An admin-created manager key (no queue list): reads like a manager, administers nothing.
  managerKey: {
    "page /wallboard": 200, "page /admin": 404, "page /admin/kiosks": 404,
    "live all": 200, "live queue:mx-q1": 200, "live queue:mx-q2": 200,
    "live agent:mx-a1": 200, "live agent:mx-a2": 200, "live channel:voice": 200,
    "POST users": 403, "PATCH users/:id": 403, "PUT users/:id/disabled": 403, "PUT users/:id/password": 403,
    "PUT queues/:queue": 403, "POST api-keys": 403, "DELETE api-keys/:id": 403,
    "POST kiosks": 403, "DELETE kiosks/:id": 403,
    "page /figures": 404, "GET figures": 403, "PUT figures": 403, "POST figures/import": 403, "page /imports": 404, "POST imports/calls": 403,
    "live queues:mx-q1,mx-q2": 200, "page /reports": 200, "GET reports": 200, "page /kpis": 404,
    "page /admin/alerts": 404, "GET alert rules": 403, "POST alert rules": 403, "GET alert history": 403,
  },
};

const contexts = new Map<PrincipalName, APIRequestContext>();
let agentUserId = "";

async function newContext(baseURL: string, extraHTTPHeaders: Record<string, string> = {}): Promise<APIRequestContext> {
  // The Origin a browser would send; admin changes without it are refused as cross-site.
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL, ...extraHTTPHeaders } });
}

async function signedIn(baseURL: string, who: { email: string; password: string }): Promise<APIRequestContext> {
  const ctx = await newContext(baseURL);
  const res = await ctx.post("/api/auth/sign-in/email", { data: who });
  expect(res.status(), `sign-in of ${who.email}: ${await res.text()}`).toBe(200);
  return ctx;
}

test.beforeAll(async ({ baseURL }) => {
  expect(ADMIN.email, "the e2e server needs VIGIE_ADMIN_EMAIL/VIGIE_ADMIN_PASSWORD").not.toBe("");
  const base = new URL(baseURL!).origin;

  // What the live scopes name: mx-a1 serves mx-q1, mx-a2 serves mx-q2 (offline, so no agent
  // tile of other suites moves), and one voice contact per queue, ended at once.
  const ingest = await playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: { authorization: `Bearer ${INGEST_KEY}` } });
  const at = Date.now() - 5000;
  const events = [
    { id: `mx-${RUN}-s1`, type: "agent.state", at, agentId: "mx-a1", state: "offline", queues: ["mx-q1"] },
    { id: `mx-${RUN}-s2`, type: "agent.state", at, agentId: "mx-a2", state: "offline", queues: ["mx-q2"] },
    ...["mx-q1", "mx-q2"].flatMap((queue, i) => [
      { id: `mx-${RUN}-o${i}`, type: "contact.offered", at, contactId: `mx-${RUN}-c${i}`, queue, channel: "voice" },
      { id: `mx-${RUN}-x${i}`, type: "contact.abandoned", at: at + 1000, contactId: `mx-${RUN}-c${i}` },
    ]),
  ];
  const posted = await ingest.post("/api/events", { data: events });
  expect(posted.status(), await posted.text()).toBe(202);
  expect(await posted.json()).toMatchObject({ accepted: events.length, rejected: [] });
  await ingest.dispose();

  const admin = await signedIn(base, ADMIN);
  contexts.set("admin", admin);
  for (const [role, extra] of [
    ["agent", { agentId: "mx-a1", queues: [] }],
    ["supervisor", { queues: ["mx-q1"] }],
    ["manager", { queues: [] }],
  ] as const) {
    const res = await admin.post("/api/admin/users", {
      data: { email: email(role), name: `Matrix ${role} ${RUN}`, password: PASSWORD, role, ...extra },
    });
    expect(res.status(), await res.text()).toBe(201);
    if (role === "agent") agentUserId = ((await res.json()) as { id: string }).id;
    contexts.set(role, await signedIn(base, { email: email(role), password: PASSWORD }));
  }

  const createKey = async (name: string) => {
    const res = await admin.post("/api/admin/api-keys", { data: { name, role: "manager", queues: [] } });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: string; key: string };
  };
  const valid = await createKey(`mx-valid-${RUN}`);
  const revoked = await createKey(`mx-revoked-${RUN}`);
  const revoke = await admin.delete(`/api/admin/api-keys/${revoked.id}`);
  expect(revoke.status(), await revoke.text()).toBe(204);

  contexts.set("anonymous", await newContext(base));
  contexts.set("managerKey", await newContext(base, { authorization: `Bearer ${valid.key}` }));
  contexts.set("revokedKey", await newContext(base, { authorization: `Bearer ${revoked.key}` }));
});

test.afterAll(async () => {
  for (const ctx of contexts.values()) await ctx.dispose();
  contexts.clear();
});

async function send(ctx: APIRequestContext, e: Endpoint, headers: Record<string, string> = {}): Promise<APIResponse> {
  const url = e.path.replace("{agentUserId}", encodeURIComponent(agentUserId));
  return ctx.fetch(url, { method: e.method, data: e.data, headers, maxRedirects: 0 });
}

/** What the table says for a response: its status, or "login" for a redirect to /login?next=<path>. */
function observed(res: APIResponse, e: Endpoint): Expected | string {
  const status = res.status();
  if (![302, 303, 307].includes(status)) return status;
  const location = new URL(res.headers().location ?? "", res.url());
  const next = location.searchParams.get("next");
  return location.pathname === "/login" && next === e.path ? "login" : `${status} → ${res.headers().location}`;
}

for (const principal of PRINCIPALS) {
  test(`${principal}: every endpoint answers as the matrix says, with or without x-middleware-subrequest`, async () => {
    const ctx = contexts.get(principal)!;
    const actual: Record<string, Expected | string> = {};
    const withSubrequest: Record<string, Expected | string> = {};
    for (const [name, e] of Object.entries(ENDPOINTS) as [EndpointName, Endpoint][]) {
      actual[name] = observed(await send(ctx, e), e);
      withSubrequest[name] = observed(await send(ctx, e, SUBREQUEST), e);
    }
    expect(actual, `${principal}: observed vs MATRIX`).toEqual(MATRIX[principal]);
    expect(withSubrequest, `${principal}: with x-middleware-subrequest`).toEqual(actual);
  });
}

test("the matrix changed nothing: the agent still signs in and reads its scope, and nothing waits", async ({ baseURL }) => {
  // Same password, not disabled, still an agent of mx-a1.
  const agent = await signedIn(new URL(baseURL!).origin, { email: email("agent"), password: PASSWORD });
  expect((await agent.get("/api/live?scope=agent:mx-a1")).status()).toBe(200);
  expect((await agent.get("/api/live?scope=all")).status()).toBe(403);
  await agent.dispose();
  const admin = contexts.get("admin")!;
  for (const queue of ["mx-q1", "mx-q2"]) {
    const res = await admin.get(`/api/live?scope=queue:${queue}`);
    expect(res.status()).toBe(200);
    expect(((await res.json()) as { metrics: { waiting: number } }).metrics.waiting, queue).toBe(0);
  }
});
