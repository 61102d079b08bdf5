import { expect, request as playwrightRequest, test, type Browser, type Page } from "@playwright/test";
import { ADMIN, signedInThroughForm } from "./support/session";

/**
 * The agent page in real Chromium against the real server: an agent linked to
 * an agentId sees their numbers beside their team's, today's states with the
 * pause reason and their survey answers on `/me` (and reaches it from the
 * board's menu); another agent's page is a 404 and its API a 403. A manager
 * opens any agent's page; a user linked to no agent is told so.
 */

const INGEST_KEY = process.env.VIGIE_E2E_INGEST_KEY ?? "";
const RUN = Date.now().toString(36);
const PASSWORD = `e2e-me-${RUN}`;
const QUEUE = `me-${RUN}-q`;
const AGENT_ID = `me-${RUN}-agent`;
const OTHER_ID = `me-${RUN}-other`;
const email = (who: string) => `me-${who}-${RUN}@e2e.vigie.test`;

test.describe.configure({ mode: "serial" });

const signedIn = (browser: Browser, who: string, next: string): Promise<Page> => signedInThroughForm(browser, who, PASSWORD, next);
const todayCell = (page: Page, kpi: string) => page.locator(`[data-testid="period-card"][data-period="today"] [data-kpi="${kpi}"]`);

async function screenshot(page: Page, name: string) {
  const png = await page.screenshot({ path: test.info().outputPath(`${name}-1920x1080.png`) });
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1080]);
  await test.info().attach(name, { body: png, contentType: "image/png" });
}

test.beforeAll(async ({ baseURL, request }) => {
  expect(ADMIN.email, "the e2e server needs VIGIE_ADMIN_EMAIL/VIGIE_ADMIN_PASSWORD").not.toBe("");
  const origin = new URL(baseURL!).origin;
  const admin = await playwrightRequest.newContext({ baseURL: origin, extraHTTPHeaders: { origin } });
  expect((await admin.post("/api/auth/sign-in/email", { data: ADMIN })).status()).toBe(200);
  for (const [who, role, extra] of [
    ["manager", "manager", {}],
    ["agent", "agent", { agentId: AGENT_ID }],
    ["unlinked", "agent", {}],
  ] as const) {
    const res = await admin.post("/api/admin/users", { data: { email: email(who), name: `Me ${who}`, password: PASSWORD, role, queues: [], ...extra } });
    expect(res.status(), await res.text()).toBe(201);
  }
  await admin.dispose();

  // Our agent: available, one contact (68 s handled), a lunch pause, back; a CSAT answer. Another agent on the same queue.
  const t0 = Date.now() - 180_000;
  const c = (n: number) => `me-${RUN}-c${n}`;
  const events = [
    { type: "agent.state", at: t0, agentId: AGENT_ID, state: "available", queues: [QUEUE] },
    { type: "agent.state", at: t0, agentId: OTHER_ID, state: "available", queues: [QUEUE] },
    { type: "contact.offered", at: t0 + 1_000, contactId: c(1), queue: QUEUE },
    { type: "contact.answered", at: t0 + 3_000, contactId: c(1), agentId: AGENT_ID },
    { type: "agent.state", at: t0 + 3_000, agentId: AGENT_ID, state: "busy" },
    { type: "contact.ended", at: t0 + 61_000, contactId: c(1) },
    { type: "contact.wrapped", at: t0 + 71_000, contactId: c(1) },
    { type: "agent.state", at: t0 + 71_000, agentId: AGENT_ID, state: "paused", reason: "déjeuner" },
    { type: "agent.state", at: t0 + 130_000, agentId: AGENT_ID, state: "available" },
    { type: "survey.response", at: t0 + 80_000, kind: "csat", score: 5, contactId: c(1) },
    { type: "contact.offered", at: t0 + 2_000, contactId: c(2), queue: QUEUE },
    { type: "contact.answered", at: t0 + 4_000, contactId: c(2), agentId: OTHER_ID },
    { type: "contact.ended", at: t0 + 30_000, contactId: c(2) },
    { type: "contact.wrapped", at: t0 + 32_000, contactId: c(2) },
  ];
  const res = await request.post("/api/events", {
    headers: { authorization: `Bearer ${INGEST_KEY}` },
    data: events.map((e, i) => ({ id: `me-${RUN}-evt-${i}`, ...e })),
  });
  expect(res.status(), await res.text()).toBe(202);
});

test("an agent sees their own numbers beside their team's, today's states and their surveys; never another agent's", async ({ browser }) => {
  const page = await signedIn(browser, email("agent"), "/me");
  await expect(page.getByTestId("agent-view")).toHaveAttribute("data-agent", AGENT_ID);
  await expect(page.getByTestId("period-card")).toHaveCount(3);
  await expect(todayCell(page, "answered")).toHaveAttribute("data-value", "1");
  await expect(todayCell(page, "aht")).toHaveText("1:08");
  await expect(todayCell(page, "csat")).toHaveAttribute("data-value", "1");
  // The team: both agents of the queue answered one contact each, so one per agent staffed.
  const todayCard = page.locator('[data-testid="period-card"][data-period="today"]');
  await expect(todayCard.locator('[data-team-kpi="answered"]')).toHaveAttribute("data-value", "1");
  await expect(todayCard.getByTestId("team-note")).toContainText(QUEUE);
  await expect(todayCard.locator('a[href="/kpis#aht"]')).toHaveText("DMT");
  await expect(page.locator('[data-testid="timeline-segment"][data-state="paused"]')).toHaveAttribute("data-reason", "déjeuner");
  await expect(page.locator('[data-testid="timeline-segment"][data-state="busy"]')).toHaveCount(1);
  await expect(page.getByTestId("survey-answer")).toHaveCount(1);
  await screenshot(page, "me");

  expect((await page.request.get(`/api/agents/${AGENT_ID}/stats`)).status()).toBe(200);
  expect((await page.goto(`/agents/${AGENT_ID}`))?.status()).toBe(200);
  expect((await page.goto(`/agents/${OTHER_ID}`))?.status()).toBe(404);
  const api = await page.request.get(`/api/agents/${OTHER_ID}/stats`);
  expect(api.status()).toBe(403);
  expect(await api.text()).not.toContain(OTHER_ID);

  // The board's menu leads to the page.
  await page.goto("/wallboard");
  await page.getByTestId("board-menu").locator("summary").click();
  await expect(page.getByTestId("me-link")).toHaveAttribute("href", "/me");
  await page.context().close();
});

test("a manager opens any agent's page and its API; a user linked to no agent is told so", async ({ browser, baseURL }) => {
  const page = await signedIn(browser, email("manager"), `/agents/${encodeURIComponent(AGENT_ID)}`);
  await expect(page.getByTestId("agent-view")).toHaveAttribute("data-agent", AGENT_ID);
  await expect(todayCell(page, "answered")).toHaveAttribute("data-value", "1");
  const other = await page.request.get(`/api/agents/${OTHER_ID}/stats`);
  expect(other.status()).toBe(200);
  expect((await other.json()).periods[0].agent.answered).toBe(1);
  await page.context().close();

  const unlinked = await (await browser.newContext()).newPage();
  const signIn = await unlinked.request.post("/api/auth/sign-in/email", { data: { email: email("unlinked"), password: PASSWORD }, headers: { origin: baseURL! } });
  expect(signIn.status(), await signIn.text()).toBe(200);
  expect((await unlinked.goto("/me"))?.status()).toBe(200);
  await expect(unlinked.getByTestId("no-agent")).toBeVisible();
  expect((await unlinked.goto(`/agents/${AGENT_ID}`))?.status()).toBe(404);
  expect((await unlinked.request.get(`/api/agents/${AGENT_ID}/stats`)).status()).toBe(403);
  await unlinked.context().close();
});
