import type { Page } from "playwright-core";
import { loadAddon, readDist } from "../../dev/loader";
import { bridgeScriptRun, openHtml, screenshot, serveWith, usePages } from "../helpers/browser";

describe("dist/Sidebar.html in headless Chromium", () => {
  const pages = usePages({ width: 300, height: 600 });
  let page: Page;
  beforeEach(() => {
    page = pages.page;
  });

  it("renders its first screen with the server's answer, in English", async () => {
    await bridgeScriptRun(page, serveWith(loadAddon({ locale: "en" })));
    await openHtml(page, readDist("Sidebar.html"));
    await page.getByRole("heading", { name: "Draft an objective" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Views" }).textContent()).toBe("DraftCheck-inFindings");
    // No template yet: the wizard says what to do, next to a way to try again.
    await page.getByRole("alert").getByText("run OKR › Set up template first").waitFor();
    await page.getByRole("button", { name: "Try again" }).waitFor();
    await screenshot(page, "sidebar-home-en");
  });

  it("renders in French for a French user", async () => {
    await bridgeScriptRun(page, serveWith(loadAddon({ locale: "fr" })));
    await openHtml(page, readDist("Sidebar.html"));
    await page.getByRole("heading", { name: "Rédiger un objectif" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Vues" }).textContent()).toBe(
      "RédigerPoint hebdoConstats",
    );
    expect(await page.getAttribute("html", "lang")).toBe("fr");
  });

  it("opens on the view the menu chose, from the page the server showed, without calling back", async () => {
    const addon = loadAddon({ locale: "fr", now: "2026-11-15T10:00:00Z" });
    addon.ui.answers.push({ button: "NO" });
    addon.run("setUpTemplate");
    addon.run("checkIn"); // OKR › Weekly check-in: the sidebar, on the check-in view
    const calls: string[] = [];
    const serve = serveWith(addon);
    await bridgeScriptRun(page, (name, args) => (calls.push(name), serve(name, args)));
    await openHtml(page, addon.ui.shown.at(-1)!.html);
    await page
      .getByRole("button", { name: "Point hebdo", exact: true })
      .and(page.locator("[aria-current=page]"))
      .waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(calls).not.toContain("getSidebarContext");
    expect(calls).toContain("getCheckins");
  });

  it("shows a loading indicator while the server answers, for every call", async () => {
    const waiting: (() => void)[] = [];
    const addon = loadAddon({ now: "2026-11-15T10:00:00Z" });
    addon.ui.answers.push({ button: "NO" });
    addon.run("setUpTemplate");
    await bridgeScriptRun(
      page,
      (name, args) =>
        new Promise((resolve, reject) =>
          waiting.push(() => {
            try {
              resolve(addon.run(name, ...args));
            } catch (error) {
              reject(error);
            }
          }),
        ),
    );
    await openHtml(page, readDist("Sidebar.html"));
    await page.locator("#status.loading").waitFor();
    expect(await page.textContent("#status")).toBe("Loading…");
    waiting.shift()!(); // getSidebarContext
    await page.getByRole("heading", { name: "Draft an objective" }).waitFor();
    expect(await page.textContent("#status")).toBe("Loading…"); // the wizard's own call
    expect(await page.getByRole("button", { name: "Findings" }).isDisabled()).toBe(true);
    while (waiting.length === 0) await new Promise((r) => setTimeout(r, 10));
    waiting.shift()!(); // getWizardContext
    await page.getByLabel("Team", { exact: true }).waitFor();
    expect(await page.locator("#status.loading").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Findings" }).isDisabled()).toBe(false);
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
