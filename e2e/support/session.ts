import { expect, test, type Browser, type Cookie, type Page } from "@playwright/test";

/**
 * Signing in, shared by the suites (not a test file: it does not end in
 * `.e2e.ts`). Sign-ins are rate-limited per address, so a suite signs in once
 * and reuses the cookie.
 */

export const ADMIN = { email: process.env.VIGIE_E2E_ADMIN_EMAIL ?? "", password: process.env.VIGIE_E2E_ADMIN_PASSWORD ?? "" };

/** Signs in as the first admin on the first test of a file; gives the cookie to every later page. */
export function signInOncePerFile(): void {
  let session: Cookie[] | null = null;
  test.beforeEach(async ({ page, baseURL }) => {
    if (session) return page.context().addCookies(session);
    const res = await page.request.post("/api/auth/sign-in/email", { data: ADMIN, headers: { origin: baseURL! } });
    expect(res.status(), await res.text()).toBe(200);
    session = await page.context().cookies();
  });
}

/** A fresh browser context signed in through the /login form as `who`, landed on `next`. */
export async function signedInThroughForm(browser: Browser, who: string, password: string, next: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  const form = page.getByTestId("login-form");
  await form.locator('input[name="email"]').fill(who);
  await form.locator('input[name="password"]').fill(password);
  await form.getByRole("button").click();
  await page.waitForURL((u) => u.pathname === new URL(next, "http://x").pathname);
  return page;
}
