/**
 * The playground never hangs, in headless Chromium: a page reloaded while an alert waits shows the
 * sheet and the alert again, and its answer finishes the call; an alert nobody answers is ended by
 * the watchdog in Apps Script's words, and the playground carries on.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import type { Browser, Locator, Page } from "playwright-core";
import { type Playground, startPlayground } from "../../dev/playground/server";
import { launchChromium } from "../helpers/browser";
import { entry, workbook, zeros, zip } from "../helpers/xlsx-files";

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
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
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
    // Past the 3 s limit the worker is restarted; the page closes the alert and says why.
    await alertBox().waitFor({ state: "hidden", timeout: 8000 });
    expect(playground.host.pending()).toBeUndefined();
    await page.locator(".toast.error", { hasText: "Exceeded maximum execution time" }).waitFor();
    // The restarted playground answers: the menu runs again and the grid is as it was.
    await lockPlanFromTheMenu();
    await alertBox().getByRole("button", { name: "No" }).click();
    await alertBox().waitFor({ state: "hidden" });
    expect(await cell("Q4").textContent()).toBe("0.50");
  });

  async function importFile(name: string, buffer: Buffer): Promise<void> {
    await page.getByRole("button", { name: "File", exact: true }).click();
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("menuitem", { name: "Import .xlsx…", exact: true }).click(),
    ]);
    await chooser.setFiles({ name, mimeType: "application/octet-stream", buffer });
  }

  it("refuses hostile imports with the limit they broke, and keeps the spreadsheet", async () => {
    const payload = await zeros(64);
    const bomb = zip([
      entry("[Content_Types].xml", "<Types/>"),
      entry("xl/workbook.xml", "<workbook/>"),
      { name: "xl/worksheets/sheet1.xml", ...payload },
    ]);
    const sparse = await workbook((sheet) => {
      sheet.getCell("A1").value = 1;
      sheet.getCell("ALL100000").value = 2;
    });
    const good = await workbook((sheet) => (sheet.getCell("A1").value = "x"));
    const cases: [string, Buffer, string][] = [
      ["bomb.xlsx", bomb, "This .xlsx file unpacks to 64 MB; the playground takes 50 MB at most."],
      [
        "sparse.xlsx",
        sparse,
        "The sheets span 100,000,000 cells (rows × columns); the playground takes 2,000,000 at most.",
      ],
      ["notes.xlsx", Buffer.from("not a spreadsheet"), "This is not an .xlsx file: it is not a zip archive."],
      [
        "cut.xlsx",
        good.subarray(0, 200),
        "This .xlsx file is damaged or cut short: its zip directory is missing or broken.",
      ],
    ];
    for (const [name, file, message] of cases) {
      await importFile(name, file);
      await page.locator(".toast.error", { hasText: message }).waitFor();
    }
    expect(await cell("Q4").textContent()).toBe("0.50");
  });

  it("exports a file that exceljs reads back within Excel's limits, and says what it cut", async () => {
    const long = await fetch(`${playground.url}api/edit`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sheet: "OKRs", row: 2, column: 22, input: "x".repeat(40_000) }),
    });
    expect(long.status).toBe(200);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      (async () => {
        await page.getByRole("button", { name: "File", exact: true }).click();
        await page.getByRole("menuitem", { name: "Export .xlsx", exact: true }).click();
      })(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ExcelJS.Buffer);
    const okrs = book.getWorksheet("OKRs")!;
    expect(okrs.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    let validated = 0;
    okrs.eachRow((row) =>
      row.eachCell((c) => {
        if (c.dataValidation?.type) validated++;
        if (typeof c.value === "number") expect(Number.isFinite(c.value)).toBe(true);
        if (typeof c.value === "string") expect(c.value.length).toBeLessThanOrEqual(32_767);
      }),
    );
    expect(validated).toBeGreaterThan(0);
    await page.locator(".toast", { hasText: "Cut at 32,767 characters" }).waitFor();
  });
});
