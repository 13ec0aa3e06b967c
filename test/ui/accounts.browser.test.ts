/**
 * Two things an add-on meets in a real browser: several Google accounts signed in at once (every
 * google.script.run call then fails with a permission error, which the sidebar explains with what
 * to do), and one browser opening several spreadsheets (the wizard keeps one draft per spreadsheet).
 */
import type { Page } from "playwright-core";
import { type LoadedAddon, loadAddon, readDist } from "../../dev/loader";
import { bridgeScriptRun, openHtml, usePages } from "../helpers/browser";
import { pageShown } from "./sidebar-page";

const NOW = "2026-11-15T10:00:00Z";
/** What google.script.run's failure handler receives in that case (Apps Script issue 69270374). */
const STORAGE_DENIED =
  "ScriptError: We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.";
const AUTHORIZATION = "ScriptError: Authorization is required to perform that action.";

function setUp(options: { locale?: string; spreadsheetId?: string } = {}): LoadedAddon {
  const addon = loadAddon({ locale: options.locale ?? "en", spreadsheetId: options.spreadsheetId, now: NOW });
  addon.ui.answers.push({ button: "YES" });
  addon.run("setUpTemplate");
  return addon;
}

describe("several Google accounts signed in", () => {
  const pages = usePages({ width: 300, height: 600 });
  let page: Page;
  beforeEach(() => {
    page = pages.page;
  });

  it("explains the first failed call, with what to do, rather than a bare error", async () => {
    await bridgeScriptRun(page, () => {
      throw new Error(STORAGE_DENIED);
    });
    await openHtml(page, readDist("Sidebar.html"));
    const status = page.locator("#status.error");
    await status.waitFor();
    const text = (await status.textContent()) ?? "";
    expect(text).toContain("several Google accounts are signed in");
    expect(text).toContain("private window");
    expect(text).toContain("sign out of your other accounts");
    expect(text).not.toContain("PERMISSION_DENIED");
    expect(text).not.toMatch(/^Something went wrong/);
  });

  it("explains it in the user's language once the server has named it", async () => {
    const addon = setUp({ locale: "fr" });
    await bridgeScriptRun(page, (name, args) => {
      if (name === "getWizardContext") throw new Error(AUTHORIZATION);
      return addon.run(name, ...args);
    });
    await openHtml(page, readDist("Sidebar.html"));
    const alert = page.getByRole("alert");
    await alert.getByText("plusieurs comptes Google sont connectés").waitFor();
    expect(await alert.textContent()).toContain("fenêtre de navigation privée");
    await page.getByRole("button", { name: "Réessayer" }).waitFor();
  });

  it("recognises the other forms of the same failure", async () => {
    const addon = setUp();
    let failure = "ScriptError: Exception: Action not allowed";
    await bridgeScriptRun(page, (name, args) => {
      if (name === "getWizardContext") throw new Error(failure);
      return addon.run(name, ...args);
    });
    await openHtml(page, readDist("Sidebar.html"));
    await page.getByRole("alert").getByText("several Google accounts are signed in").waitFor();
    failure = STORAGE_DENIED;
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("alert").getByText("several Google accounts are signed in").waitFor();
  });

  it("explains it in a dialog too", async () => {
    const addon = setUp();
    addon.run("openReview");
    await bridgeScriptRun(page, (name, args) => {
      if (name === "getReviewOptions") throw new Error(STORAGE_DENIED);
      return addon.run(name, ...args);
    });
    await openHtml(page, pageShown(addon));
    await page.getByRole("alert").getByText("several Google accounts are signed in").waitFor();
    await page.getByRole("button", { name: "Try again" }).waitFor();
  });

  it("still shows the server's own refusals as they are", async () => {
    const addon = setUp();
    await bridgeScriptRun(page, (name, args) => {
      if (name === "getWizardContext") throw new Error("The spreadsheet is busy");
      return addon.run(name, ...args);
    });
    await openHtml(page, readDist("Sidebar.html"));
    await page.getByRole("alert").getByText("The spreadsheet is busy").waitFor();
  });
});

describe("the wizard's draft in a browser that opens several spreadsheets", () => {
  const pages = usePages({ width: 300, height: 700 });

  it("is kept per spreadsheet", async () => {
    const page = pages.page;
    const sheets = {
      A: setUp({ spreadsheetId: "spreadsheet-A" }),
      B: setUp({ spreadsheetId: "spreadsheet-B" }),
    };
    let current: LoadedAddon = sheets.A;
    await bridgeScriptRun(page, (name, args) => current.run(name, ...args));
    await openHtml(page, readDist("Sidebar.html"));
    await page.getByLabel("Team", { exact: true }).fill("Ops");
    await page.getByLabel("Owner").fill("Nina");

    current = sheets.B;
    await page.reload();
    await page.getByLabel("Team", { exact: true }).waitFor();
    expect(await page.getByLabel("Team", { exact: true }).inputValue()).toBe("");
    expect(await page.getByText("Your draft was restored").count()).toBe(0);

    current = sheets.A;
    await page.reload();
    await page.getByText("Your draft was restored").waitFor();
    expect(await page.getByLabel("Team", { exact: true }).inputValue()).toBe("Ops");
  });
});
