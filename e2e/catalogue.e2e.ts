import { expect, request as playwrightRequest, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { catalogueEntry } from "../lib/metrics/catalogue";

/**
 * The KPI catalogue in real Chromium against the real server: a supervisor
 * reads the DMT's formula and source article, lands on the service level's
 * variants from a link, follows a wallboard tile to its definition, searches,
 * and reads the page in English.
 */

const ADMIN = { email: process.env.VIGIE_E2E_ADMIN_EMAIL ?? "", password: process.env.VIGIE_E2E_ADMIN_PASSWORD ?? "" };
const RUN = Date.now().toString(36);
const PASSWORD = `e2e-catalogue-${RUN}`;
const SUPERVISOR = `cat-supervisor-${RUN}@e2e.vigie.test`;
const GLOSSARY = "Glossaire des indicateurs clés (KPI) d’amélioration de la relation client";
// Texts from the registry itself, so that rewording a definition does not break this suite.
const AHT = catalogueEntry("aht")!;
const SL_VARIANTS = catalogueEntry("serviceLevel")!.variants!;

test.describe.configure({ mode: "serial" });

let session: Awaited<ReturnType<BrowserContext["storageState"]>> | undefined;

/**
 * A fresh context signed in as the supervisor, on `next`. Signs in through the
 * form once, then reuses the session: sign-ins are rate-limited per address,
 * and every suite of a run signs in from 127.0.0.1.
 */
async function signedIn(browser: Browser, next: string): Promise<Page> {
  const context = await browser.newContext(session ? { storageState: session } : {});
  const page = await context.newPage();
  if (session) {
    await page.goto(next);
    return page;
  }
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  const form = page.getByTestId("login-form");
  await form.locator('input[name="email"]').fill(SUPERVISOR);
  await form.locator('input[name="password"]').fill(PASSWORD);
  await form.getByRole("button").click();
  await page.waitForURL((u) => u.pathname === new URL(next, "http://x").pathname);
  session = await context.storageState();
  return page;
}

const isTarget = (entry: Locator) => entry.evaluate((el) => el.matches(":target"));

test.beforeAll(async ({ baseURL }) => {
  expect(ADMIN.email, "the e2e server needs VIGIE_ADMIN_EMAIL/VIGIE_ADMIN_PASSWORD").not.toBe("");
  const origin = new URL(baseURL!).origin;
  const admin = await playwrightRequest.newContext({ baseURL: origin, extraHTTPHeaders: { origin } });
  const signIn = await admin.post("/api/auth/sign-in/email", { data: ADMIN });
  expect(signIn.status(), await signIn.text()).toBe(200);
  const res = await admin.post("/api/admin/users", { data: { email: SUPERVISOR, name: "Catalogue supervisor", password: PASSWORD, role: "supervisor", queues: [] } });
  expect(res.status(), await res.text()).toBe(201);
  await admin.dispose();
});

test("an anonymous visitor is sent to sign in first", async ({ page }) => {
  await page.goto("/kpis");
  await expect(page).toHaveURL(/\/login\?next=%2Fkpis$/);
});

test("a supervisor reads the DMT with its formula and source article", async ({ browser }) => {
  const page = await signedIn(browser, "/kpis");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Catalogue des KPI");
  const aht = page.getByTestId("entry-aht");
  await expect(aht.getByRole("heading")).toHaveText(AHT.name.fr);
  await expect(aht.locator("header")).toContainText("DMT");
  await expect(aht.getByTestId("entry-aht-formula")).toHaveText(AHT.formula.fr);
  const sources = aht.getByTestId("entry-aht-sources");
  await expect(sources.locator('[data-article="002"]')).toContainText("DMT (Durée Moyenne de Traitement)");
  await expect(sources.locator('[data-article="002"]')).toContainText(GLOSSARY);
  await expect(aht.getByTestId("entry-aht-shown").getByRole("link", { name: "Tuile du tableau de bord" })).toHaveAttribute("href", "/wallboard");
  // What the articles name and Vigie does not compute is listed with the reason.
  await expect(page.getByTestId("not-computed-agentSatisfaction")).toContainText("eNPS");
  await page.context().close();
});

test("/kpis#serviceLevel lands on the service level and its variants, each linked to its entry", async ({ browser }) => {
  const page = await signedIn(browser, "/kpis");
  await page.goto("/kpis#serviceLevel");
  const sl = page.getByTestId("entry-serviceLevel");
  await expect(sl).toBeInViewport();
  expect(await isTarget(sl)).toBe(true);
  const variants = sl.getByTestId("entry-serviceLevel-variants").locator("li");
  await expect(variants).toHaveCount(SL_VARIANTS.length);
  await expect(variants.first()).toContainText(SL_VARIANTS[0]!.formula.fr);
  for (const v of SL_VARIANTS.filter((v) => v.id)) {
    await expect(sl.locator(`li[data-variant="${v.id}"]`).getByRole("link")).toHaveAttribute("href", `/kpis#${v.id}`);
  }
  await variants.first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/kpis#${SL_VARIANTS[0]!.id}$`));
  const offered = page.getByTestId(`entry-${SL_VARIANTS[0]!.id}`);
  await expect(offered).toBeInViewport();
  expect(await isTarget(offered)).toBe(true);
  await page.context().close();
});

test("the search box keeps the KPIs whose name or abbreviation matches", async ({ browser }) => {
  const page = await signedIn(browser, "/kpis");
  const search = page.getByTestId("kpi-search");
  await search.fill("dmr");
  await expect(page.getByTestId("entry-firstResponse")).toBeVisible();
  await expect(page.getByTestId("entry-aht")).toBeHidden();
  await search.fill("Résolution");
  await expect(page.getByTestId("entry-fcr")).toBeVisible();
  await expect(page.getByTestId("entry-cac")).toBeHidden();
  await search.fill("zzz-none");
  await expect(page.getByTestId("kpi-search-empty")).toBeVisible();
  await search.fill("");
  await expect(page.getByTestId("entry-cac")).toBeVisible();
  await page.context().close();
});

test("the DMT tile's label on the wallboard leads to its definition", async ({ browser }) => {
  const page = await signedIn(browser, "/wallboard");
  const label = page.getByTestId("tile-aht").getByRole("link", { name: "DMT" });
  await expect(label).toHaveAttribute("title", AHT.name.fr);
  await label.click();
  await expect(page).toHaveURL(/\/kpis#aht$/);
  const aht = page.getByTestId("entry-aht");
  await expect(aht).toBeInViewport();
  expect(await isTarget(aht)).toBe(true);
  // The queue table's column headers lead there too.
  await page.goto("/wallboard");
  await expect(page.getByTestId("queue-table").locator("thead").getByRole("link", { name: "QoS" })).toHaveAttribute("href", "/kpis#serviceLevel");
  await page.context().close();
});

test("the catalogue is in English after switching language", async ({ browser }) => {
  const page = await signedIn(browser, "/kpis");
  await page.getByTestId("lang-en").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("KPI catalogue");
  const aht = page.getByTestId("entry-aht");
  await expect(aht.getByRole("heading")).toHaveText(AHT.name.en);
  await expect(aht.locator("header")).toContainText("AHT");
  await expect(aht.getByTestId("entry-aht-formula")).toHaveText(AHT.formula.en);
  await expect(aht.getByTestId("entry-aht-availability")).toHaveText("Live and historical");
  // The articles' terms and titles stay in French, as quoted.
  await expect(aht.getByTestId("entry-aht-sources")).toContainText(GLOSSARY);
  await page.context().close();
});
