import { expect, request as playwrightRequest, test, type Browser, type Page } from "@playwright/test";
import { ADMIN, signedInThroughForm } from "./support/session";

/**
 * Drill-down in real Chromium against the real server: the "offered" cell of a
 * queue of this run leads to exactly its contacts, their figures adding up to
 * the cell; a contact leads to its timeline; search by customer id finds it;
 * an agent cannot open a contact another agent answered.
 */

const INGEST_KEY = process.env.VIGIE_E2E_INGEST_KEY ?? "";
const TIME_ZONE = process.env.VIGIE_TIMEZONE || "Europe/Paris";
const RUN = Date.now().toString(36);
const PASSWORD = `e2e-drill-${RUN}`;
const QUEUE = `drill-${RUN}-q`;
const AGENT = `drill-${RUN}-agent`;
const CUSTOMER = `drill-${RUN}-cust`;
const email = (who: string) => `drill-${who}-${RUN}@e2e.vigie.test`;
const c = (n: number) => `drill-${RUN}-c${n}`;

test.describe.configure({ mode: "serial" });

const dayOf = (at: number) => new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
let day = "";

const signedIn = (browser: Browser, who: string, next: string): Promise<Page> => signedInThroughForm(browser, who, PASSWORD, next);

test.beforeAll(async ({ baseURL, request }) => {
  expect(ADMIN.email, "the e2e server needs VIGIE_ADMIN_EMAIL/VIGIE_ADMIN_PASSWORD").not.toBe("");
  const origin = new URL(baseURL!).origin;
  const admin = await playwrightRequest.newContext({ baseURL: origin, extraHTTPHeaders: { origin } });
  expect((await admin.post("/api/auth/sign-in/email", { data: ADMIN })).status()).toBe(200);
  for (const [who, role, extra] of [
    ["manager", "manager", {}],
    ["agent", "agent", { agentId: AGENT }],
  ] as const) {
    const res = await admin.post("/api/admin/users", { data: { email: email(who), name: `Drill ${who}`, password: PASSWORD, role, queues: [], ...extra } });
    expect(res.status(), await res.text()).toBe(201);
  }
  await admin.dispose();

  // Three contacts: one our agent handled (customer CUSTOMER), one another agent handled, one abandoned.
  const t0 = Date.now() - 120_000;
  day = dayOf(t0);
  const events = [
    { type: "contact.offered", at: t0, contactId: c(1), queue: QUEUE, customerId: CUSTOMER },
    { type: "contact.answered", at: t0 + 2_000, contactId: c(1), agentId: AGENT },
    { type: "contact.ended", at: t0 + 60_000, contactId: c(1) },
    { type: "contact.wrapped", at: t0 + 70_000, contactId: c(1) },
    { type: "contact.offered", at: t0 + 1_000, contactId: c(2), queue: QUEUE },
    { type: "contact.answered", at: t0 + 5_000, contactId: c(2), agentId: `${AGENT}-other` },
    { type: "contact.offered", at: t0 + 2_000, contactId: c(3), queue: QUEUE },
    { type: "contact.abandoned", at: t0 + 20_000, contactId: c(3) },
  ];
  const res = await request.post("/api/events", {
    headers: { authorization: `Bearer ${INGEST_KEY}` },
    data: events.map((e, i) => ({ id: `drill-${RUN}-evt-${i}`, ...e })),
  });
  expect(res.status(), await res.text()).toBe(202);
});

test("the offered cell lists exactly the queue's contacts; a contact shows its timeline; search by customer id finds it", async ({ browser }) => {
  const page = await signedIn(browser, email("manager"), `/reports?from=${day}&to=${day}&granularity=day&groupBy=queue`);
  const cell = page.locator(`[data-testid="report-row"][data-key="${QUEUE}"] [data-kpi="offered"]`);
  await expect(cell).toHaveAttribute("data-value", "3");
  await cell.getByRole("link").click();
  await page.waitForURL((u) => u.pathname === "/reports/drill");

  const entities = page.getByTestId("drill-entity");
  await expect(entities).toHaveCount(3);
  expect((await entities.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-entity")))).sort()).toEqual([c(1), c(2), c(3)].map((id) => `contact:${id}`));
  await expect(page.getByTestId("drill-totals").locator('[data-field="offered"]')).toHaveAttribute("data-value", "3");
  await expect(page.getByTestId("drill-cell").locator('[data-field="offered"]')).toHaveAttribute("data-value", "3");
  // The same cell through the API.
  const api = await page.request.get(`/api/reports/drill${new URL(page.url()).search}`);
  expect(api.status()).toBe(200);
  expect(((await api.json()) as { total: number; totals: { offered: number } }).totals.offered).toBe(3);

  await page.locator(`[data-testid="drill-entity"][data-entity="contact:${c(1)}"]`).getByTestId("drill-entity-link").click();
  await page.waitForURL((u) => u.pathname === `/contacts/${c(1)}`);
  await expect(page.getByTestId("timeline-event")).toHaveCount(4);
  expect(await page.getByTestId("timeline-event").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-type")))).toEqual([
    "contact.offered",
    "contact.answered",
    "contact.ended",
    "contact.wrapped",
  ]);
  await expect(page.getByTestId("contact-queue")).toContainText(QUEUE);
  await expect(page.getByTestId("contact-agent")).toContainText(AGENT);
  await expect(page.getByTestId("contact-handle")).toContainText("1:08");

  await page.goto(`/reports?from=${day}&to=${day}&granularity=day`);
  const search = page.getByTestId("contact-search");
  await search.locator('input[name="search"]').fill(CUSTOMER);
  await search.getByRole("button").click();
  await page.waitForURL((u) => u.pathname === "/contacts");
  await expect(page.getByTestId("contact-hit")).toHaveCount(1);
  await expect(page.getByTestId("contact-hit")).toHaveAttribute("data-contact", c(1));
  await page.context().close();
});

test("an agent opens the contacts they answered, not another agent's", async ({ browser }) => {
  const page = await signedIn(browser, email("agent"), `/contacts/${c(1)}`);
  await expect(page.getByTestId("timeline-event")).toHaveCount(4);
  expect((await page.goto(`/contacts/${c(2)}`))?.status()).toBe(404);
  expect((await page.request.get(`/api/contacts/${c(2)}`)).status()).toBe(404);
  expect((await page.request.get(`/api/contacts/${c(1)}`)).status()).toBe(200);
  const hits = await page.request.get(`/api/contacts?search=${c(2)}`);
  expect(((await hits.json()) as { contacts: unknown[] }).contacts).toEqual([]);
  await page.context().close();
});
