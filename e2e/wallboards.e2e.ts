import { expect, test, type Page } from "@playwright/test";
import { contact, createBoard, cuttableSocket, expectNoReload, post, screenshot, signInOncePerFile, uid, waitLive } from "./wallboards-helpers";

/**
 * Saved wallboards at 1920×1080, against the real server: a board made in the
 * editor colours its tiles with its own thresholds as posted events cross
 * them; a kiosk link shows it without sign-in; a cut socket says so after 5 s,
 * greys the board, and the board resynchronises when the socket comes back.
 * The tests run in order: they share the board the first one creates.
 */

test.describe.configure({ mode: "serial" });
signInOncePerFile();

const QUEUE = uid("q-sl");
const NAME = `SL ${QUEUE}`;
let boardId = "";

const tile = (page: Page, metric: string) => page.getByTestId(`tile-${metric}`);

test.beforeAll(async ({ request }) => {
  // Four contacts answered within the threshold: the queue exists, its service level is 100 %.
  await post(request, [1, 2, 3, 4].flatMap(() => contact(QUEUE, "answered")));
});

test("a board made in the editor colours its service level with its own thresholds as events cross them", async ({ page, request }) => {
  await page.goto("/wallboards");
  await page.getByTestId("new-wallboard").click();
  await page.waitForURL("**/wallboards/new");
  const editor = page.getByTestId("wallboard-editor");
  await editor.locator('[name="name"]').fill(NAME);
  await page.getByTestId("scope-kind-queues").check();
  await page.getByTestId(`scope-value-${QUEUE}`).check();
  const sl = page.getByTestId("tile-settings-serviceLevel");
  await expect(sl.getByTestId("tile-direction")).toHaveText(/meilleur quand plus haut/);
  // Registry thresholds are 80 % / 70 %; this board warns under 90 % and alerts at 50 %.
  await page.getByTestId("threshold-warn-serviceLevel").fill("90");
  await page.getByTestId("threshold-alert-serviceLevel").fill("50");
  await expect(page.getByTestId("editor-preview").getByTestId("tile-serviceLevel")).toHaveAttribute("data-status", "ok");
  await screenshot(page, "editor");
  await page.getByTestId("save-wallboard").click();
  await page.waitForURL(/\/wallboard\/[^/?]+$/);
  boardId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
  await waitLive(page);

  await expect(page.getByTestId("board-title")).toHaveText(NAME);
  await expect(page.getByTestId("board-scope")).toHaveAttribute("data-scope", `queue:${QUEUE}`);
  await expect(tile(page, "serviceLevel")).toHaveAttribute("data-value", "1");
  await expect(tile(page, "serviceLevel")).toHaveAttribute("data-status", "ok");
  await expect(tile(page, "serviceLevel").locator("a[data-kpi-link]")).toHaveAttribute("href", "/kpis#serviceLevel");
  await screenshot(page, "board-ok");

  // 4 / 5 = 80 %: "ok" by the registry, "warn" by this board.
  await post(request, contact(QUEUE, "abandoned"));
  await expect(tile(page, "serviceLevel")).toHaveAttribute("data-value", "0.8");
  await expect(tile(page, "serviceLevel")).toHaveAttribute("data-status", "warn");
  await screenshot(page, "board-warn");

  // 4 / 8 = 50 %: "alert".
  await post(request, [1, 2, 3].flatMap(() => contact(QUEUE, "abandoned")));
  await expect(tile(page, "serviceLevel")).toHaveAttribute("data-value", "0.5");
  await expect(tile(page, "serviceLevel")).toHaveAttribute("data-status", "alert");
  await screenshot(page, "board-alert");
  await expectNoReload(page);
});

test("the list duplicates and deletes boards", async ({ page }) => {
  page.on("dialog", (d) => void d.accept());
  await page.goto("/wallboards");
  await page.getByTestId(`wallboard-row-${NAME}`).getByTestId("duplicate-wallboard").click();
  const copy = page.getByTestId(`wallboard-row-${NAME} (copie)`);
  await expect(copy).toBeVisible();
  await copy.getByTestId("delete-wallboard").click();
  await expect(copy).toHaveCount(0);
  await expect(page.getByTestId(`wallboard-row-${NAME}`)).toBeVisible();
});

test("a kiosk link shows the board without sign-in, in TV mode", async ({ page, browser }) => {
  await page.goto("/wallboards");
  const row = page.getByTestId(`wallboard-row-${NAME}`);
  await row.getByTestId("kiosk-link-wallboard").click();
  const url = (await row.getByTestId("wallboard-kiosk-url").textContent())!;
  expect(url).toMatch(/\/kiosk\/[^#]+#vk_/);

  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  expect(await context.cookies()).toEqual([]);
  const tv = await context.newPage();
  await tv.goto(url);
  await waitLive(tv);
  expect(new URL(tv.url()).pathname).toMatch(/^\/kiosk\//);
  await expect(tv.getByTestId("board-frame")).toHaveAttribute("data-tv", "true");
  await expect(tv.getByTestId("board-title")).toHaveText(NAME);
  await expect(tile(tv, "serviceLevel")).toHaveAttribute("data-status", "alert");
  await screenshot(tv, "kiosk-board");
  await context.close();
});

test("a cut socket shows 'disconnected', greys the board after 5 s, and resynchronises on recovery", async ({ page, request }) => {
  const socket = await cuttableSocket(page);
  await page.goto(`/wallboard/${encodeURIComponent(boardId)}`);
  await waitLive(page);
  await expect(tile(page, "serviceLevel")).toHaveAttribute("data-value", "0.5");
  const board = page.getByTestId("board");

  const cutAt = Date.now();
  await socket.cut();
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "disconnected", { timeout: 2000 });
  await expect(board).toHaveAttribute("data-stale", "false");
  await expect(board).toHaveAttribute("data-stale", "true", { timeout: 8000 });
  const staleAfter = Date.now() - cutAt;
  test.info().annotations.push({ type: "stale after", description: `${staleAfter} ms` });
  expect(staleAfter).toBeGreaterThanOrEqual(5000);
  await expect(page.getByTestId("offline-note")).toBeVisible();
  await expect(board).toHaveCSS("opacity", "0.4");

  // Numbers change while the board cannot hear: 8 answered of 12.
  await post(request, [1, 2, 3, 4].flatMap(() => contact(QUEUE, "answered")));
  await page.waitForTimeout(1000);
  await expect(tile(page, "serviceLevel")).toHaveAttribute("data-value", "0.5");
  await screenshot(page, "board-disconnected");

  await socket.restore();
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "connected", { timeout: 15_000 });
  await expect(board).toHaveAttribute("data-stale", "false");
  await expect(page.getByTestId("offline-note")).toHaveCount(0);
  await expect(tile(page, "serviceLevel")).toHaveAttribute("data-value", String(8 / 12));
  await expect(tile(page, "serviceLevel")).toHaveAttribute("data-status", "warn");
  await screenshot(page, "board-resynchronised");
  await expectNoReload(page);
});

test("a supervisor limited to one queue sees only its numbers through a wider board, and may not widen boards", async ({ page, browser, request }) => {
  const other = uid("q-other");
  await post(request, [...contact(other, "abandoned"), ...contact(other, "abandoned")]);
  await page.goto("/wallboards");
  const origin = new URL(page.url()).origin;
  const wide = await createBoard(page, `Wide ${uid("w")}`, { tiles: [{ metric: "offered" }, { metric: "serviceLevel" }], scope: { kind: "queues", values: [QUEUE, other] } });
  const email = `${uid("sup")}@e2e.vigie.test`;
  const password = `e2e-${uid("pw")}`;
  const created = await page.request.post("/api/admin/users", {
    headers: { origin },
    data: { email, name: "Sup", password, role: "supervisor", queues: [QUEUE] },
  });
  expect(created.status(), await created.text()).toBe(201);

  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const sup = await context.newPage();
  expect((await sup.request.post("/api/auth/sign-in/email", { data: { email, password }, headers: { origin } })).status()).toBe(200);
  await sup.goto(`/wallboard/${wide}`);
  await waitLive(sup);
  await expect(sup.getByTestId("board-scope")).toHaveAttribute("data-scope", `queue:${QUEUE}`);
  await expect(sup.getByTestId("board-hidden")).toBeVisible();
  const own = (await (await sup.request.get(`/api/live?scope=${encodeURIComponent(`queue:${QUEUE}`)}&window=today`)).json()) as { metrics: { offered: number } };
  await expect(tile(sup, "offered")).toHaveAttribute("data-value", String(own.metrics.offered));
  await screenshot(sup, "board-restricted-reader");
  // Not even the other queue's name reaches this reader: neither in the page nor from the API.
  expect(await sup.content()).not.toContain(other);
  const read = await sup.request.get(`/api/wallboards/${wide}`);
  expect(((await read.json()) as { definition: { scope: unknown } }).definition.scope).toEqual({ kind: "queues", values: [QUEUE] });
  expect(JSON.stringify(await (await sup.request.get("/api/wallboards")).json())).not.toContain(other);

  const refused = await sup.request.post("/api/wallboards", { headers: { origin }, data: { name: "x", definition: { scope: { kind: "queues", values: [other] } } } });
  expect(refused.status()).toBe(403);
  expect((await sup.request.put(`/api/wallboards/${wide}`, { headers: { origin }, data: { name: "mine" } })).status()).toBe(403);
  const copy = await sup.request.post(`/api/wallboards/${wide}/duplicate`, { headers: { origin }, data: {} });
  expect(copy.status()).toBe(201);
  expect(((await copy.json()) as { definition: { scope: unknown } }).definition.scope).toEqual({ kind: "queues", values: [QUEUE] });
  await context.close();
});
