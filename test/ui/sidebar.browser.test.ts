import type { Browser, Page } from "playwright-core";
import { loadAddon, readDist } from "../../dev/loader";
import { bridgeScriptRun, launchChromium, openHtml, screenshot, serveWith } from "../helpers/browser";

describe("dist/Sidebar.html in headless Chromium", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 300, height: 600 } });
  });
  afterEach(async () => {
    await page?.close();
  });

  it("renders its first screen with the server's answer, in English", async () => {
    await bridgeScriptRun(page, serveWith(loadAddon({ locale: "en" })));
    await openHtml(page, readDist("Sidebar.html"));
    await page.getByRole("heading", { name: "OKR" }).waitFor();
    expect(await page.textContent("main")).toContain("check in weekly");
    await screenshot(page, "sidebar-home-en");
  });

  it("renders in French for a French user", async () => {
    await bridgeScriptRun(page, serveWith(loadAddon({ locale: "fr" })));
    await openHtml(page, readDist("Sidebar.html"));
    await page.getByRole("heading", { name: "OKR" }).waitFor();
    expect(await page.textContent("main")).toContain("faites le point chaque semaine");
    expect(await page.getAttribute("html", "lang")).toBe("fr");
  });

  it("shows a loading indicator while the server answers", async () => {
    let answer: () => void = () => undefined;
    const addon = loadAddon();
    await bridgeScriptRun(
      page,
      (name, args) => new Promise((resolve) => (answer = () => resolve(addon.run(name, ...args)))),
    );
    await openHtml(page, readDist("Sidebar.html"));
    await page.locator("#status.loading").waitFor();
    expect(await page.textContent("#status")).toBe("Loading…");
    answer();
    await page.getByRole("heading", { name: "OKR" }).waitFor();
    expect(await page.locator("#status.loading").count()).toBe(0);
  });

  it("shows the server's message when the call fails", async () => {
    await bridgeScriptRun(page, () => {
      throw new Error("The spreadsheet is busy");
    });
    await openHtml(page, readDist("Sidebar.html"));
    await page.locator("#status.error").waitFor();
    expect(await page.textContent("#status")).toContain("The spreadsheet is busy");
  });
});
