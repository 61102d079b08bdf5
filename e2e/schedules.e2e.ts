import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInOncePerFile } from "./support/session";

/**
 * Scheduled reports and the comparison in real Chromium against the real
 * server: `compare=previous` shows a change under each number; "Schedule this
 * report" saves the report on screen; "run now" on /reports/schedules writes
 * its CSV under VIGIE_REPORTS_DIR (default <VIGIE_DATA_DIR>/reports).
 */

const INGEST_KEY = process.env.VIGIE_E2E_INGEST_KEY ?? "";
const DATA_DIR = process.env.VIGIE_E2E_DATA_DIR ?? "";
const TIME_ZONE = process.env.VIGIE_TIMEZONE || "Europe/Paris";
const RUN = Date.now().toString(36);
const QUEUE = `sch-${RUN}-q`;
const NAME = `E2E sched ${RUN}`;
const dayOf = (at: number) => new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);

test.describe.configure({ mode: "serial" });
signInOncePerFile();

let today = "";

test.beforeAll(async ({ request }) => {
  const now = Date.now();
  today = dayOf(now);
  // Three contacts today, one yesterday (same hour): a change of +2 offered.
  const offered = (id: string, at: number) => ({ id: `${RUN}-${id}`, type: "contact.offered", at, contactId: `${RUN}-${id}`, queue: QUEUE });
  // Each abandons a second later: a suite leaves nothing waiting for the boards of the others.
  const abandoned = (id: string, at: number) => ({ id: `${RUN}-${id}-x`, type: "contact.abandoned", at: at + 1000, contactId: `${RUN}-${id}` });
  const times: [string, number][] = [["t1", now - 60_000], ["t2", now - 50_000], ["t3", now - 40_000], ["y1", now - 86_400_000]];
  const events = times.flatMap(([id, at]) => [offered(id, at), abandoned(id, at)]);
  const res = await request.post("/api/events", { headers: { authorization: `Bearer ${INGEST_KEY}` }, data: events });
  expect(res.status()).toBe(202);
});

test("compare=previous shows the change under each number", async ({ page }) => {
  await page.goto(`/reports?from=${today}&to=${today}&granularity=day&groupBy=queue&metrics=offered&compare=previous`);
  const cell = page.locator(`[data-testid="report-row"][data-key="${QUEUE}"] td[data-kpi="offered"]`);
  await expect(cell).toHaveAttribute("data-value", "3");
  await expect(cell.getByTestId("report-delta")).toHaveAttribute("data-change", "2");
  await expect(page.getByTestId("report-compare")).toBeChecked();
  // The CSV link carries the comparison: `<id>_previous` and `<id>_change` columns.
  const csv = await (await page.request.get((await page.getByTestId("report-csv").getAttribute("href"))!)).text();
  expect(csv.split("\r\n")[0]).toContain("offered_previous,offered_change");
  expect(csv).toContain(`${QUEUE},3,1,2`);
  // Sorted, each row keeps its own change: rows are matched with the previous period before they are ordered.
  await page.goto(`/reports?from=${today}&to=${today}&granularity=day&groupBy=queue&metrics=offered&compare=previous&sort=-offered`);
  await expect(cell).toHaveAttribute("data-value", "3");
  await expect(cell.getByTestId("report-delta")).toHaveAttribute("data-change", "2");
  const sortedCsv = await (await page.request.get((await page.getByTestId("report-csv").getAttribute("href"))!)).text();
  expect(sortedCsv).toContain(`${QUEUE},3,1,2`);
});

test("a report scheduled from /reports runs now and writes its file", async ({ page }) => {
  await page.goto(`/reports?from=${today}&to=${today}&granularity=day&groupBy=queue&metrics=offered,answered`);
  await page.getByTestId("schedule-this").locator("summary").click();
  const form = page.getByTestId("schedule-form");
  await form.locator('input[name="name"]').fill(NAME);
  await expect(form.locator('select[name="preset"]')).toHaveValue("today");
  await form.locator('input[name="path"]').fill(`e2e/${RUN}`);
  await form.getByTestId("schedule-save").click();
  await expect(page.getByTestId("schedule-saved")).toBeVisible();

  await page.goto("/reports/schedules");
  const row = page.locator(`[data-testid="schedule-row"][data-name="${NAME}"]`);
  await expect(row).toBeVisible();
  await row.getByTestId("schedule-run").click();
  const file = path.join(DATA_DIR, "reports", "e2e", RUN, `vigie-e2e-sched-${RUN}-${today}-${today}.csv`);
  await expect(row.getByTestId("schedule-ran")).toContainText(path.basename(file));
  const csv = await readFile(file, "utf8");
  expect(csv.startsWith("bucket,key,")).toBe(true);
  expect(csv).toContain(`${QUEUE},3,`);
  await page.reload();
  await expect(row).toHaveAttribute("data-status", "ok");
});
