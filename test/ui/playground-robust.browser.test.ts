/**
 * The playground never hangs, in headless Chromium: a page reloaded while an alert waits shows the
 * sheet and the alert again, and its answer finishes the call; an alert nobody answers is ended by
 * the watchdog in Apps Script's words, and the playground carries on.
 */
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { type Playground, startPlayground } from "../../dev/playground/server";
import { launchChromium } from "../helpers/browser";

const ROOT = join(__dirname, "..", "..");

describe("the playground in headless Chromium, when calls wait or hang", () => {
  let playground: Playground;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [playground, browser] = await Promise.all([
      startPlayground({
        root: ROOT,
        port: 0,
        now: "2026-11-15T10:00:00Z",
        timeZone: "Europe/Brussels",
        watchdog: { scriptMs: 3000 },
      }),
      launchChromium(),
    ]);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  const cell = (a1: string): Locator => page.locator(`#grid td[data-cell="${a1}"]`);
  const alertBox = (): Locator => page.getByRole("alertdialog");

  async function lockPlanFromTheMenu(): Promise<void> {
    await page.getByRole("button", { name: "OKR", exact: true }).click();
    await page.getByRole("menuitem", { name: "Lock plan", exact: true }).click();
    await alertBox().waitFor();
  }

  it("shows the sheet and the waiting alert after a reload, and takes the answer from the new page", async () => {
    await page.goto(playground.url);
    await page.locator("body[data-ready=true]").waitFor();
    await lockPlanFromTheMenu();
    const question = await page.locator("#alert-message").textContent();

    const started = Date.now();
    await page.reload();
    await alertBox().waitFor();
    expect(Date.now() - started).toBeLessThan(2500);
    expect(await page.locator("#alert-message").textContent()).toBe(question);
    expect(await cell("Q4").textContent()).toBe("0.50");
    await alertBox().getByRole("button", { name: "No" }).click();
    await alertBox().waitFor({ state: "hidden" });
    await page.locator("body[data-ready=true]").waitFor();
    expect(playground.host.pending()).toBeUndefined();
  });

  it("ends an alert nobody answers at the time limit, says so in Apps Script's words, and carries on", async () => {
    await lockPlanFromTheMenu();
    // Past the 3 s limit the worker is restarted; the late answer is told why.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(playground.host.pending()).toBeUndefined();
    await alertBox().getByRole("button", { name: "Yes" }).click();
    await page.locator(".toast.error", { hasText: "Exceeded maximum execution time" }).waitFor();
    // The restarted playground answers: the menu runs again and the grid is as it was.
    await lockPlanFromTheMenu();
    await alertBox().getByRole("button", { name: "No" }).click();
    await alertBox().waitFor({ state: "hidden" });
    expect(await cell("Q4").textContent()).toBe("0.50");
  });
});
