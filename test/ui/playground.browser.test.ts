/**
 * `npm start` end to end in headless Chromium: the playground serves the real dist/Code.js and
 * dist/Sidebar.html; a user goes through the menu bar, the sidebar's wizard and check-in, the
 * findings, the review dialog, then exports the spreadsheet to .xlsx and imports it back.
 */
import { join } from "node:path";
import type { Browser, FrameLocator, Locator, Page } from "playwright-core";
import type { State } from "../../dev/playground/protocol";
import { type Playground, startPlayground } from "../../dev/playground/server";
import { launchChromium, screenshot } from "../helpers/browser";

const NOW = "2026-11-15T10:00:00Z";
const ROOT = join(__dirname, "..", "..");

describe("the playground in headless Chromium", () => {
  let playground: Playground;
  let browser: Browser;
  let page: Page;
  const nativeDialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [playground, browser] = await Promise.all([
      startPlayground({ root: ROOT, port: 0, now: NOW, timeZone: "Europe/Brussels" }),
      launchChromium(),
    ]);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    // The steps follow one another: a failed one should not leave the next waiting for long.
    page.setDefaultTimeout(10_000);
    page.on("dialog", (dialog) => {
      nativeDialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("pageerror", (error) => pageErrors.push(String(error)));
  });
  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });
  afterEach(() => {
    // Alerts are the page's own, never the browser's; nothing throws in the page or its frames.
    expect(nativeDialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  const cell = (a1: string): Locator => page.locator(`#grid td[data-cell="${a1}"]`);
  const sidebar = (): FrameLocator => page.frameLocator("#sidebar-frame");
  const dialog = (): FrameLocator => page.frameLocator("#modal-frame");
  const alertBox = (): Locator => page.getByRole("alertdialog");

  async function menu(title: string, item: string): Promise<void> {
    await page.getByRole("button", { name: title, exact: true }).click();
    await page.getByRole("menuitem", { name: item, exact: true }).click();
  }

  async function expectText(locator: Locator, text: string | RegExp): Promise<void> {
    await locator.filter({ hasText: text }).waitFor();
  }

  /** Every sheet as the server shows it: names, then each sheet's cells (values, formulas, notes, colours). */
  async function everything(): Promise<unknown> {
    const state = async (sheet?: string) =>
      (await (
        await fetch(`${playground.url}api/state${sheet ? `?sheet=${encodeURIComponent(sheet)}` : ""}`)
      ).json()) as State;
    const { sheets } = await state();
    const all: Record<string, unknown> = {};
    for (const { name } of sheets) {
      const { sheet } = await state(name);
      all[name] = { frozenRows: sheet.frozenRows, cells: sheet.cells };
    }
    return { names: sheets.map((s) => s.name), all };
  }

  it("opens on the example quarter, with scores, statuses and the OKR menu onOpen built", async () => {
    await page.goto(playground.url);
    await page.locator("body[data-ready=true]").waitFor();
    expect(await page.getByRole("tab", { selected: true }).textContent()).toBe("OKRs");
    expect(await cell("B4").textContent()).toBe("KR-1");
    expect(await cell("Q4").textContent()).toBe("0.50");
    expect(await cell("R4").textContent()).toBe("On track");
    expect(await cell("Q4").evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(
      "rgb(252, 232, 178)",
    );
    // The Score formula lives in its header cell, over ranges that start at the header row.
    expect(await cell("Q1").getAttribute("class")).toContain("formula");
    await cell("Q1").click();
    expect(await page.getByLabel("Formula bar").inputValue()).toBe(
      "=OKRSCORE(B1:B,C1:C,F1:F,L1:L,M1:M,N1:N,J1:J,O1:O,'Settings'!$B$11)",
    );
    await page.getByRole("button", { name: "OKR", exact: true }).click();
    const items = await page.getByRole("menu", { name: "OKR" }).getByRole("menuitem").allTextContents();
    expect(items).toEqual([
      "Set up template",
      "Open the OKR sidebar",
      "Weekly check-in",
      "Validate",
      "Lock plan",
      "Generate quarterly review",
      "Practice health",
      "Start next quarter",
      "Roll up teams",
      "Settings",
      "Help",
    ]);
    await page.keyboard.press("Escape");
    await screenshot(page, "playground-1-example");
  });

  it("runs OKR › Set up template again from the menu bar, its alert answered in the page", async () => {
    await menu("OKR", "Set up template");
    await alertBox().waitFor();
    expect(await alertBox().getByRole("heading").textContent()).toBe("OKR template");
    expect(await page.locator("#alert-message").textContent()).toContain("The template is ready.");
    await screenshot(page, "playground-2-alert");
    await alertBox().getByRole("button", { name: "OK" }).click();
    await alertBox().waitFor({ state: "hidden" });
    expect(await cell("Q4").textContent()).toBe("0.50");
    expect(await cell("Q1").getAttribute("class")).toContain("formula");
  });

  it("drafts an objective in the sidebar's wizard and sees it in the grid", async () => {
    await menu("OKR", "Open the OKR sidebar");
    const side = sidebar();
    await side.locator(".step-title", { hasText: "Step 1 of 4: Context" }).waitFor();
    await side.getByLabel("Level").selectOption("company");
    await side.getByLabel("Owner").fill("Camille");
    await side.getByLabel(/^Aspirational/).check();
    await side.getByRole("button", { name: "Next" }).click();
    await side.getByLabel("Objective", { exact: true }).fill("Be the parking brand Belgians trust most");
    await side.getByRole("button", { name: "Next" }).click();
    await side.getByLabel("Title").fill("Raise NPS from 30 to 45");
    await side.getByLabel("Baseline").fill("30");
    await side.getByLabel("Target").fill("45");
    await side.getByRole("button", { name: "Next" }).click();
    await side.locator(".step-title", { hasText: "Step 4 of 4: Review" }).waitFor();
    await side.getByRole("button", { name: "Insert into the sheet" }).click();
    await side.getByText("Inserted O-4 (KR-7) in OKRs, rows 11 to 12.").waitFor();
    await expectText(cell("B11"), "O-4");
    expect(await cell("G11").textContent()).toBe("Be the parking brand Belgians trust most");
    expect(await cell("B12").textContent()).toBe("KR-7");
    // The inserted rows are selected, and the new objective has its status.
    expect(await cell("A11").getAttribute("class")).toContain("in-range");
    expect(await cell("R11").textContent()).toBe("Not started");
    await screenshot(page, "playground-3-wizard");
  });

  it("checks in from OKR › Weekly check-in: the score in the grid follows", async () => {
    await menu("OKR", "Weekly check-in");
    const side = sidebar();
    await side.getByRole("heading", { name: "Weekly check-in — 2026-Q4" }).waitFor();
    await side.getByLabel("Team", { exact: true }).selectOption("Sales");
    const kr1 = side.locator('fieldset.kr-checkin[data-kr="KR-1"]');
    await kr1.getByLabel("New value").fill("165");
    await kr1.getByLabel("Confidence (0–10)").selectOption("8");
    await side.getByRole("button", { name: "Save check-ins" }).click();
    await side.getByText("1 check-in saved.").waitFor();
    await expectText(cell("N4"), "165");
    expect(await cell("Q4").textContent()).toBe("0.75");
    await page.getByRole("tab", { name: "Check-ins" }).click();
    await page.locator("#grid td", { hasText: "ada@example.com" }).first().waitFor();
    await page.getByRole("tab", { name: "OKRs" }).click();
    await expectText(cell("B4"), "KR-1");
  });

  it("validates from the menu: the findings list appears and the sheet is marked", async () => {
    await menu("OKR", "Validate");
    const side = sidebar();
    await side.getByRole("heading", { name: "Findings" }).waitFor();
    await side.locator(".finding-item").first().waitFor();
    expect(await page.locator("#toasts").textContent()).toMatch(/errors, \d+ warnings/);
    // "Launch the new partner portal" is an output: a note on its title and a soft colour.
    const title = cell("G5");
    expect(await title.getAttribute("class")).toContain("has-note");
    expect(await title.getAttribute("title")).toMatch(/output, not an outcome/i);
    expect(await title.evaluate((td) => getComputedStyle(td).backgroundColor)).not.toBe("rgb(255, 255, 255)");
    await screenshot(page, "playground-4-findings");
    // A finding selects its cell in the grid.
    await side.locator(".finding-item button", { hasText: "OKRs!G5" }).first().click();
    await page.locator('#grid td.selected[data-cell="G5"]').waitFor();
    expect(await page.getByLabel("Selected cell").inputValue()).toBe("G5");
  });

  it("generates the quarterly review in its dialog", async () => {
    await menu("OKR", "Generate quarterly review");
    const modal = page.getByRole("dialog", { name: "Generate quarterly review" });
    await modal.waitFor();
    const box = await page.locator("#modal-frame").boundingBox();
    expect(box?.width).toBe(520);
    const frame = dialog();
    await frame.getByRole("button", { name: "Generate the review" }).click();
    await frame.getByText("The review is ready on the sheet “Review 2026-Q4”.").waitFor();
    await page.getByRole("tab", { name: "Review 2026-Q4" }).waitFor();
    await screenshot(page, "playground-5-review");
    await frame.getByRole("button", { name: "Close" }).click();
    await modal.waitFor({ state: "hidden" });
    await page.getByRole("tab", { name: "Review 2026-Q4" }).click();
    await page.locator("#grid td", { hasText: "Quarterly review — 2026-Q4" }).first().waitFor();
  });

  it("evaluates what the user types: custom functions, spills, and a clear message otherwise", async () => {
    await page.getByRole("tab", { name: "OKRs" }).click();
    await expectText(cell("B4"), "KR-1");
    await cell("W2").click();
    await page.keyboard.type("=KRSCORE(L4:L6,M4:M6,N4:N6)");
    await page.keyboard.press("Enter");
    await expectText(cell("W2"), "0.75");
    expect(await cell("W3").textContent()).toBe("0");
    expect(await cell("W3").getAttribute("class")).toContain("spilled");
    await cell("W5").click();
    await page.getByLabel("Formula bar").fill("=SUM(1,2)");
    await page.getByLabel("Formula bar").press("Enter");
    await expectText(cell("W5"), "#PLAYGROUND: cannot evaluate SUM");
    expect(await cell("W5").getAttribute("title")).toMatch(/custom functions/);
    // Cleared again, so that the export below holds only the add-on's work.
    for (const a1 of ["W2", "W5"]) {
      await cell(a1).click();
      await page.keyboard.press("Delete");
      await cell(a1).filter({ hasText: /^$/ }).waitFor();
    }
  });

  it("bridges google.script.run with Apps Script's rules: no Date, failures as messages, unknown names refused", async () => {
    await menu("OKR", "Open the OKR sidebar");
    await sidebar().locator(".step-title").first().waitFor();
    const side = page.frames().find((f) => /\/ui\/\d+$/.test(f.url()))!;
    const results = await side.evaluate(async () => {
      type Run = Record<string, (...args: unknown[]) => void> & {
        withSuccessHandler(h: (v: unknown) => void): Run;
        withFailureHandler(h: (e: Error) => void): Run;
      };
      const run = (window as unknown as { google: { script: { run: Run } } }).google.script.run;
      const call = (name: string, ...args: unknown[]) =>
        new Promise((resolve) =>
          run
            .withSuccessHandler((value) => resolve({ ok: value }))
            .withFailureHandler((error) => resolve({ failed: error.message }))[name]!(...args),
        );
      let dateRefused = "";
      try {
        run.getFindings!(new Date());
      } catch (error) {
        dateRefused = (error as Error).message;
      }
      return {
        dateRefused,
        context: await call("getSidebarContext"),
        bad: await call("selectCell", { sheet: "okrs", a1: "G5; DROP" }),
        unknown: await call("OKR_"),
        missing: await call("nope"),
      };
    });
    expect(results).toEqual({
      dateRefused: "Date values cannot be passed to the server",
      context: { ok: expect.objectContaining({ lang: "en", view: "home", menu: "menu" }) },
      bad: { failed: expect.stringMatching(/refused/) },
      unknown: { failed: "Script function not found: OKR_" },
      missing: { failed: "Script function not found: nope" },
    });
  });

  it("exports the spreadsheet to .xlsx and imports it back with the same content", async () => {
    const before = await everything();
    const [download] = await Promise.all([page.waitForEvent("download"), menu("File", "Export .xlsx")]);
    expect(download.suggestedFilename()).toMatch(/^okr-sheets-.*\.xlsx$/);
    const file = await download.path();

    // A change that the import must undo.
    await page.getByRole("tab", { name: "OKRs" }).click();
    await cell("G2").dblclick();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Changed");
    await page.keyboard.press("Enter");
    await expectText(cell("G2"), "Changed");

    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), menu("File", "Import .xlsx…")]);
    await chooser.setFiles(file);
    await page.locator(".toast", { hasText: "Imported" }).waitFor();
    await expectText(cell("G2"), "Become the parking app drivers recommend");
    expect(await everything()).toEqual(before);
    // Formulas, notes and colours are back in the grid; the menu is built again.
    expect(await cell("Q1").getAttribute("class")).toContain("formula");
    expect(await cell("Q4").textContent()).toBe("0.75");
    expect(await cell("G5").getAttribute("class")).toContain("has-note");
    await page.getByRole("button", { name: "OKR", exact: true }).click();
    await page.getByRole("menuitem", { name: "Validate" }).waitFor();
    await page.keyboard.press("Escape");
  });
});
