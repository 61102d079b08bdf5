import { readFile } from "node:fs/promises";
import { expect, request as playwrightRequest, test, type Browser, type Page } from "@playwright/test";
import { HISTORICAL_IDS } from "../lib/metrics/registry";
import { ADMIN, signedInThroughForm } from "./support/session";

/**
 * The report page in real Chromium against the real server: events posted for
 * a queue of this run show in its row for today; the DMT header leads to the
 * catalogue; the CSV link downloads the table; the form's state is the URL
 * (back works); a report too large to answer is refused with what to narrow;
 * an agent sees only the contacts they answered, and a user linked to no
 * agent gets a 404.
 */

const INGEST_KEY = process.env.VIGIE_E2E_INGEST_KEY ?? "";
// The server's zone: the e2e config leaves VIGIE_TIMEZONE to its default unless the shell sets it.
const TIME_ZONE = process.env.VIGIE_TIMEZONE || "Europe/Paris";
const RUN = Date.now().toString(36);
const PASSWORD = `e2e-reports-${RUN}`;
const QUEUE = `rep-${RUN}-q`;
const AGENT_ID = `rep-${RUN}-agent`;
const email = (who: string) => `rep-${who}-${RUN}@e2e.vigie.test`;

test.describe.configure({ mode: "serial" });

/** The calendar day of `at` in the centre's zone: the report's `from`/`to`. */
const dayOf = (at: number) => new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);

let day = "";

const signedIn = (browser: Browser, who: string, next: string): Promise<Page> => signedInThroughForm(browser, who, PASSWORD, next);

const row = (page: Page, key: string) => page.locator(`[data-testid="report-row"][data-key="${key}"]`);

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
    const res = await admin.post("/api/admin/users", { data: { email: email(who), name: `Reports ${who}`, password: PASSWORD, role, queues: [], ...extra } });
    expect(res.status(), await res.text()).toBe(201);
  }
  await admin.dispose();

  // Three contacts, all ended: one handled by our agent (68 s), one by another agent, one abandoned.
  const t0 = Date.now() - 120_000;
  day = dayOf(t0);
  const c = (n: number) => `rep-${RUN}-c${n}`;
  const events = [
    { type: "contact.offered", at: t0, contactId: c(1), queue: QUEUE },
    { type: "contact.answered", at: t0 + 2_000, contactId: c(1), agentId: AGENT_ID },
    { type: "contact.ended", at: t0 + 60_000, contactId: c(1) },
    { type: "contact.wrapped", at: t0 + 70_000, contactId: c(1) },
    { type: "contact.offered", at: t0 + 1_000, contactId: c(2), queue: QUEUE },
    { type: "contact.answered", at: t0 + 5_000, contactId: c(2), agentId: `${AGENT_ID}-other` },
    { type: "contact.ended", at: t0 + 30_000, contactId: c(2) },
    { type: "contact.wrapped", at: t0 + 35_000, contactId: c(2) },
    { type: "contact.offered", at: t0 + 2_000, contactId: c(3), queue: QUEUE },
    { type: "contact.abandoned", at: t0 + 20_000, contactId: c(3) },
  ];
  const res = await request.post("/api/events", {
    headers: { authorization: `Bearer ${INGEST_KEY}` },
    data: events.map((e, i) => ({ id: `rep-${RUN}-evt-${i}`, ...e })),
  });
  expect(res.status(), await res.text()).toBe(202);
});

test("a manager reads the queue's day; the DMT header links to its definition; the CSV link downloads the same table", async ({ browser }) => {
  const page = await signedIn(browser, email("manager"), `/reports?from=${day}&to=${day}&granularity=day`);
  const ours = row(page, QUEUE);
  await expect(ours).toHaveCount(1);
  await expect(ours.locator('[data-kpi="offered"]')).toHaveAttribute("data-value", "3");
  await expect(ours.locator('[data-kpi="offered"]')).toHaveText("3");
  await expect(ours.locator('[data-kpi="answered"]')).toHaveAttribute("data-value", "2");
  await expect(ours.locator('[data-kpi="abandonRate"]')).toHaveText(/33\s%/);
  await expect(page.getByTestId("report-chart")).toBeVisible();

  // The DMT header is a link to its definition, titled with its full name.
  const dmt = page.locator('[data-testid="report-table"] thead a[href="/kpis#aht"]');
  await expect(dmt).toHaveText("DMT");
  await expect(dmt).toHaveAttribute("title", /Durée moyenne de traitement/);

  // The CSV: the table's columns (French short names) and as many lines as rows.
  const headers = await page.locator('[data-testid="report-table"] thead th').count();
  const kpiNames = await page.locator('[data-testid="report-table"] thead th[data-kpi] a[href^="/kpis"]').allTextContents();
  const rows = await page.getByTestId("report-row").count();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-csv").click()]);
  const lines = (await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
  const header = lines[0]!.split(",");
  expect(header).toHaveLength(headers);
  kpiNames.forEach((name, i) => expect(header[i + 2]!.startsWith(name), `${header[i + 2]} is ${name}`).toBe(true));
  expect(lines).toHaveLength(rows + 1);
  const csvRow = lines.find((l) => l.split(",")[1] === QUEUE)!.split(",");
  expect(csvRow[2 + kpiNames.indexOf("Présentés")]).toBe("3");

  // The JSON link answers the same rows.
  const json = await page.request.get((await page.getByTestId("report-json").getAttribute("href"))!);
  expect(((await json.json()) as { rows: unknown[] }).rows).toHaveLength(rows);
  await page.context().close();
});

test("a column header sorts the table, in the URL (back works), and the CSV follows the order on screen", async ({ browser, request }) => {
  // Per queue: ours has 3 contacts offered today; two more queues of this run get 1 and 5.
  const t0 = Date.now() - 60_000;
  const more = [[`${QUEUE}-one`, 1], [`${QUEUE}-five`, 5]] as const;
  const res = await request.post("/api/events", {
    headers: { authorization: `Bearer ${INGEST_KEY}` },
    data: more.flatMap(([queue, n]) =>
      // Ended at once: other suites (the wallboard's) expect no contact left waiting.
      Array.from({ length: n }, (_, i) => [
        { id: `rep-${RUN}-${queue}-${i}`, type: "contact.offered", at: t0 + i, contactId: `rep-${RUN}-${queue}-c${i}`, queue },
        { id: `rep-${RUN}-${queue}-${i}-x`, type: "contact.abandoned", at: t0 + 10_000 + i, contactId: `rep-${RUN}-${queue}-c${i}` },
      ]).flat(),
    ),
  });
  expect(res.status(), await res.text()).toBe(202);
  const page = await signedIn(browser, email("manager"), `/reports?from=${day}&to=${day}&granularity=day&metrics=offered,aht`);
  const offered = async () => (await page.locator('[data-testid="report-row"] td[data-kpi="offered"]').evaluateAll((tds) => tds.map((td) => td.getAttribute("data-value")))).map((v) => (v === "" || v === null ? null : Number(v)));
  const keys = () => page.getByTestId("report-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-key")));
  const timeOrder = await keys();
  expect(timeOrder.length).toBeGreaterThan(0);

  // First click: ascending; the header says so; the rows follow.
  await page.getByTestId("report-sort-offered").click();
  await page.waitForURL(/sort=offered(&|$)/);
  await expect(page.locator('[data-testid="report-table"] th[data-kpi="offered"]')).toHaveAttribute("aria-sort", "ascending");
  const up = await offered();
  expect(up.filter((v) => v !== null)).toEqual([...up.filter((v) => v !== null)].sort((a, b) => a! - b!));
  // Second click: descending; empty values stay last.
  await page.getByTestId("report-sort-offered").click();
  await page.waitForURL(/sort=-offered/);
  await expect(page.locator('[data-testid="report-table"] th[data-kpi="offered"]')).toHaveAttribute("aria-sort", "descending");
  const down = await offered();
  const values = down.filter((v) => v !== null);
  expect(values).toEqual([...values].sort((a, b) => b! - a!));
  expect(down.slice(values.length).every((v) => v === null)).toBe(true);
  const ours = (await keys()).filter((k) => k!.startsWith(QUEUE));
  expect(ours).toEqual([`${QUEUE}-five`, QUEUE, `${QUEUE}-one`]);

  // The CSV link carries the order: its lines are the rows on screen, in that order.
  const csvHref = (await page.getByTestId("report-csv").getAttribute("href"))!;
  expect(csvHref).toContain("sort=-offered");
  const lines = (await (await page.request.get(csvHref)).text()).trimEnd().split("\r\n").slice(1);
  expect(lines.map((l) => l.split(",")[1])).toEqual(await keys());

  // Back: ascending, then the time order again.
  await page.goBack();
  await expect(page.locator('[data-testid="report-table"] th[data-kpi="offered"]')).toHaveAttribute("aria-sort", "ascending");
  await page.goBack();
  await expect.poll(keys).toEqual(timeOrder);
  await expect(page.locator('[data-testid="report-table"] th').first()).toHaveAttribute("aria-sort", "ascending");

  // A column the report does not have is said, not crashed on.
  await page.goto(`/reports?from=${day}&to=${day}&metrics=offered&sort=csat`);
  await expect(page.getByTestId("report-error")).toContainText("sort");
  await page.context().close();
});

test("the form's state is the URL: group by none, then back to per queue; wrong parameters are said, not crashed on", async ({ browser }) => {
  const page = await signedIn(browser, email("manager"), `/reports?from=${day}&to=${day}&granularity=day`);
  await page.getByTestId("report-form").locator('select[name="groupBy"]').selectOption("none");
  await page.getByTestId("report-submit").click();
  await page.waitForURL(/groupBy=none/);
  await expect(page.getByTestId("report-row")).toHaveCount(1);
  await expect(row(page, QUEUE)).toHaveCount(0);
  await page.goBack();
  await expect(row(page, QUEUE)).toHaveCount(1);

  const wrong = await page.goto("/reports?from=2026-13-01&granularity=year");
  expect(wrong?.status()).toBe(200);
  await expect(page.getByTestId("report-error")).toContainText("granularity");
  await expect(page.getByTestId("report-table")).toHaveCount(0);
  await page.context().close();
});

test("a report too large to answer is refused with what to narrow, on the page and by the API", async ({ browser, request }) => {
  // Fifteen more queues with a contact this hour: a year at 15 minutes by queue with every metric is then too large.
  // Each contact is abandoned at once: one left waiting would be the longest wait of the shared wallboards' tests.
  const at = Date.now() - 60_000;
  const res = await request.post("/api/events", {
    headers: { authorization: `Bearer ${INGEST_KEY}` },
    data: Array.from({ length: 15 }, (_, i) => [
      { id: `rep-${RUN}-big-${i}-o`, type: "contact.offered", at, contactId: `rep-${RUN}-big-${i}`, queue: `rep-${RUN}-big-${i}` },
      { id: `rep-${RUN}-big-${i}-x`, type: "contact.abandoned", at: at + 1_000, contactId: `rep-${RUN}-big-${i}` },
    ]).flat(),
  });
  expect(res.status(), await res.text()).toBe(202);
  const from = dayOf(Date.now() - 365 * 86_400_000);
  const page = await signedIn(browser, email("manager"), `/reports?from=${day}&to=${day}&granularity=day`);
  const api = await page.request.get(`/api/reports?from=${from}&to=${day}&granularity=15m&groupBy=queue`);
  expect(api.status()).toBe(400);
  expect((await api.json()).error).toMatch(/at most 1,000,000 rows and 25,000,000 values/);
  await page.goto(`/reports?from=${from}&to=${day}&granularity=15m&groupBy=queue&metrics=${HISTORICAL_IDS.join(",")}`);
  await expect(page.getByTestId("report-error")).toBeVisible();
  await expect(page.getByTestId("report-table")).toHaveCount(0);
  // Thirty days are answered: too many buckets for a chart, and the table shows its first 2,000 rows.
  await page.goto(`/reports?from=${dayOf(Date.now() - 30 * 86_400_000)}&to=${day}&granularity=15m&groupBy=queue&metrics=offered`);
  await expect(page.getByTestId("report-row")).toHaveCount(2000);
  await expect(page.getByTestId("report-truncated")).toContainText(/2[\s\u202f,.]?000/);
  await expect(page.getByTestId("report-chart")).toHaveCount(0);
  await page.context().close();
});

test("an agent sees only the contacts they answered; a user linked to no agent gets a 404", async ({ browser, baseURL }) => {
  const page = await signedIn(browser, email("agent"), `/reports?from=${day}&to=${day}&granularity=day&metrics=offered,answered,aht`);
  const ours = row(page, QUEUE);
  await expect(ours.locator('[data-kpi="offered"]')).toHaveAttribute("data-value", "1");
  await expect(ours.locator('[data-kpi="aht"]')).toHaveAttribute("data-value", "68");
  await expect(ours.locator('[data-kpi="aht"]')).toHaveText("1:08");
  await page.context().close();

  // Signed in through the API: this user may open no page to land on after the form.
  const unlinked = await (await browser.newContext()).newPage();
  const signIn = await unlinked.request.post("/api/auth/sign-in/email", { data: { email: email("unlinked"), password: PASSWORD }, headers: { origin: baseURL! } });
  expect(signIn.status(), await signIn.text()).toBe(200);
  expect((await unlinked.goto("/reports"))?.status()).toBe(404);
  expect((await unlinked.request.get(`/api/reports?from=${day}&to=${day}`)).status()).toBe(403);
  await unlinked.context().close();
});
