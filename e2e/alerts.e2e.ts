import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signInOncePerFile } from "./support/session";

/**
 * Alerts in real Chromium at 1920×1080 against the production server: a rule
 * created in /admin/alerts, a contact waiting → the banner and the pulsing
 * tile on the wallboard; answered → both go; the history lists the episode.
 * Screenshots of each step are kept in the test's output folder.
 */

const KEY = process.env.VIGIE_E2E_INGEST_KEY ?? "";
const RUN = Date.now().toString(36);
/** The rule holds 2 s; the server evaluates once a second and pushes at once. */
const FIRE_BUDGET_MS = 2000 + 4000;
/** An alert clears once its condition has been false for 5 s (lib/alerts/evaluator.ts). */
const CLEAR_BUDGET_MS = 5000 + 4000;

test.describe.configure({ mode: "serial" });

signInOncePerFile();

let seq = 0;
const uid = (kind: string) => `e2e-${RUN}-${kind}-${++seq}`;

async function post(request: APIRequestContext, events: Record<string, unknown>[]): Promise<void> {
  const res = await request.post("/api/events", { headers: { authorization: `Bearer ${KEY}` }, data: events.map((e) => ({ id: uid("evt"), ...e })) });
  expect(res.status(), await res.text()).toBe(202);
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
  test.info().annotations.push({ type: "screenshot", description: test.info().outputPath(`${name}.png`) });
}

interface StoredRule {
  id: string;
  name: string;
  threshold: number;
  forSeconds: number;
}

async function storedRule(page: Page, name: string): Promise<StoredRule> {
  const res = await page.request.get("/api/admin/alerts/rules");
  expect(res.status()).toBe(200);
  const rule = ((await res.json()) as { rules: StoredRule[] }).rules.find((r) => r.name === name);
  expect(rule, `rule ${name} stored`).toBeDefined();
  return rule!;
}

/** Fills the rule form of /admin/alerts and submits it; the row then appears. */
async function createRuleInUi(page: Page, r: { name: string; metric: string; scope: string; comparator: string; threshold: string; forSeconds: string; severity: string }) {
  const form = page.getByTestId("alert-rule-form");
  await form.locator('input[name="name"]').fill(r.name);
  await form.locator('select[name="metric"]').selectOption(r.metric);
  await form.locator('input[name="scope"]').fill(r.scope);
  await form.locator('select[name="comparator"]').selectOption(r.comparator);
  await form.locator('input[name="threshold"]').fill(r.threshold);
  await form.locator('input[name="forSeconds"]').fill(r.forSeconds);
  await form.locator('select[name="severity"]').selectOption(r.severity);
  await form.getByTestId("alert-rule-submit").click();
  await expect(page.getByTestId(`alert-rule-${r.name}`)).toBeVisible();
}

test("a rule created in the admin fires on the wallboard (banner, pulsing tile), clears, and is in the history", async ({ page, request }) => {
  await page.goto("/admin/alerts");
  const sl = `SL ${RUN}`;
  await createRuleInUi(page, { name: sl, metric: "serviceLevel", scope: "queue:e2e-never-used", comparator: "<", threshold: "70", forSeconds: "120", severity: "warning" });
  expect(await storedRule(page, sl)).toMatchObject({ threshold: 0.7, forSeconds: 120 }); // typed in %, stored as a ratio
  const name = `Attente ${RUN}`;
  await createRuleInUi(page, { name, metric: "waiting", scope: "all", comparator: ">", threshold: "0", forSeconds: "2", severity: "critical" });
  const rule = await storedRule(page, name);
  await screenshot(page, "alerts-admin-rules");

  await page.goto("/wallboard");
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "connected", { timeout: 15_000 });
  await expect(page.getByTestId("value-waiting")).toHaveAttribute("data-value", "0", { timeout: 5_000 });
  const sound = page.getByTestId("alert-sound");
  await expect(sound).toHaveAttribute("data-state", "off");
  await sound.click();
  await expect(sound).toHaveAttribute("data-state", "on");
  await expect(page.getByTestId("alert-banner")).toHaveCount(0);

  const contact = uid("c");
  const queue = uid("q");
  await post(request, [{ type: "contact.offered", at: Date.now() - 500, contactId: contact, queue }]);
  const item = page.getByTestId("alert-item").filter({ hasText: name });
  await expect(item).toBeVisible({ timeout: FIRE_BUDGET_MS });
  await expect(item).toHaveAttribute("data-severity", "critical");
  await expect(item).toHaveAttribute("data-rule", rule.id);
  await expect(page.getByTestId("tile-waiting")).toHaveAttribute("data-alert", "firing");
  await expect(page.getByTestId("tile-longestWait")).not.toHaveAttribute("data-alert", /./);
  const box = await page.getByTestId("alert-banner").boundingBox();
  expect(box!.y + box!.height).toBeGreaterThan(1000); // fixed at the bottom of the 1080-px screen
  await screenshot(page, "alerts-wallboard-firing");

  await post(request, [{ type: "contact.answered", at: Date.now(), contactId: contact, agentId: uid("agent") }]);
  await expect(page.getByTestId("value-waiting")).toHaveAttribute("data-value", "0", { timeout: 2000 });
  await expect(page.getByTestId("alert-banner")).toHaveCount(0, { timeout: CLEAR_BUDGET_MS });
  await expect(page.getByTestId("tile-waiting")).not.toHaveAttribute("data-alert", /./);
  await screenshot(page, "alerts-wallboard-cleared");

  await page.goto(`/admin/alerts?rule=${encodeURIComponent(rule.id)}`);
  const rows = page.getByTestId("alert-history-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-open", "false");
  await expect(rows.first()).toContainText(name);
  await screenshot(page, "alerts-history");
});

test("a rule can be disabled, edited and deleted", async ({ page }) => {
  await page.goto("/admin/alerts");
  const name = `Pause ${RUN}`;
  await createRuleInUi(page, { name, metric: "agentPausedSeconds", scope: "all", comparator: ">", threshold: "900", forSeconds: "0", severity: "warning" });
  const row = page.getByTestId(`alert-rule-${name}`);
  await row.getByTestId("alert-rule-toggle").click();
  await expect(row).toHaveAttribute("data-enabled", "false");

  await row.getByTestId("alert-rule-edit").click();
  await page.getByTestId("alert-rule-form").locator('input[name="threshold"]').fill("600");
  await page.getByTestId("alert-rule-submit").click();
  await expect.poll(async () => (await storedRule(page, name)).threshold).toBe(600);

  page.once("dialog", (d) => void d.accept());
  await row.getByTestId("alert-rule-delete").click();
  await expect(page.getByTestId(`alert-rule-${name}`)).toHaveCount(0);
});
