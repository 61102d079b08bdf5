import { expect, request as playwrightRequest, test, type Browser, type Page } from "@playwright/test";
import { ADMIN, signedInThroughForm } from "./support/session";

/**
 * Business figures in real Chromium against the real server: a manager enters
 * a month's costs and new customers and reads the CAC of the seed article
 * (10,000 € for 150 customers → 66,67 €); a CSV dry run reports its bad row
 * and imports nothing; an agent sees neither the page nor the API.
 */

const RUN = Date.now().toString(36);
const PASSWORD = `e2e-figures-${RUN}`;
const email = (role: string) => `fig-${role}-${RUN}@e2e.vigie.test`;
// Months far from "now", so that other runs on a reused database cannot collide with them.
const MONTH = "2019-06";
const DRY_MONTH = "2019-07";
const EURO = /66,67\s€/;

test.describe.configure({ mode: "serial" });

const signedIn = (browser: Browser, who: string, next: string): Promise<Page> => signedInThroughForm(browser, who, PASSWORD, next);

test.beforeAll(async ({ baseURL }) => {
  expect(ADMIN.email, "the e2e server needs VIGIE_ADMIN_EMAIL/VIGIE_ADMIN_PASSWORD").not.toBe("");
  const origin = new URL(baseURL!).origin;
  const admin = await playwrightRequest.newContext({ baseURL: origin, extraHTTPHeaders: { origin } });
  const signIn = await admin.post("/api/auth/sign-in/email", { data: ADMIN });
  expect(signIn.status(), await signIn.text()).toBe(200);
  for (const [role, extra] of [
    ["manager", {}],
    ["agent", { agentId: `fig-${RUN}-agent` }],
  ] as const) {
    const res = await admin.post("/api/admin/users", { data: { email: email(role), name: `Figures ${role}`, password: PASSWORD, role, queues: [], ...extra } });
    expect(res.status(), await res.text()).toBe(201);
  }
  await admin.dispose();
});

test("a manager enters a month's costs and new customers and reads a CAC of 66,67 €", async ({ browser }) => {
  const page = await signedIn(browser, email("manager"), `/figures?kind=month&period=${MONTH}`);
  const cac = page.getByTestId("kpi-cac");
  await cac.getByTestId("figure-cac-marketingCosts").fill("6000");
  await cac.getByTestId("figure-cac-salesCosts").fill("4000");
  await cac.getByTestId("figure-cac-newCustomers").fill("150");
  // Computed as typed, before saving; a figure shared with another KPI follows.
  await expect(page.getByTestId("kpi-value-cac")).toHaveText(EURO);
  await expect(page.getByTestId("figure-retentionRate-newCustomers")).toHaveValue("150");

  await page.getByTestId("save-figures").click();
  await expect(page.getByTestId("figures-saved")).toBeVisible();
  const row = page.getByTestId(`history-row-${MONTH}`);
  await expect(row.locator('[data-kpi="cac"]')).toHaveText(EURO);
  // The CAC column header leads to the catalogue.
  await expect(page.getByTestId("figures-history").locator('a[href="/kpis#cac"]')).toHaveText("CAC");

  // Stored: a reload shows the same, and the API says the same.
  await page.reload();
  await expect(page.getByTestId("figure-cac-marketingCosts")).toHaveValue("6000");
  await expect(page.getByTestId("kpi-value-cac")).toHaveText(EURO);
  const api = await page.request.get(`/api/figures?kind=month&from=${MONTH}&to=${MONTH}`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { periods: { label: string; kpis: { cac: number } }[] };
  expect(body.periods.map((p) => p.label)).toEqual([MONTH]);
  expect(body.periods[0]!.kpis.cac).toBeCloseTo(66.67, 2);
  await page.context().close();
});

test("a CSV dry run reports the bad row and imports nothing", async ({ browser }) => {
  const page = await signedIn(browser, email("manager"), `/figures?kind=month&period=${DRY_MONTH}`);
  const panel = page.getByTestId("figures-import");
  await panel.getByTestId("import-text").fill(`period;marketingCosts;salesCosts;newCustomers\n${DRY_MONTH};5000;5000;100\n2019-13;1;1;1\n`);
  await expect(panel.getByTestId("import-dry-run")).toBeChecked();
  await panel.getByTestId("import-submit").click();
  const report = panel.getByTestId("import-report");
  await expect(report).toHaveAttribute("data-dry-run", "true");
  await expect(report.getByTestId("import-rejected")).toHaveCount(1);
  await expect(report.getByTestId("import-rejected")).toHaveAttribute("data-line", "3");
  await expect(report.getByTestId("import-period")).toHaveCount(1);

  // Nothing was written.
  await page.reload();
  await expect(page.getByTestId(`history-row-${DRY_MONTH}`)).toHaveCount(0);
  await expect(page.getByTestId("figure-cac-marketingCosts")).toHaveValue("");
  const api = await page.request.get(`/api/figures?kind=month&from=${DRY_MONTH}&to=${DRY_MONTH}`);
  expect(((await api.json()) as { periods: unknown[] }).periods).toEqual([]);
  await page.context().close();
});

test("an agent gets a 404 on /figures and is refused by the API; anonymous callers get 401", async ({ browser, baseURL }) => {
  const page = await signedIn(browser, email("agent"), "/wallboard");
  expect((await page.goto("/figures"))?.status()).toBe(404);
  const origin = { origin: new URL(baseURL!).origin };
  expect((await page.request.get("/api/figures?kind=month")).status()).toBe(403);
  expect((await page.request.put("/api/figures", { headers: origin, data: { period: MONTH, values: { marketingCosts: 1 } } })).status()).toBe(403);
  const imported = await page.request.post("/api/figures/import", { headers: { ...origin, "content-type": "text/csv" }, data: `period;marketingCosts\n${MONTH};1\n` });
  expect(imported.status()).toBe(403);
  await page.context().close();

  const anonymous = await playwrightRequest.newContext({ baseURL: new URL(baseURL!).origin });
  expect((await anonymous.get("/api/figures")).status()).toBe(401);
  expect((await anonymous.post("/api/figures/import", { headers: { "content-type": "text/csv" }, data: "period\n" })).status()).toBe(401);
  await anonymous.dispose();
});
