/**
 * Text people typed (titles, names, comments), from the sheet or from the sidebar, shown as they
 * typed it: a right-to-left title reads right to left inside the English or French page (its final
 * "!" at its left end, not its right), in the fields too, and line breaks (Alt+Enter in a cell, Enter
 * in a comment) stay line breaks.
 */
import type { Locator, Page } from "playwright-core";
import { type LoadedAddon, loadAddon } from "../../dev/loader";
import { screenshot, serveWith, usePages } from "../helpers/browser";
import { openSidebar, pageShown } from "./sidebar-page";

const NOW = "2026-11-15T10:00:00Z";
/** At the end of the quarter, when the next quarter is offered. */
const DIALOG_NOW = "2026-12-30T10:00:00Z";
/** "Increase the number of partners!" in Arabic: read right to left, the "!" ends it on the left. */
const ARABIC = "زيادة عدد الشركاء!";
/** "Win the Brussels market" in Hebrew, with a question mark. */
const HEBREW = "לכבוש את השוק בבריסל?";
const LINES = "Done:\n- signed Interparking\n- signed Q-Park";

function setUp(now: string, menu: "checkIn" | "openNextQuarter" | undefined, cells: Record<string, string>) {
  const addon = loadAddon({ locale: "en", now });
  addon.ui.answers.push({ button: "YES" });
  addon.run("setUpTemplate");
  const okrs = addon.spreadsheet.sheet("OKRs")!;
  const ids = okrs.values().map((line) => line[1]);
  const columns = { title: 7, owner: 8 } as const;
  for (const [where, text] of Object.entries(cells)) {
    const [id, column] = where.split(".") as [string, keyof typeof columns];
    okrs.cell(ids.indexOf(id) + 1, columns[column]).value = text;
  }
  if (menu) addon.run(menu);
  return addon;
}

/**
 * Where the first and last characters of `text` are drawn inside `scope`: right to left, the first
 * one is on the right of the last one.
 */
async function readsRightToLeft(scope: Locator, text: string): Promise<boolean> {
  return scope.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const box = (offset: number) => {
        const range = document.createRange();
        range.setStart(node!, offset);
        range.setEnd(node!, offset + 1);
        return range.getBoundingClientRect();
      };
      return box(at).left > box(at + wanted.length - 1).left;
    }
    throw new Error(`"${wanted}" is not shown`);
  }, text);
}

/** The text as drawn: a line break shown is a "\n", one collapsed a space. */
const shown = (scope: Locator) => scope.evaluate((n) => (n as HTMLElement).innerText);

describe("text people typed, shown as typed, in headless Chromium", () => {
  const pages = usePages({ width: 300, height: 900 });
  let page: Page;
  beforeEach(() => {
    page = pages.page;
  });
  const idle = () => page.waitForFunction(() => !document.body.classList.contains("busy"));
  const open = (addon: LoadedAddon, host = false) =>
    openSidebar(
      page,
      serveWith(addon),
      host
        ? () => {
            const w = window as unknown as { google: { script: Record<string, unknown> } };
            w.google.script.host = { close: () => undefined };
          }
        : undefined,
      pageShown(addon),
    );

  it("shows a right-to-left title and owner in their own direction, and a comment's lines, in the check-in", async () => {
    const addon = setUp(NOW, "checkIn", { "KR-1.title": ARABIC, "O-2.owner": HEBREW });
    const log = addon.spreadsheet.sheet("Check-ins")!;
    log.cell(log.values().length, 5).value = LINES; // the last check-in, on KR-5
    await open(addon);
    const kr1 = page.locator('fieldset.kr-checkin[data-kr="KR-1"]');
    await kr1.waitFor();
    await idle();
    await screenshot(page, "user-text-checkin");
    expect(await readsRightToLeft(kr1.locator("legend"), ARABIC)).toBe(true);
    // The owner reads right to left, and stays before the team: "owner · Sales".
    const meta = kr1.locator(".meta");
    expect(await readsRightToLeft(meta, HEBREW)).toBe(true);
    expect(await meta.textContent()).toBe(`${HEBREW} · Sales`);
    const kr5 = page.locator('fieldset.kr-checkin[data-kr="KR-5"]');
    expect(await shown(kr5.locator(".history q").first())).toContain(LINES);

    // A comment typed in Arabic is typed right to left; saved, it comes back with its lines.
    const comment = kr1.getByLabel("Comment");
    await kr1.getByLabel("New value").fill("155");
    await comment.fill(`${ARABIC}\n${ARABIC}`);
    expect(await comment.evaluate((n) => getComputedStyle(n).direction)).toBe("rtl");
    await page.getByRole("button", { name: "Save check-ins" }).click();
    await page.getByRole("status").getByText("1 check-in saved.").waitFor();
    const latest = kr1.locator(".history q").first();
    expect(await shown(latest)).toBe(`${ARABIC}\n${ARABIC}`);
    expect(await readsRightToLeft(latest, ARABIC)).toBe(true);
  });

  it("shows right-to-left titles and line breaks in the next-quarter dialog", async () => {
    await page.setViewportSize({ width: 520, height: 560 });
    const addon = setUp(DIALOG_NOW, "openNextQuarter", {
      "O-3.title": ARABIC,
      "O-2.title": "Win the Brussels market\n(and keep it)",
    });
    await open(addon, true);
    await page.locator('[data-action="start"]').waitFor();
    await screenshot(page, "user-text-next-quarter");
    const candidate = (id: string) => page.locator(".candidate").filter({ hasText: id });
    expect(await readsRightToLeft(candidate("O-3").locator("label").first(), ARABIC)).toBe(true);
    expect(await shown(candidate("O-2").locator(".objective"))).toBe(
      "Win the Brussels market\n(and keep it)",
    );
  });

  it("lets a right-to-left objective be typed and read back right to left in the wizard, line breaks kept", async () => {
    const addon = setUp(NOW, undefined, {});
    await open(addon);
    await page.locator(".step-title").waitFor();
    await idle();
    await page.getByLabel("Level").selectOption("team");
    const team = page.getByLabel("Team", { exact: true });
    await team.fill(HEBREW);
    expect(await team.evaluate((n) => getComputedStyle(n).direction)).toBe("rtl");
    await page.getByLabel("Owner").fill("Léa");
    await page.locator('[data-action="next"]').click();
    const objective = page.getByLabel("Objective", { exact: true });
    await objective.fill(ARABIC);
    expect(await objective.evaluate((n) => getComputedStyle(n).direction)).toBe("rtl");
    await page.locator('[data-action="next"]').click();
    await page.getByLabel("Title").fill("Grow partners\nfrom 120 to 180");
    await page.getByLabel("Baseline").fill("120");
    await page.getByLabel("Target").fill("180");
    await page.locator('[data-action="next"]').click();
    const summary = page.locator(".summary");
    await summary.waitFor();
    await idle();
    await screenshot(page, "user-text-wizard-review");
    expect(await readsRightToLeft(summary.locator(".objective"), ARABIC)).toBe(true);
    expect(await readsRightToLeft(summary.locator(".meta").first(), HEBREW)).toBe(true);
    expect(await shown(summary.locator(".kr-list li").first())).toContain("Grow partners\nfrom 120 to 180");
  });
});
