/**
 * Apps Script answers in seconds, and people keep typing meanwhile: what they type while a call
 * runs is theirs, and the call's answer must not wipe it.
 */
import type { Locator, Page } from "playwright-core";
import { type LoadedAddon, loadAddon } from "../../dev/loader";
import { usePages } from "../helpers/browser";
import { openSidebar, pageShown } from "./sidebar-page";

const NOW = "2026-11-15T10:00:00Z";

function setUp(): LoadedAddon {
  const addon = loadAddon({ locale: "en", now: NOW });
  addon.ui.answers.push({ button: "YES" });
  addon.run("setUpTemplate");
  addon.run("checkIn");
  return addon;
}

describe("typing while a call runs, in headless Chromium", () => {
  const pages = usePages({ width: 300, height: 900 });
  let page: Page;
  beforeEach(() => {
    page = pages.page;
  });

  /**
   * Opens the page with the server running the built add-on; `hold(name)` keeps the answer to the
   * next call of `name` back until `release()`.
   */
  async function open(addon: LoadedAddon): Promise<{ hold: (name: string) => void; release: () => void }> {
    let held: string | undefined;
    let release: () => void = () => undefined;
    await openSidebar(
      page,
      async (name, args) => {
        if (name === held) {
          held = undefined;
          await new Promise<void>((resolve) => (release = resolve));
        }
        return addon.run(name, ...args);
      },
      undefined,
      pageShown(addon),
    );
    return { hold: (name) => (held = name), release: () => release() };
  }

  const card = (id: string): Locator => page.locator(`fieldset.kr-checkin[data-kr="${id}"]`);
  const log = (addon: LoadedAddon) => addon.spreadsheet.sheet("Check-ins")!.values().slice(1);

  it("keeps a check-in changed while its save runs, and clears the one saved as it was sent", async () => {
    const addon = setUp();
    const server = await open(addon);
    await card("KR-1").waitFor();
    server.hold("saveCheckins");
    const kr1 = card("KR-1");
    const kr4 = card("KR-4");
    await kr1.getByLabel("New value").fill("170");
    await kr4.getByLabel("New value").fill("7");
    await page.getByRole("button", { name: "Save check-ins" }).click();
    await page.locator("#status.loading").waitFor();
    // Meanwhile: KR-1's value corrected, with a word on why; KR-4 left as sent.
    await kr1.getByLabel("New value").fill("175");
    await kr1.getByLabel("Comment").fill("Two more signed this morning");
    server.release();
    await page.getByText("2 check-ins saved.").waitFor();
    expect(
      log(addon)
        .slice(-2)
        .map((line) => line.slice(1, 3)),
    ).toEqual([
      ["KR-1", 170],
      ["KR-4", 7],
    ]);
    // What was typed after Save is still there, to save next; what was saved is cleared.
    expect(await kr1.getByLabel("New value").inputValue()).toBe("175");
    expect(await kr1.getByLabel("Comment").inputValue()).toBe("Two more signed this morning");
    expect(await kr4.getByLabel("New value").inputValue()).toBe("");
    expect(await page.locator(".save-row .counter").textContent()).toBe("Check-ins to save: 1");
    await page.getByRole("button", { name: "Save check-ins" }).click();
    await page.getByText("1 check-in saved.").waitFor();
    expect(log(addon).at(-1)!.slice(1, 5)).toEqual(["KR-1", 175, "", "Two more signed this morning"]);
  });

  it("holds the filters while the key results load, so a pick is never dropped silently", async () => {
    const addon = setUp();
    const server = await open(addon);
    await card("KR-4").waitFor();
    const team = page.getByLabel("Team", { exact: true });
    const owner = page.getByLabel("Owner", { exact: true });
    server.hold("getCheckins");
    await team.focus();
    await team.selectOption("Sales");
    await page.locator("#status.loading").waitFor();
    // Loading Sales: another pick now would be refused, so neither filter takes one.
    expect(await owner.isDisabled()).toBe(true);
    expect(await team.isDisabled()).toBe(true);
    server.release();
    await card("KR-4").waitFor({ state: "detached" });
    expect(await owner.isDisabled()).toBe(false);
    expect(await team.inputValue()).toBe("Sales");
    // Focus is back on the filter that was used.
    expect(await team.evaluate((n) => n === document.activeElement)).toBe(true);
    await owner.selectOption("Sofia");
    await card("KR-4").waitFor();
    expect(await team.inputValue()).toBe("");
  });
});
