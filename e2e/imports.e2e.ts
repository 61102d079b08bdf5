import { readFile } from "node:fs/promises";
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { EXPECTED, readFixture, retime, shiftToRecent } from "../lib/events/adapters/csv-calls/fixtures/fixtures";
import { ADMIN, signedInThroughForm } from "./support/session";

/**
 * The CSV import of historical calls in real Chromium against the real
 * server: an admin uploads the fixture (moved to a few minutes ago, its queues
 * and calls renamed for this run), the mapping is proposed from its header, a
 * dry run reports its three bad rows and stores nothing, the import reaches
 * 100 % with the right numbers, `GET /api/live` then gives the metrics
 * computed by hand, and a second import is all duplicates. A long import
 * stops after the chunk in flight, and the audit log holds one entry per run.
 * A manager gets no page and a 403 from the API.
 */

const RUN = Date.now().toString(36);
const PASSWORD = `e2e-imports-${RUN}`;
const MANAGER = `imp-manager-${RUN}@e2e.vigie.test`;
const SUPPORT = `imp-support-${RUN}`;
const SALES = `imp-sales-${RUN}`;

test.describe.configure({ mode: "serial" });

/** The fixture as this run uploads it: recent, with its own queues and call ids. */
function fixtureCsv(): Buffer {
  const csv = retime(readFixture("calls.csv"), shiftToRecent(Date.now()))
    .replace(/^c-/gm, `c${RUN}-`)
    .replace(/,support,/g, `,${SUPPORT},`)
    .replace(/,sales,/g, `,${SALES},`);
  return Buffer.from(csv, "utf8");
}

/** `rows` calls of a few seconds each, all answered, in the last hour. */
function bigCsv(rows: number): Buffer {
  const t0 = Date.now() - 50 * 60_000;
  const lines = ["Call ID,Queue,Start Time,Agent,Wait Time,Talk Time"];
  for (let i = 0; i < rows; i++) lines.push(`big${RUN}-${i},imp-big-${RUN},${new Date(t0 + i * 500).toISOString()},a-big,3,20`);
  return Buffer.from(lines.join("\n"), "utf8");
}

const admin = (browser: import("@playwright/test").Browser, next: string) => signedInThroughForm(browser, ADMIN.email, ADMIN.password, next);

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.getByTestId("import-file").setInputFiles({ name, mimeType: "text/csv", buffer });
}

async function liveMetrics(page: Page, queue: string): Promise<Record<string, number | null>> {
  const res = await page.request.get(`/api/live?scope=${encodeURIComponent(`queue:${queue}`)}&window=1h`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { metrics: Record<string, number | null> }).metrics;
}

test.beforeAll(async ({ baseURL }) => {
  expect(ADMIN.email, "the e2e server needs VIGIE_ADMIN_EMAIL/VIGIE_ADMIN_PASSWORD").not.toBe("");
  const origin = new URL(baseURL!).origin;
  const ctx = await playwrightRequest.newContext({ baseURL: origin, extraHTTPHeaders: { origin } });
  expect((await ctx.post("/api/auth/sign-in/email", { data: ADMIN })).status()).toBe(200);
  const res = await ctx.post("/api/admin/users", { data: { email: MANAGER, name: "Imports manager", password: PASSWORD, role: "manager", queues: [] } });
  expect(res.status(), await res.text()).toBe(201);
  await ctx.dispose();
});

test("an admin dry-runs then imports the fixture; the live metrics are those computed by hand; again, all duplicates", async ({ browser }) => {
  const page = await admin(browser, "/imports");
  await expect(page.getByRole("link", { name: "Import", exact: true })).toHaveAttribute("aria-current", "page");
  await upload(page, "calls.csv", fixtureCsv());
  await expect(page.getByTestId("import-file-summary")).toContainText("11");
  await expect(page.getByTestId("import-preview").locator("tbody tr")).toHaveCount(5);
  // The mapping proposed from the header; the first row already reads as a call.
  await expect(page.getByTestId("map-contactId")).toHaveValue("Call ID");
  await expect(page.getByTestId("map-answeredAt")).toHaveValue("Answer Time");
  await expect(page.getByTestId("map-outcome")).toHaveValue("Status");
  await expect(page.getByTestId("map-date-format")).toHaveValue("iso");
  await expect(page.getByTestId("import-preview-reading").first()).not.toContainText("✗");

  // Dry run: three bad rows, nothing stored.
  await page.getByTestId("import-dry-run").click();
  const summary = page.getByTestId("import-summary");
  await expect(summary).toHaveAttribute("data-status", "done");
  await expect(summary).toHaveAttribute("data-dry-run", "true");
  await expect(page.getByTestId("import-progress")).toHaveAttribute("aria-valuenow", "100");
  await expect(summary.getByTestId("summary-rows")).toHaveText("11");
  await expect(summary.getByTestId("summary-would-accept")).toHaveText("8");
  await expect(summary.getByTestId("summary-rejected")).toHaveText("3");
  const rejected = summary.getByTestId("import-rejected");
  await expect(rejected).toHaveCount(3);
  expect(await rejected.evaluateAll((rows) => rows.map((r) => [r.getAttribute("data-line"), r.getAttribute("data-code")]))).toEqual([
    ["9", "badTime"], ["10", "unknownStatus"], ["12", "timeOrder"],
  ]);
  // The rejected rows as they were, with a reason column.
  const [download] = await Promise.all([page.waitForEvent("download"), summary.getByTestId("import-download-rejected").click()]);
  expect(download.suggestedFilename()).toBe("calls-rejected.csv");
  const lines = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "").trim().split(/\r\n/);
  expect(lines).toHaveLength(4);
  expect(lines[0]).toMatch(/^Call ID,Queue,.*,Customer ID,motif du rejet$/);
  expect(lines[1]).toMatch(new RegExp(`^c${RUN}-1008,${SUPPORT},not a date,.*Start Time: `));
  expect((await liveMetrics(page, SUPPORT)).offered).toBe(0);

  // The import: 100 %, the counts, then the metrics.
  await page.getByTestId("import-submit").click();
  await expect(summary).toHaveAttribute("data-dry-run", "false");
  await expect(summary).toHaveAttribute("data-status", "done");
  await expect(page.getByTestId("import-progress")).toHaveAttribute("aria-valuenow", "100");
  await expect(summary.getByTestId("summary-accepted")).toHaveText("8");
  await expect(summary.getByTestId("summary-duplicates")).toHaveText("0");
  await expect(summary.getByTestId("summary-rejected")).toHaveText("3");
  for (const [queue, expected] of [[SUPPORT, EXPECTED.support], [SALES, EXPECTED.sales]] as const) {
    const m = await liveMetrics(page, queue);
    for (const [k, v] of Object.entries(expected)) expect(m[k], `${queue} ${k}`).toBeCloseTo(v, 6);
  }

  // The same file again: nothing new.
  await page.getByTestId("import-submit").click();
  await expect(summary.getByTestId("summary-duplicates")).toHaveText("8");
  await expect(summary.getByTestId("summary-accepted")).toHaveText("0");
  expect((await liveMetrics(page, SUPPORT)).offered).toBe(EXPECTED.support.offered);

  // The wallboard shows the imported queue.
  await page.goto("/wallboard");
  await expect(page.getByTestId(`queue-row-${SUPPORT}`)).toBeVisible({ timeout: 15_000 });
  await page.context().close();
});

test("a long import stops after the chunk in flight; each run is audited once", async ({ browser }) => {
  const page = await admin(browser, "/imports");
  const rows = 6000;
  await upload(page, "big.csv", bigCsv(rows));
  await expect(page.getByTestId("map-waitSeconds")).toHaveValue("Wait Time");
  await page.getByTestId("import-submit").click();
  await page.getByTestId("import-cancel").click();
  const summary = page.getByTestId("import-summary");
  await expect(summary).toHaveAttribute("data-status", "cancelled", { timeout: 60_000 });
  const done = Number(await summary.getByTestId("summary-rows").textContent().then((s) => s!.replace(/\D/g, "")));
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(rows);
  const progress = Number(await page.getByTestId("import-progress").getAttribute("aria-valuenow"));
  expect(progress).toBe(Math.round((done / rows) * 100));
  expect((await liveMetrics(page, `imp-big-${RUN}`)).offered).toBe(done);

  await page.goto("/admin?tab=audit");
  const entries = page.locator('[data-testid="audit-row"][data-action="events.import"]');
  await expect(entries.filter({ hasText: "big.csv" })).toHaveCount(1);
  await expect(entries.filter({ hasText: "calls.csv" })).toHaveCount(2);
  await page.context().close();
});

test("a manager gets no page and a 403 from the API; anonymous callers a 401", async ({ browser, baseURL }) => {
  const page = await signedInThroughForm(browser, MANAGER, PASSWORD, "/figures");
  await expect(page.getByRole("link", { name: "Chiffres", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import", exact: true })).toHaveCount(0);
  expect((await page.goto("/imports"))?.status()).toBe(404);
  const origin = new URL(baseURL!).origin;
  const body = { importId: `run-${RUN}-x`, mapping: { columns: { contactId: "a", queue: "b", offeredAt: "c" }, dateFormat: "iso", timeZone: "UTC" }, header: ["a", "b", "c"], rows: [], dryRun: true };
  expect((await page.request.post("/api/imports/calls", { headers: { origin }, data: body })).status()).toBe(403);
  await page.context().close();

  const anonymous = await playwrightRequest.newContext({ baseURL: origin });
  expect((await anonymous.post("/api/imports/calls", { headers: { origin }, data: body })).status()).toBe(401);
  await anonymous.dispose();
});

test("the API answers 400 naming the field, and 413 over its size limit", async ({ browser, baseURL }) => {
  const page = await admin(browser, "/imports");
  const origin = new URL(baseURL!).origin;
  const base = { importId: `run-${RUN}-y`, mapping: { columns: { contactId: "a", queue: "b", offeredAt: "c" }, dateFormat: "iso", timeZone: "UTC" }, header: ["a", "b", "c"], dryRun: true };
  const tooMany = await page.request.post("/api/imports/calls", { headers: { origin }, data: { ...base, rows: Array.from({ length: 5001 }, (_, i) => ({ line: i + 2, cells: [] })) } });
  expect(tooMany.status()).toBe(400);
  expect(await tooMany.json()).toMatchObject({ field: "rows" });
  const missing = await page.request.post("/api/imports/calls", { headers: { origin }, data: { ...base, mapping: { ...base.mapping, columns: { contactId: "a", queue: "Q", offeredAt: "c" } }, rows: [] } });
  expect(missing.status()).toBe(400);
  expect((await missing.json()).error).toContain('no column "Q"');
  const huge = await page.request.post("/api/imports/calls", {
    headers: { origin, "content-type": "application/json" },
    data: JSON.stringify({ ...base, rows: [{ line: 2, cells: ["x".repeat(9 * 1024 * 1024)] }] }),
  });
  expect(huge.status()).toBe(413);
  await page.context().close();
});
