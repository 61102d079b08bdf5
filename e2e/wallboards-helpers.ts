import { expect, test, type APIRequestContext, type Page, type WebSocketRoute } from "@playwright/test";

export { signInOncePerFile } from "./support/session";

/**
 * Shared by the saved-wallboard suites (not a test file: it does not end in
 * `.e2e.ts`). Each suite uses its own queues and ids.
 */

const KEY = process.env.VIGIE_E2E_INGEST_KEY ?? "";
const RUN = Date.now().toString(36);
let seq = 0;
export const uid = (kind: string) => `e2e-${RUN}-${kind}-${++seq}`;

export type Event = { type: string; at: number } & Record<string, unknown>;

export async function post(request: APIRequestContext, events: Event[]): Promise<void> {
  const res = await request.post("/api/events", {
    headers: { authorization: `Bearer ${KEY}` },
    data: events.map((e) => ({ id: uid("evt"), ...e })),
  });
  expect(res.status(), await res.text()).toBe(202);
}

/** A few agents per run: a real floor has a bounded staff, and the catalog the board receives lists them. */
const agent = () => `e2e-${RUN}-agent-${seq % 4}`;

/** A contact of `queue` answered after `waitS` seconds, or abandoned, ending before now. */
export function contact(queue: string, outcome: "answered" | "abandoned", waitS = 3): Event[] {
  const id = uid("c");
  const at = Date.now() - 20_000;
  return outcome === "answered"
    ? [
        { type: "contact.offered", at, contactId: id, queue },
        { type: "contact.answered", at: at + waitS * 1000, contactId: id, agentId: agent() },
        { type: "contact.ended", at: at + 10_000, contactId: id },
      ]
    : [
        { type: "contact.offered", at, contactId: id, queue },
        { type: "contact.abandoned", at: at + waitS * 1000, contactId: id },
      ];
}

/** Creates a board through the API as the signed-in page. */
export async function createBoard(page: Page, name: string, definition: unknown): Promise<string> {
  const res = await page.request.post("/api/wallboards", { data: { name, definition }, headers: { origin: new URL(page.url()).origin } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const body = await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
  await test.info().attach(name, { body, contentType: "image/png" });
}

/** Waits for the socket and marks the document, to detect reloads later. */
export async function waitLive(page: Page): Promise<void> {
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "connected", { timeout: 15_000 });
  await page.evaluate(() => Object.assign(window, { __vigieNoReload: true }));
}

export async function expectNoReload(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as { __vigieNoReload?: boolean }).__vigieNoReload), "the page was reloaded").toBe(true);
}

/**
 * Lets a test cut the page off the server as a dead server or network would:
 * the open socket.io WebSockets (routed through Playwright) are closed, and
 * new connections fail while the context is offline. Call before `goto`.
 */
export async function cuttableSocket(page: Page) {
  const open = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    ws.connectToServer();
    open.add(ws);
  });
  return {
    cut: async () => {
      await page.context().setOffline(true);
      await Promise.all([...open].map((ws) => ws.close().catch(() => {})));
      open.clear();
    },
    restore: () => page.context().setOffline(false),
  };
}
