import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signInOncePerFile } from "./support/session";

/**
 * The "Agents" view and the queue detail in real Chromium against the real server:
 * agent states and contacts posted to /api/events reach the agent grid through
 * socket.io, durations tick on screen, long pauses and contacts are highlighted
 * past their thresholds (small ones from the URL, so the test is quick), and a
 * queue row opens the list of contacts waiting in it. Ids are unique per run and
 * nothing is left waiting (other suites share the server's "all" numbers).
 */

const KEY = process.env.VIGIE_E2E_INGEST_KEY ?? "";
const RUN = Date.now().toString(36);
/** The grid and the waiting list are pushed at most once a second. */
const PUSH_BUDGET_MS = 2000;

signInOncePerFile();

let seq = 0;
const uid = (kind: string) => `e2e-${RUN}-${kind}-${++seq}`;

async function post(request: APIRequestContext, events: ({ type: string; at: number } & Record<string, unknown>)[]): Promise<void> {
  const res = await request.post("/api/events", { headers: { authorization: `Bearer ${KEY}` }, data: events.map((e) => ({ id: uid("evt"), ...e })) });
  expect(res.status(), await res.text()).toBe(202);
  expect((await res.json()).accepted).toBe(events.length);
}

async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "connected", { timeout: 15_000 });
}

async function screenshot(page: Page, name: string) {
  const png = await page.screenshot({ path: test.info().outputPath(`${name}-1920x1080.png`) });
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1080]);
  await test.info().attach(name, { body: png, contentType: "image/png" });
}

test("the agent grid shows a pause with its reason and highlights long pauses and contacts past their thresholds", async ({ page, request }) => {
  await open(page, "/wallboard?view=agents&longPause=3&longContact=5");
  await expect(page.getByTestId("view-agents")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("agent-grid")).toBeVisible();

  const queue = uid("q");
  const [paused, talking] = [uid("agent"), uid("agent")];
  const contact = uid("c");
  const now = Date.now();
  await post(request, [
    { type: "agent.state", at: now - 1000, agentId: paused, state: "paused", reason: "déjeuner", queues: [queue] },
    { type: "agent.state", at: now - 2000, agentId: talking, state: "busy", queues: [queue] },
    { type: "contact.offered", at: now - 4000, contactId: contact, queue, channel: "chat" },
    { type: "contact.answered", at: now - 2000, contactId: contact, agentId: talking },
  ]);

  const pausedRow = page.getByTestId(`agent-row-${paused}`);
  await expect(pausedRow).toBeVisible({ timeout: PUSH_BUDGET_MS });
  await expect(pausedRow.getByTestId("agent-state")).toHaveText("En pause");
  await expect(pausedRow.getByTestId("agent-reason")).toContainText("déjeuner");
  await expect(pausedRow).toHaveAttribute("data-long-pause", "false");
  // Time in state ticks on screen, with no push, and the threshold (3 s) is crossed.
  const first = Number(await pausedRow.getByTestId("agent-time-in-state").getAttribute("data-seconds"));
  await expect(pausedRow).toHaveAttribute("data-long-pause", "true", { timeout: 4000 });
  expect(Number(await pausedRow.getByTestId("agent-time-in-state").getAttribute("data-seconds"))).toBeGreaterThan(first);

  const talkingRow = page.getByTestId(`agent-row-${talking}`);
  await expect(talkingRow.getByTestId("agent-contact")).toHaveAttribute("data-contact", contact);
  await expect(talkingRow.getByTestId("agent-contact")).toContainText(queue);
  await expect(talkingRow).toHaveAttribute("data-long-contact", "true", { timeout: 5000 });
  await expect(talkingRow).toHaveAttribute("data-long-pause", "false");

  // Sorting by name puts the two agents of this run in id order, then reversed.
  await page.getByTestId("agent-sort-name").click();
  const order = () => page.locator(`[data-testid^="agent-row-e2e-${RUN}"]`).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-testid")));
  expect(await order()).toEqual([`agent-row-${paused}`, `agent-row-${talking}`]);
  await page.getByTestId("agent-sort-name").click();
  expect(await order()).toEqual([`agent-row-${talking}`, `agent-row-${paused}`]);
  await page.getByTestId("agent-sort-state").click();

  // A state change is pushed: the pause ends, the highlight goes.
  await post(request, [{ type: "agent.state", at: Date.now(), agentId: paused, state: "available" }]);
  await expect(pausedRow.getByTestId("agent-state")).toHaveText("Disponible", { timeout: PUSH_BUDGET_MS });
  await expect(pausedRow).toHaveAttribute("data-long-pause", "false");
  await post(request, [{ type: "agent.state", at: Date.now(), agentId: paused, state: "paused", reason: "formation" }]);
  await expect(pausedRow.getByTestId("agent-reason")).toContainText("formation", { timeout: PUSH_BUDGET_MS });
  await expect(pausedRow).toHaveAttribute("data-long-pause", "true", { timeout: 5000 });

  await expect(page.getByTestId("forecast-tile")).toBeVisible();
  await expect(page.getByTestId("minute-chart")).toHaveAttribute("data-points", "60", { timeout: 10_000 });
  await expect(page.getByTestId("week-chart")).toHaveAttribute("data-last-week", /^\d{4}-\d{2}-\d{2}$/, { timeout: 10_000 });
  await screenshot(page, "agents");

  await post(request, [
    { type: "contact.ended", at: Date.now(), contactId: contact },
    { type: "contact.wrapped", at: Date.now(), contactId: contact },
  ]);
  await expect(talkingRow.getByTestId("agent-handled")).toHaveText("1", { timeout: PUSH_BUDGET_MS });
});

test("clicking a queue opens the contacts waiting in it, longest wait first", async ({ page, request }) => {
  await open(page, "/wallboard");
  const queue = uid("q-detail");
  const [older, newer] = [uid("c"), uid("c")];
  const now = Date.now();
  await post(request, [
    { type: "contact.offered", at: now - 75_000, contactId: older, queue, customerId: "cust-42" },
    { type: "contact.offered", at: now - 5000, contactId: newer, queue, channel: "chat" },
  ]);

  await page.getByTestId(`queue-open-${queue}`).click({ timeout: PUSH_BUDGET_MS });
  const panel = page.getByTestId("queue-detail-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("heading", { level: 2 })).toContainText(queue);
  const rows = panel.getByTestId("waiting-list").locator("tbody tr");
  await expect(rows).toHaveCount(2, { timeout: PUSH_BUDGET_MS });
  await expect(rows.nth(0)).toHaveAttribute("data-testid", `waiting-${older}`);
  await expect(rows.nth(0)).toContainText("cust-42");
  await expect(rows.nth(1)).toHaveAttribute("data-testid", `waiting-${newer}`);
  await expect(rows.nth(0).getByTestId("waiting-wait")).toHaveAttribute("data-seconds", /^(7[5-9]|[89]\d|\d{3,})$/);
  await expect(panel.getByTestId("value-waiting")).toHaveAttribute("data-value", "2", { timeout: PUSH_BUDGET_MS });
  await screenshot(page, "queue-detail");

  await post(request, [{ type: "contact.answered", at: Date.now(), contactId: older, agentId: uid("agent") }]);
  await expect(rows).toHaveCount(1, { timeout: PUSH_BUDGET_MS });
  await expect(rows.nth(0)).toHaveAttribute("data-testid", `waiting-${newer}`);

  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await post(request, [{ type: "contact.abandoned", at: Date.now(), contactId: newer }]);
});
