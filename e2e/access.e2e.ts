import { expect, test, type Browser, type Page } from "@playwright/test";

/**
 * Who sees what, in real Chromium against the real server: the first admin
 * (VIGIE_ADMIN_EMAIL/PASSWORD, created by the server at boot) signs in through
 * /login, creates users of every role, and each role sees only what it may.
 * Kiosk links show a board without sign-in until revoked. The tests of this
 * file run in order and share the users they create.
 */

const ADMIN_EMAIL = process.env.VIGIE_E2E_ADMIN_EMAIL ?? process.env.VIGIE_ADMIN_EMAIL ?? "";
const ADMIN_PASSWORD = process.env.VIGIE_E2E_ADMIN_PASSWORD ?? process.env.VIGIE_ADMIN_PASSWORD ?? "";
const INGEST_KEY = process.env.VIGIE_E2E_INGEST_KEY ?? "";
const RUN = Date.now().toString(36);
const QA = `acc-${RUN}-a`;
const QB = `acc-${RUN}-b`;
const PASSWORD = `e2e-password-${RUN}`;
const AGENT_ID = `acc-${RUN}-agent`;
const email = (role: string) => `${role}-${RUN}@e2e.vigie.test`;

test.describe.configure({ mode: "serial" });

async function signIn(page: Page, who: string, password: string) {
  const form = page.getByTestId("login-form");
  await form.locator('input[name="email"]').fill(who);
  await form.locator('input[name="password"]').fill(password);
  await form.getByRole("button").click();
}

/** A fresh browser context (no cookies) signed in as `who`, on `next`. */
async function signedIn(browser: Browser, who: string, next: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await signIn(page, who, PASSWORD);
  await page.waitForURL((u) => u.pathname === next);
  return page;
}

async function expectLiveBoard(page: Page, scope: string) {
  await expect(page.getByTestId("board-scope")).toHaveAttribute("data-scope", scope);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "connected", { timeout: 15_000 });
}

test.beforeAll(async ({ request }) => {
  expect(ADMIN_EMAIL, "the e2e server needs VIGIE_ADMIN_EMAIL/VIGIE_ADMIN_PASSWORD").not.toBe("");
  // Two queues the server knows of, so that "only that queue" means something. The contacts
  // end at once: a contact left waiting would make the center's longest wait tick in other suites.
  const at = Date.now() - 2000;
  const res = await request.post("/api/events", {
    headers: { authorization: `Bearer ${INGEST_KEY}` },
    data: [QA, QB].flatMap((queue, i) => [
      { id: `acc-${RUN}-evt-${i}-o`, type: "contact.offered", at, contactId: `acc-${RUN}-c${i}`, queue },
      { id: `acc-${RUN}-evt-${i}-a`, type: "contact.abandoned", at: at + 1000, contactId: `acc-${RUN}-c${i}` },
    ]),
  });
  expect(res.status(), await res.text()).toBe(202);
});

test("an anonymous visitor is sent to /login, and a wrong password is refused", async ({ page }) => {
  await page.goto("/wallboard");
  await expect(page).toHaveURL(/\/login\?next=%2Fwallboard$/);
  await signIn(page, ADMIN_EMAIL, `${ADMIN_PASSWORD}-wrong`);
  await expect(page.getByTestId("login-error")).toHaveAttribute("data-reason", "credentials");
  // An absolute `next` is not followed off-site.
  await page.goto("/login?next=//evil.example/x");
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.waitForURL((u) => u.pathname === "/wallboard");
  expect(new URL(page.url()).hostname).toBe("127.0.0.1");
});

test("the admin signs in through the form, reaches /admin and creates users of every role", async ({ page, baseURL }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin$/);
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.waitForURL((u) => u.pathname === "/admin");
  await expect(page.getByTestId("users-section")).toBeVisible();

  // Through the form: a supervisor limited to QA.
  const form = page.getByTestId("create-user");
  await form.locator('[name="email"]').fill(email("supervisor"));
  await form.locator('[name="name"]').fill(`<b>Sup ${RUN}</b>`);
  await form.locator('[name="password"]').fill(PASSWORD);
  await form.locator('[name="role"]').selectOption("supervisor");
  await form.locator('[name="queues"]').fill(QA);
  await form.getByRole("button").click();
  const row = page.getByTestId(`user-row-${email("supervisor")}`);
  await expect(row).toBeVisible();
  // Names are text, never markup.
  await expect(row.getByText(`<b>Sup ${RUN}</b>`)).toBeVisible();

  // The same e-mail again: a conflict, said in the form.
  await form.locator('[name="email"]').fill(email("supervisor"));
  await form.locator('[name="name"]').fill("Dup");
  await form.locator('[name="password"]').fill(PASSWORD);
  await form.getByRole("button").click();
  await expect(form.getByTestId("admin-error")).toBeVisible();

  // Through the admin API, with the admin's session: agent, manager, and a second admin.
  const headers = { origin: new URL(baseURL!).origin };
  for (const [role, extra] of [
    ["agent", { agentId: AGENT_ID }],
    ["manager", {}],
    ["admin", {}],
  ] as const) {
    const res = await page.request.post("/api/admin/users", {
      headers,
      data: { email: email(role), name: `${role} ${RUN}`, password: PASSWORD, role, queues: [], ...extra },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  // Validation names the field; a cross-site change is refused before anything else.
  const bad = await page.request.post("/api/admin/users", { headers, data: { email: "nope", name: "x", password: PASSWORD, role: "agent" } });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ field: "email" });
  const crossSite = await page.request.post("/api/admin/users", {
    headers: { origin: "https://evil.example" },
    data: { email: email("evil"), name: "evil", password: PASSWORD, role: "admin" },
  });
  expect(crossSite.status()).toBe(403);

  // Queue settings: QA's service level, audited.
  await page.goto("/admin?tab=queues");
  const qa = page.getByTestId(`queue-settings-${QA}`);
  await qa.getByRole("textbox").nth(1).fill("25");
  await qa.getByRole("button").click();
  // Stored before the next page is opened: the row says so.
  await expect(qa.getByTestId("queue-saved")).toBeVisible();
  await expect(qa.getByRole("textbox").nth(1)).toHaveValue("25");
  await page.goto("/admin?tab=audit");
  await expect(page.locator('[data-testid="audit-row"][data-action="queue.update"]').first()).toBeVisible();
  // The first admin's creation at boot, the supervisor, and the three API-created users (newest first, all on page one).
  await expect.poll(() => page.locator('[data-testid="audit-row"][data-action="user.create"]').count()).toBeGreaterThanOrEqual(5);
});

test("an agent cannot open /admin and sees only their own agent scope", async ({ browser }) => {
  const page = await signedIn(browser, email("agent"), "/wallboard");
  await expectLiveBoard(page, `agent:${AGENT_ID}`);
  await expect(page.locator('[data-testid^="queue-row-"]')).toHaveCount(0);
  expect((await page.goto("/admin"))?.status()).toBe(404);
  expect((await page.goto("/admin/kiosks"))?.status()).toBe(404);
  const res = await page.request.post("/api/admin/users", {
    headers: { origin: new URL(page.url()).origin },
    data: { email: email("x"), name: "x", password: PASSWORD, role: "admin" },
  });
  expect(res.status()).toBe(403);
  await page.context().close();
});

test("a manager of every queue sees the whole center", async ({ browser }) => {
  const page = await signedIn(browser, email("manager"), "/wallboard");
  await expectLiveBoard(page, "all");
  await expect(page.getByTestId(`queue-row-${QA}`)).toBeVisible();
  await expect(page.getByTestId(`queue-row-${QB}`)).toBeVisible();
  expect((await page.goto("/admin"))?.status()).toBe(404);
  await page.context().close();
});

test("a supervisor limited to one queue sees only it, and a kiosk link shows it until revoked", async ({ browser }) => {
  const page = await signedIn(browser, email("supervisor"), "/wallboard");
  await expectLiveBoard(page, `queue:${QA}`);
  await expect(page.getByTestId(`queue-row-${QA}`)).toBeVisible();
  await expect(page.getByTestId(`queue-row-${QB}`)).toHaveCount(0);
  expect((await page.goto("/admin"))?.status()).toBe(404);

  // Kiosk links: not beyond the supervisor's own queues.
  await page.goto("/admin/kiosks");
  const refused = await page.request.post("/api/admin/kiosks", { headers: { origin: new URL(page.url()).origin }, data: { name: "wide", queues: [QB] } });
  expect(refused.status()).toBe(403);
  const section = page.getByTestId("kiosks-section");
  const name = `TV ${RUN}`;
  await section.locator('[name="name"]').fill(name);
  await section.locator('[name="queues"]').fill(QA);
  await section.getByRole("button", { name: /.+/ }).first().click();
  const url = (await page.getByTestId("new-kiosk-url").textContent())!;
  expect(url).toMatch(/\/kiosk\/[^#]+#vk_/);

  // The screen: no sign-in, no cookie.
  const tv = await (await browser.newContext()).newPage();
  await tv.goto(url);
  await expect(tv.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
  await expectLiveBoard(tv, `queue:${QA}`);
  await expect(tv.getByTestId(`queue-row-${QA}`)).toBeVisible();
  await expect(tv.getByTestId(`queue-row-${QB}`)).toHaveCount(0);

  // The right link with a wrong token: the socket is refused.
  const forged = await (await browser.newContext()).newPage();
  await forged.goto(`${url.split("#")[0]}#vk_forged${RUN}`);
  await expect(forged.getByTestId("kiosk-invalid")).toBeVisible({ timeout: 15_000 });
  await forged.context().close();

  // Revoked: the screen stops showing the board.
  await page.getByTestId(`kiosk-row-${name}`).getByTestId("revoke-kiosk").click();
  await expect(page.getByTestId(`kiosk-row-${name}`).getByTestId("revoke-kiosk")).toHaveCount(0);
  // The open screen is cut at revocation and refused when it reconnects: no reload needed.
  await expect(tv.getByTestId("kiosk-invalid")).toBeVisible({ timeout: 10_000 });
  await tv.reload();
  await expect(tv.getByTestId("kiosk-invalid")).toBeVisible({ timeout: 15_000 });
  await tv.context().close();

  // Signing out ends the session.
  await page.goto("/wallboard");
  await page.getByTestId("logout").click();
  await page.waitForURL((u) => u.pathname === "/login");
  await page.goto("/wallboard");
  await expect(page).toHaveURL(/\/login\?next=%2Fwallboard$/);
  await page.context().close();
});
